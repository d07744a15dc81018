"""Reading stored objects with ranged GETs: right bytes, few requests, bounded work."""

import io
import os
import random

import pytest
from django.core.files.base import ContentFile

from resource_hub.files import objectstore
from resource_hub.files.facts import measure

MIB = 1024 * 1024


@pytest.fixture
def stored(s3_storage):
    """Save bytes through the default storage; returns (name, bytes) and counts GETs."""
    storage = objectstore.default_storage()

    def store(data: bytes, name="objectstore/sample.bin"):
        return storage.save(name, ContentFile(data)), data

    return store


@pytest.fixture
def get_requests():
    """How many GetObject calls the storage's client makes from now on."""
    target = objectstore.bucket()
    calls = []

    def count(**_kwargs):
        calls.append(1)

    target.client.meta.events.register("before-call.s3.GetObject", count)
    yield calls
    target.client.meta.events.unregister("before-call.s3.GetObject", count)


def test_reads_and_seeks_return_the_stored_bytes(stored):
    name, data = stored(os.urandom(3 * MIB + 17))
    rng = random.Random(4)
    with objectstore.open_reader(name, size=len(data)) as reader:
        assert reader.read() == data
        for _ in range(25):
            start = rng.randrange(len(data))
            reader.seek(start)
            length = rng.randrange(1, 300_000)
            assert reader.read(length) == data[start : start + length]
        reader.seek(-10, io.SEEK_END)
        assert reader.read() == data[-10:]
        assert reader.read(5) == b""


def test_a_full_pass_takes_a_handful_of_requests(stored, get_requests):
    name, data = stored(os.urandom(16 * MIB))
    with objectstore.open_reader(name, size=len(data)) as reader:
        while reader.read(MIB):
            pass
    # Windows of 256 KiB, 512 KiB, 1, 2, 4, 8 MiB ... not one request per read.
    assert len(get_requests) <= 8


def test_a_damaged_pdf_is_measured_without_scanning_it(stored, get_requests):
    """No trailer: pypdf would search all of it backwards; we don't count its pages."""
    name, data = stored(b"%PDF-1.7\n" + os.urandom(16 * MIB))
    with objectstore.open_reader(name, size=len(data)) as reader:
        facts = measure(reader)
    assert (facts.mime_type, facts.page_count, facts.size) == ("application/pdf", None, len(data))
    assert len(get_requests) <= 12


def test_threads_share_one_copy_of_the_service_models(s3_storage):
    """Each thread gets its own boto3 session (django-storages), but not its own models."""
    import threading

    storage = objectstore.default_storage()
    loaders = []

    def touch():
        storage.exists("objectstore/nothing")
        loaders.append(storage.connection.meta.client._loader)

    threads = [threading.Thread(target=touch) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(loader) for loader in loaders}) == 1
