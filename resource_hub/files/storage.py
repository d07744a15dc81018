"""The S3 storage backend: django-storages' S3Storage, lighter per thread and per process.

django-storages gives every thread its own boto3 session (its resources are
not thread-safe), and each session parses botocore's service models again:
about 13 MB per thread that touches the store. Here the sessions share one
botocore data loader, whose caches hold those parsed models once per process
(about 1 MB per extra session, measured).

That loader reads botocore's JSON models without their documentation (the
text of every operation and field, kept for docstrings and help only) and as
plain dicts rather than botocore's OrderedDicts, and keeps only our services'
rows of the legacy endpoint table: the first S3 client of a process then costs
about 6.5 MiB instead of 17.6 (measured; the web worker's peak during an
upload, issue 13).

It also deconstructs to nothing when it is the configured default storage.
Wagtail deletes a document's file in a background task that is given the
storage deconstructed; ours is configured with botocore objects (timeouts,
retries, transfer sizes), which a task's JSON arguments cannot carry, and with
credentials, which must not be written into the task queue's table. Built
without arguments it reads the configured options again.
"""

import json
import os
import re
import threading

import botocore.loaders
from django.conf import settings
from storages.backends.s3 import S3Storage as BaseS3Storage

_loader = None
_loader_lock = threading.Lock()


# A "documentation" key and its string value. Sound on valid JSON: outside a
# string an unescaped quote starts or ends one, so this cannot match inside a value.
_DOCUMENTATION = re.compile(rb'"documentation"\s*:\s*"(?:[^"\\]++|\\.)*+"')

# The services whose endpoints our sessions may look up: S3, and what botocore's
# credential providers call (STS to assume a role, SSO). A service missing from
# the table still resolves, to its partition's default hostname pattern.
ENDPOINT_SERVICES = frozenset({"s3", "sts", "sso", "sso-oidc"})


class LeanJSONFileLoader(botocore.loaders.JSONFileLoader):
    """botocore's JSON data files with their documentation strings emptied (before
    parsing: the text is a third of the size, and ASCII), as plain dicts, and the
    legacy endpoint table (all of AWS's 400 services, 4 MiB parsed) cut to ours."""

    def _load_file(self, full_path, open_method):
        if not os.path.isfile(full_path):
            return None
        with open_method(full_path, "rb") as source:
            # Emptied, not removed: botocore reads some of these keys with [].
            text = _DOCUMENTATION.sub(b'"documentation":""', source.read()).decode()
        if os.path.basename(full_path).startswith("endpoints.json"):
            return _endpoint_table(text)
        return json.loads(text)


_SERVICES = re.compile(r'"services"\s*:\s*\{')
_SPACE = re.compile(r"\s*")
_DECODER = json.JSONDecoder()


def _endpoint_table(text: str) -> dict:
    """The endpoint table with only ENDPOINT_SERVICES in each partition.

    The services are read one at a time and the others dropped at once: parsed
    whole, the table would take 4 MiB for a moment, and that moment is the web
    worker's peak (its first S3 request).
    """
    pieces, kept, end = [], [], 0
    for found in _SERVICES.finditer(text):
        position, services = found.end(), {}
        while text[(position := _SPACE.match(text, position).end())] != "}":
            name, position = json.decoder.scanstring(text, position + 1)
            position = _SPACE.match(text, position).end() + 1  # past the colon
            value, position = _DECODER.raw_decode(text, _SPACE.match(text, position).end())
            if name in ENDPOINT_SERVICES:
                services[name] = value
            position = _SPACE.match(text, position).end()
            position += text[position] == ","
        pieces.append(text[end : found.end()])
        end = position  # the services' closing brace stays
        kept.append(services)
    data = json.loads("".join(pieces) + text[end:])
    for partition, services in zip(data["partitions"], kept, strict=True):
        partition["services"] = services
    return data


def shared_loader() -> botocore.loaders.Loader:
    """One loader for the process's sessions. botocore merges each endpoint's defaults
    into the cached table in place when it resolves one, as with its own per-session
    loader; the merge gives the same result every time, so sharing it is safe."""
    global _loader
    with _loader_lock:
        if _loader is None:
            _loader = botocore.loaders.Loader(file_loader=LeanJSONFileLoader())
        return _loader


def _configured_options() -> dict:
    default = settings.STORAGES.get("default", {})
    if default.get("BACKEND") != f"{__name__}.S3Storage":
        return {}
    return default.get("OPTIONS", {})


class S3Storage(BaseS3Storage):
    def __init__(self, **options):
        super().__init__(**(options or _configured_options()))
        self._shared_client = None
        self._shared_client_lock = threading.Lock()

    @property
    def connection(self):
        """This thread's boto3 resource, around one client for all threads.

        boto3 resources are not thread-safe, so each thread keeps its own (as
        django-storages does), but clients are: the first thread's client serves
        them all, instead of a session, client and event system per thread (about
        0.5 MiB each, measured; issue 13).
        """
        connection = getattr(self._connections, "connection", None)
        if connection is None:
            with self._shared_client_lock:
                if self._shared_client is None:
                    connection = super().connection
                    self._shared_client = connection
                else:
                    first = self._shared_client
                    connection = type(first)(client=first.meta.client)
                    self._connections.connection = connection
        return connection

    def __getstate__(self):
        state = super().__getstate__()
        state.pop("_shared_client", None)
        state.pop("_shared_client_lock", None)
        return state

    def __setstate__(self, state):
        super().__setstate__(state)
        self._shared_client = None
        self._shared_client_lock = threading.Lock()

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        if kwargs == _configured_options():
            return path, (), {}
        return path, args, kwargs

    def _create_session(self):
        session = super()._create_session()
        session._session.register_component("data_loader", shared_loader())
        return session
