"""The S3 storage's shared botocore loader: the models without their documentation and
the endpoint table cut to our services, and the store still reached and signed for."""

import json
import pickle
import threading
from urllib.parse import parse_qs, urlsplit

import botocore.loaders
import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from resource_hub.files.storage import ENDPOINT_SERVICES, LeanJSONFileLoader, shared_loader

pytestmark = pytest.mark.django_db


def documentation_strings(node) -> list[str]:
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k == "documentation" and isinstance(v, str)]
        return found + [s for v in node.values() for s in documentation_strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in documentation_strings(v)]
    return []


def lean_loader() -> botocore.loaders.Loader:
    """A loader like the shared one, fresh: botocore merges defaults into the data it
    was given (the endpoint table's entries) in place, as it does with its own loader,
    so the shared one's cache is not what the files say once a client has been made."""
    assert isinstance(shared_loader().file_loader, LeanJSONFileLoader)
    return botocore.loaders.Loader(file_loader=LeanJSONFileLoader())


def test_the_models_are_the_same_but_for_their_documentation():
    ours = lean_loader().load_service_model("s3", "service-2")
    botocores = botocore.loaders.Loader().load_service_model("s3", "service-2")

    assert documentation_strings(botocores)  # there was something to take out
    assert set(documentation_strings(ours)) == {""}  # every key kept, emptied

    def without_documentation(node):
        if isinstance(node, dict):
            return {
                k: "" if k == "documentation" and isinstance(v, str) else without_documentation(v)
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [without_documentation(v) for v in node]
        return node

    assert ours == without_documentation(json.loads(json.dumps(botocores)))


def test_a_documentation_lookalike_inside_a_value_is_left_alone(tmp_path):
    data = {
        "documentation": 'says "documentation":"x" and \\"',
        "members": {"documentation": {"shape": "Doc"}},
        "example": '"documentation": "kept"',
    }
    (tmp_path / "model.json").write_text(json.dumps(data, indent=1))

    loaded = LeanJSONFileLoader().load_file(str(tmp_path / "model"))

    assert loaded == {**data, "documentation": ""}


def test_the_endpoint_table_keeps_our_services_in_every_partition():
    endpoints = lean_loader().load_data("endpoints")
    full = botocore.loaders.Loader().load_data("endpoints")

    assert [p["partition"] for p in endpoints["partitions"]] == [
        p["partition"] for p in full["partitions"]
    ]
    for ours, theirs in zip(endpoints["partitions"], full["partitions"], strict=True):
        kept = {
            name: theirs["services"][name] for name in ENDPOINT_SERVICES & set(theirs["services"])
        }
        assert "s3" in kept
        assert ours == {**theirs, "services": kept}
    assert {k: v for k, v in endpoints.items() if k != "partitions"} == {
        k: v for k, v in full.items() if k != "partitions"
    }


def test_the_storage_still_writes_reads_and_signs(s3_storage):
    storage = storages["default"]
    name = storage.save("loader/notes.txt", ContentFile(b"lesson notes\n"))

    url = storage.url(name, parameters={"ResponseContentDisposition": "attachment"}, expire=60)

    assert "X-Amz-Signature" in parse_qs(urlsplit(url).query)
    assert requests.get(url, timeout=10).content == b"lesson notes\n"
    with storage.open(name, "rb") as stored:
        assert stored.read() == b"lesson notes\n"
    storage.delete(name)
    assert not storage.exists(name)


def test_threads_keep_their_own_resource_around_one_client(s3_storage):
    storage = storages["default"]
    seen = []

    def connect():
        seen.append(storage.connection)

    threads = [threading.Thread(target=connect) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    connect()

    assert len({id(resource) for resource in seen}) == 4  # not shared: not thread-safe
    assert len({id(resource.meta.client) for resource in seen}) == 1
    assert storage.connection is seen[-1]  # kept for this thread


def test_the_storage_still_pickles(s3_storage):
    """As django-storages' does: without its connections (and here the shared client)."""
    storage = storages["default"]
    storage.connection  # noqa: B018 - made before pickling, as a running site's is

    copy = pickle.loads(pickle.dumps(storage))  # noqa: S301 - our own object

    assert copy._shared_client is None
    assert copy.bucket_name == storage.bucket_name
