"""The S3 storage backend: django-storages' S3Storage, lighter per thread.

django-storages gives every thread its own boto3 session (its resources are
not thread-safe), and each session parses botocore's service models again:
about 13 MB per thread that touches the store. Here the sessions share one
botocore data loader, whose caches hold those parsed models once per process
(about 1 MB per extra session, measured).

It also deconstructs to nothing when it is the configured default storage.
Wagtail deletes a document's file in a background task that is given the
storage deconstructed; ours is configured with botocore objects (timeouts,
retries, transfer sizes), which a task's JSON arguments cannot carry, and with
credentials, which must not be written into the task queue's table. Built
without arguments it reads the configured options again.
"""

import threading

import botocore.loaders
from django.conf import settings
from storages.backends.s3 import S3Storage as BaseS3Storage

_loader = None
_loader_lock = threading.Lock()


def shared_loader() -> botocore.loaders.Loader:
    global _loader
    with _loader_lock:
        if _loader is None:
            _loader = botocore.loaders.create_loader()
        return _loader


def _configured_options() -> dict:
    default = settings.STORAGES.get("default", {})
    if default.get("BACKEND") != f"{__name__}.S3Storage":
        return {}
    return default.get("OPTIONS", {})


class S3Storage(BaseS3Storage):
    def __init__(self, **options):
        super().__init__(**(options or _configured_options()))

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        if kwargs == _configured_options():
            return path, (), {}
        return path, args, kwargs

    def _create_session(self):
        session = super()._create_session()
        session._session.register_component("data_loader", shared_loader())
        return session
