"""An object whose stream breaks half-way is resumed with a ranged GET, twice at most.

The connection to the real S3 server is really broken: the socket under the
object's body is shut down after the first chunk has arrived, so the next read
fails as it would if the store went away.
"""

import hashlib
import os
import socket

import botocore.exceptions
import pytest
from django.core.files.base import ContentFile

from resource_hub.bundles.streaming import RESUMES, object_chunks
from resource_hub.files.objectstore import bucket, default_storage

MIB = 1024 * 1024
CHUNK = 64 * 1024


@pytest.fixture
def stored(s3_storage):
    """16 MiB of random bytes in the bucket: more than the sockets buffer between reads."""
    body = os.urandom(16 * MIB)
    name = default_storage().save("bundles-resume/big.bin", ContentFile(body))
    return name, body


class Breaker:
    """Shuts down the connection under each of the next `times` GetObject bodies."""

    def __init__(self, client, times: int):
        self.client, self.times, self.bodies = client, times, []

    def __enter__(self):
        self.client.meta.events.register("after-call.s3.GetObject", self.keep)
        return self

    def __exit__(self, *exc):
        self.client.meta.events.unregister("after-call.s3.GetObject", self.keep)

    def keep(self, parsed, **kwargs):
        self.bodies.append(parsed["Body"])

    def break_latest(self):
        if len(self.bodies) <= self.times:
            # the body's stream: urllib3 response → http.client response → socket file
            raw = self.bodies[-1]._raw_stream._fp.fp.raw
            raw._sock.shutdown(socket.SHUT_RDWR)


def read(name: str, size: int, breaker: Breaker) -> bytes:
    received, broken = bytearray(), set()
    for chunk in object_chunks(name, size, chunk_size=CHUNK):
        received += chunk
        if len(breaker.bodies) not in broken:  # once per GET, after its first chunk
            broken.add(len(breaker.bodies))
            breaker.break_latest()
    return bytes(received)


def test_a_broken_stream_resumes_where_it_stopped(stored, caplog):
    name, body = stored
    with Breaker(bucket().client, times=RESUMES) as breaker:
        received = read(name, len(body), breaker)

    assert hashlib.sha256(received).digest() == hashlib.sha256(body).digest()
    assert len(breaker.bodies) == RESUMES + 1  # the first GET, then one per resume
    assert sum("resuming" in record.getMessage() for record in caplog.records) == RESUMES


def test_a_stream_that_keeps_breaking_stops_instead_of_lying(stored):
    name, body = stored
    with (
        Breaker(bucket().client, times=RESUMES + 1) as breaker,
        pytest.raises((botocore.exceptions.BotoCoreError, ConnectionError)),
    ):
        read(name, len(body), breaker)
    assert len(breaker.bodies) == RESUMES + 1
