"""What the object store holds: stored objects, multipart uploads and staged upload folders.

The same questions for an S3 bucket and for local storage (MEDIA_ROOT), with
names relative to the storage, as FileFields store them. Used by the fixity
and clean-up commands (audit.py, sweep.py). Listings are paginated and
streamed, so a bucket of any size is read a page at a time.
"""

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from botocore.exceptions import ClientError

from .objectstore import bucket, default_storage, is_s3

UPLOADS = "uploads"
PAGE_SIZE = 1000  # keys per listing request (S3's own maximum)

_MISSING_CODES = frozenset({"404", "NoSuchKey", "NotFound"})


@dataclass(frozen=True, slots=True)
class StoredObject:
    name: str  # relative to the storage
    size: int
    modified: datetime


@dataclass(frozen=True, slots=True)
class PendingUpload:
    """A multipart upload the bucket still holds parts for (S3 only)."""

    name: str
    upload_id: str
    initiated: datetime


@dataclass(frozen=True, slots=True)
class StagedUpload:
    """A folder MEDIA_ROOT/uploads/<upload uuid>/ of a direct upload (local storage only)."""

    upload_pk: uuid.UUID
    path: Path
    modified: datetime  # the latest change of the folder or anything in it
    size: int


def is_missing(error: BaseException) -> bool:
    """Does this error from opening a stored file mean that the object is not there?"""
    if isinstance(error, FileNotFoundError):
        return True
    if isinstance(error, ClientError):
        return str(error.response.get("Error", {}).get("Code")) in _MISSING_CODES
    return False


def exists(name: str) -> bool:
    return default_storage().exists(name)


def list_objects(prefix: str) -> Iterator[StoredObject]:
    """Every stored object whose name starts with `prefix` + "/" (all of them for ""),
    in no promised order."""
    prefix = prefix.strip("/")
    prefix = f"{prefix}/" if prefix else ""
    if is_s3():
        yield from _s3_objects(prefix)
    else:
        yield from _local_objects(prefix)


def delete_object(name: str) -> None:
    """Delete a stored object; locally, also the folders it leaves empty (below the top one)."""
    storage = default_storage()
    storage.delete(name)
    if is_s3(storage):
        return
    root = Path(storage.location).resolve()
    folder = Path(storage.path(name)).resolve().parent
    while folder.parent != root and folder != root and root in folder.parents:
        try:
            folder.rmdir()  # only succeeds when empty
        except OSError:
            break
        folder = folder.parent


def _s3_objects(prefix: str) -> Iterator[StoredObject]:
    target = bucket()
    pages = target.client.get_paginator("list_objects_v2").paginate(
        Bucket=target.name, Prefix=target.key(prefix), PaginationConfig={"PageSize": PAGE_SIZE}
    )
    for page in pages:
        for item in page.get("Contents", []):
            yield StoredObject(target.name_of(item["Key"]), item["Size"], item["LastModified"])


def _local_objects(prefix: str) -> Iterator[StoredObject]:
    storage = default_storage()
    root = Path(storage.location)
    top = root / prefix
    if not top.is_dir():
        return
    for folder, _dirs, files in os.walk(top):
        for filename in files:
            path = Path(folder) / filename
            stat = path.stat()
            yield StoredObject(
                path.relative_to(root).as_posix(),
                stat.st_size,
                datetime.fromtimestamp(stat.st_mtime, UTC),
            )


def list_multipart_uploads(prefix: str = UPLOADS) -> Iterator[PendingUpload]:
    """Multipart uploads started under `prefix` and neither completed nor aborted (S3 only)."""
    if not is_s3():
        return
    target = bucket()
    pages = target.client.get_paginator("list_multipart_uploads").paginate(
        Bucket=target.name,
        Prefix=target.key(prefix.strip("/") + "/"),
        PaginationConfig={"PageSize": PAGE_SIZE},
    )
    for page in pages:
        for item in page.get("Uploads", []):
            yield PendingUpload(target.name_of(item["Key"]), item["UploadId"], item["Initiated"])


def abort_multipart_upload(upload: PendingUpload) -> None:
    """Abort an upload and free its parts.

    Whether it is gone must be checked by listing again: S3Proxy (our test
    server) still answers ListParts after an abort, so NoSuchUpload proves nothing.
    """
    target = bucket()
    try:
        target.client.abort_multipart_upload(
            Bucket=target.name, Key=target.key(upload.name), UploadId=upload.upload_id
        )
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") != "NoSuchUpload":
            raise


def list_staged_uploads() -> Iterator[StagedUpload]:
    """The folders MEDIA_ROOT/uploads/<uuid>/ where local direct uploads keep their parts."""
    if is_s3():
        return
    top = Path(default_storage().location) / UPLOADS
    if not top.is_dir():
        return
    for entry in top.iterdir():
        if not entry.is_dir() or entry.is_symlink():
            continue
        upload_pk = parse_uuid(entry.name)
        if upload_pk is None:
            continue  # not an upload's folder; its files are listed as objects
        latest, size = entry.stat().st_mtime, 0
        for folder, _dirs, files in os.walk(entry):
            latest = max(latest, Path(folder).stat().st_mtime)
            for filename in files:
                stat = (Path(folder) / filename).stat()
                latest, size = max(latest, stat.st_mtime), size + stat.st_size
        yield StagedUpload(upload_pk, entry, datetime.fromtimestamp(latest, UTC), size)


def is_staged(name: str) -> bool:
    """Is this stored name inside an upload's staging folder (uploads/<uuid>/...)?"""
    parts = name.split("/")
    return len(parts) >= 3 and parts[0] == UPLOADS and parse_uuid(parts[1]) is not None


def parse_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def delete_staged_upload(staged: StagedUpload) -> None:
    shutil.rmtree(staged.path)
