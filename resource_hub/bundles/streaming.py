"""A ZIP streamed from the object store, its length known before the first byte.

zipstream-ng computes the archive's exact size when every member's size is
known and nothing is compressed (ZIP_STORED): each member is a local header,
its bytes, a data descriptor, and a central directory entry at the end. So
the response carries `Content-Length` (browsers show progress and a truncated
download is seen as failed), members are read from the bucket in chunks of
CHUNK_SIZE as the client takes them, and the worker's memory stays flat
whatever the archive's size. Teaching files are mostly PDF, Office, images and
video, formats that are compressed already, so storing them costs little.
zipstream-ng writes ZIP64 records where a member or the archive passes 4 GiB.

A missing object must not cut a download off half-way: `check_objects` asks
the store for every object's size (a HEAD each, several at once) before the
response starts, and the caller refuses the whole bundle if any is missing or
not the size recorded. An object that fails while being read (the store goes
away) is resumed from where it stopped with a ranged GET, twice at most;
after that the stream stops, the client sees fewer bytes than announced and
reports the download as failed rather than keeping a corrupt archive.

Every byte of a bundle passes through the worker once, and its CRC-32 is the
only computation on it. With the system zlib's crc32 (~3.5 GB/s a core here)
that was a third of the worker's CPU while streaming; zlib-ng's crc32 is the
same function (same polynomial, same results) computed with carry-less
multiplication (~50 GB/s), so zipstream-ng is given it when the package is
installed (bench/README.md, "bundles.py", has the figures).
"""

import concurrent.futures
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import botocore.exceptions
import zipstream.ng
from zipstream import ZIP_STORED, ZipStream

from resource_hub.files.objectstore import bucket, default_storage, is_s3

logger = logging.getLogger(__name__)

try:
    from zlib_ng.zlib_ng import crc32 as fast_crc32
except ImportError:  # the system zlib's: the same archive, ~0.35 s more CPU a GiB
    fast_crc32 = None
else:
    # zipstream-ng calls its module's `crc32` (zipfile's) on every chunk of a member.
    zipstream.ng.crc32 = fast_crc32

CHUNK_SIZE = 1024 * 1024
#: HEAD requests in flight at once while checking a bundle's objects.
CHECK_CONCURRENCY = 8
#: Ranged re-reads of one object after its stream broke.
RESUMES = 2

_BROKEN_STREAM = (
    # The connection closed before the object's last byte (botocore counts them).
    botocore.exceptions.IncompleteReadError,
    botocore.exceptions.ResponseStreamingError,
    botocore.exceptions.ReadTimeoutError,
    botocore.exceptions.ConnectionError,
    ConnectionError,
)


@dataclass(frozen=True)
class Member:
    """One archive member: bytes given (small, made here) or an object read from the store."""

    path: str
    size: int
    data: bytes | None = None
    name: str | None = None  # storage-relative name of the object to stream


class _Chunks:
    """An iterable that opens the object only when the stream reaches this member."""

    def __init__(self, name: str, size: int):
        self.name, self.size = name, size

    def __iter__(self) -> Iterator[bytes]:
        return object_chunks(self.name, self.size)


def sized_zip(members: Iterable[Member]) -> ZipStream:
    """A ZipStream whose `len()` is the exact number of bytes it will produce."""
    archive = ZipStream(compress_type=ZIP_STORED, sized=True)
    for member in members:
        if member.data is not None:
            archive.add(member.data, member.path)
        else:
            archive.add(_Chunks(member.name, member.size), member.path, size=member.size)
    return archive


def on_start(chunks: Iterable[bytes], on_started: Callable[[], None]) -> Iterator[bytes]:
    """`chunks`, calling `on_started()` once the first chunk is ready to be sent.

    A stream that fails before its first byte (an unreadable object) never
    calls it, so usage is counted only for a download that started well.
    """
    iterator = iter(chunks)
    try:
        head = next(iterator)
    except StopIteration:
        on_started()
        return
    on_started()
    yield head
    yield from iterator


def object_chunks(name: str, size: int, *, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """The stored object's bytes, `chunk_size` at a time (S3, or the local folder)."""
    storage = default_storage()
    if not is_s3(storage):
        with storage.open(name, "rb") as stored:
            while chunk := stored.read(chunk_size):
                yield chunk
        return
    target = bucket(storage)
    key = target.key(name)
    position, resumes = 0, 0
    while position < size:
        arguments = {"Bucket": target.name, "Key": key}
        if position:
            arguments["Range"] = f"bytes={position}-"
        body = target.client.get_object(**arguments)["Body"]
        try:
            for chunk in body.iter_chunks(chunk_size):
                position += len(chunk)
                yield chunk
            return
        except _BROKEN_STREAM as error:
            resumes += 1
            if resumes > RESUMES:
                raise
            logger.warning("reading %s broke at byte %d, resuming: %r", key, position, error)
        finally:
            body.close()


def check_objects(objects: dict[str, int | None]) -> tuple[dict[str, int], list[str]]:
    """The store's size of each object (name → recorded size or None), and those that fail.

    An object fails when the store does not have it, or has it at another size
    than the one recorded. Asked before a bundle starts, so a missing object
    refuses the bundle instead of breaking it off half-way.
    """
    storage = default_storage()
    if is_s3(storage):
        target = bucket(storage)

        def size_of(name: str) -> int | None:
            try:
                head = target.client.head_object(Bucket=target.name, Key=target.key(name))
            except botocore.exceptions.ClientError as error:
                status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
                if status == 404:
                    return None
                raise
            return head["ContentLength"]

    else:

        def size_of(name: str) -> int | None:
            return storage.size(name) if storage.exists(name) else None

    names = list(objects)
    with concurrent.futures.ThreadPoolExecutor(min(CHECK_CONCURRENCY, len(names) or 1)) as pool:
        sizes = dict(zip(names, pool.map(size_of, names), strict=True))
    failed = [
        name
        for name, size in sizes.items()
        if size is None or (objects[name] is not None and objects[name] != size)
    ]
    for name in failed:
        logger.error(
            "bundle refused: %s is %s in the store (recorded size %s); files_audit reports these",
            name,
            "missing" if sizes[name] is None else f"{sizes[name]} bytes",
            objects[name],
        )
    return {name: size for name, size in sizes.items() if size is not None}, failed
