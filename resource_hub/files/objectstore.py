"""The object store below Django's storage API: what django-storages does not offer.

Multipart uploads, presigned part URLs, listing and ranged reads need the
boto3 client itself. Everything here works on keys *relative to the storage*
(what a FileField stores); the storage's `location` prefix is added here, so
callers never see it.
"""

import contextlib
import io
import logging
from dataclasses import dataclass

import botocore.exceptions
from django.core.files.storage import Storage, storages
from storages.backends.s3 import S3Storage

from .errors import StorageUnavailable

logger = logging.getLogger(__name__)


def default_storage() -> Storage:
    return storages["default"]


def is_s3(storage: Storage | None = None) -> bool:
    return isinstance(storage or default_storage(), S3Storage)


@dataclass(frozen=True, slots=True)
class Bucket:
    """The boto3 client, bucket name and key prefix behind an S3Storage."""

    client: object
    name: str
    location: str

    def key(self, name: str) -> str:
        """The bucket key of a storage-relative name."""
        return f"{self.location}/{name}" if self.location else name

    def name_of(self, key: str) -> str:
        """The storage-relative name of a bucket key (the inverse of `key`)."""
        prefix = f"{self.location}/" if self.location else ""
        return key[len(prefix) :] if prefix and key.startswith(prefix) else key


def bucket(storage: Storage | None = None) -> Bucket:
    storage = storage or default_storage()
    if not isinstance(storage, S3Storage):
        raise TypeError("the default storage is not S3")
    # `connection.meta.client` is the thread's client with the storage's own settings.
    location = (storage.location or "").strip("/")
    return Bucket(storage.connection.meta.client, storage.bucket_name, location)


MIN_WINDOW = 256 * 1024
MAX_WINDOW = 64 * 1024 * 1024


class RangedReader(io.RawIOBase):
    """A seekable, read-only file over one S3 object, read with ranged GETs.

    Each GET asks for a bounded window: small after a seek, doubling (to
    64 MiB) while reads stay sequential. Memory stays at the caller's read size, so a
    1 GiB object can be hashed, sniffed (zip directories are near the end)
    and measured without a temporary copy.
    """

    def __init__(self, target: Bucket, key: str, size: int | None = None):
        super().__init__()
        self._bucket = target
        self._key = key
        if size is None:
            size = target.client.head_object(Bucket=target.name, Key=key)["ContentLength"]
        self._size = size
        self._position = 0
        self._stream = None
        self._stream_position = None
        self._window = MIN_WINDOW
        self.name = key

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    @property
    def size(self) -> int:
        return self._size

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            position = offset
        elif whence == io.SEEK_CUR:
            position = self._position + offset
        elif whence == io.SEEK_END:
            position = self._size + offset
        else:
            raise ValueError(f"invalid whence {whence}")
        if position < 0:
            raise OSError("negative seek position")
        self._position = position
        return position

    def readinto(self, buffer) -> int:
        if self._position >= self._size:
            return 0
        if self._stream is None or self._stream_position != self._position:
            # A jump: ask for a small window first (a zip directory, a PDF
            # trailer); while reads stay sequential the windows double, so a
            # full pass costs a handful of requests and a seek wastes little.
            self._window = MIN_WINDOW
            self._open_stream()
        data = self._stream.read(len(buffer))
        if not data:  # this window is used up: the next one continues from here
            self._window = min(self._window * 2, MAX_WINDOW)
            self._open_stream()
            data = self._stream.read(len(buffer))
        count = len(data)
        buffer[:count] = data
        self._position += count
        self._stream_position = self._position
        return count

    def _open_stream(self) -> None:
        self._close_stream()
        end = min(self._size, self._position + self._window) - 1
        response = self._bucket.client.get_object(
            Bucket=self._bucket.name, Key=self._key, Range=f"bytes={self._position}-{end}"
        )
        self._stream = response["Body"]
        self._stream_position = self._position

    def _close_stream(self) -> None:
        if self._stream is not None:
            self._stream.close()
        self._stream = None
        self._stream_position = None

    def close(self) -> None:
        self._close_stream()
        super().close()


def open_reader(name: str, *, size: int | None = None, buffer_size: int = 1024 * 1024):
    """A buffered, seekable binary reader of a stored file (storage-relative name)."""
    storage = default_storage()
    if is_s3(storage):
        target = bucket(storage)
        return io.BufferedReader(RangedReader(target, target.key(name), size), buffer_size)
    return storage.open(name, "rb")


# Errors that mean "the store did not answer", as opposed to "it refused".
_UNREACHABLE = (
    botocore.exceptions.ConnectionError,
    botocore.exceptions.HTTPClientError,
)


def is_unreachable(error: BaseException) -> bool:
    """Did this error come from a store that could not be reached (or failed on its side)?"""
    if isinstance(error, _UNREACHABLE):
        return True
    if isinstance(error, botocore.exceptions.ClientError):
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
        return status >= 500
    return False


@contextlib.contextmanager
def reaching_store():
    """Turn "the store cannot be reached" into StorageUnavailable (a message to act on)."""
    try:
        yield
    except Exception as error:
        if is_unreachable(error):
            logger.warning("the object store is unreachable: %r", error)
            raise StorageUnavailable() from error
        raise


def check_reachable(storage: Storage | None = None) -> None:
    """Raise StorageUnavailable unless the bucket answers (a HEAD on the bucket).

    Used before an upload through Django starts, so the person hears at once
    rather than after sending the whole file.
    """
    storage = storage or default_storage()
    if not is_s3(storage):
        return
    target = bucket(storage)
    with reaching_store():
        target.client.head_bucket(Bucket=target.name)
