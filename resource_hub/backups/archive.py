"""Backups that restore: the database and every stored object, with their checksums.

A backup is a folder (made private to its owner):

    manifest.json     what is in it: when, the database dump and each object,
                      with sizes and SHA-256
    database.dump     pg_dump's custom format (or database.sqlite3)
    objects/<name>    every object of the default storage (the bucket, or
                      MEDIA_ROOT), under its storage-relative name

The search index is not backed up: it is a copy of the database, rebuilt after
a restore (`search_index rebuild`).

`restore` checks the whole backup against its manifest before it touches
anything, so a damaged or incomplete backup changes nothing; then it replaces
the database, writes the objects back under their names and rebuilds the index.
"""

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from resource_hub.files.errors import StorageUnavailable
from resource_hub.files.inventory import list_objects
from resource_hub.files.objectstore import bucket, default_storage, is_s3, reaching_store

from . import database
from .errors import BackupError

FORMAT = 1
MANIFEST = "manifest.json"
OBJECTS = "objects"
CHUNK = 1024 * 1024

Advance = Callable[[int], None]


@dataclass(frozen=True)
class StoredCopy:
    name: str
    size: int
    sha256: str
    content_type: str = ""  # the bucket's Content-Type of the object (S3 only)


@dataclass(frozen=True)
class BackupSummary:
    folder: Path
    database: str
    objects: int
    bytes: int


def backup(destination: Path, *, on_object: Advance | None = None) -> BackupSummary:
    """Write a new backup folder under `destination`; returns what it holds."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = destination / f"resource-hub-{stamp}"
    try:
        folder.mkdir(parents=True, mode=0o700)
    except FileExistsError as error:
        raise BackupError(_("%(folder)s exists already.") % {"folder": folder}) from error
    try:
        dump_file = database.dump(folder)
        copies = []
        with _reaching_store():
            for stored in list_objects(""):
                copies.append(_copy_out(stored.name, folder / OBJECTS))
                if on_object:
                    on_object(1)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # no half backup left to be mistaken for one
        raise
    manifest = {
        "format": FORMAT,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": {
            "vendor": database.vendor(),
            "file": dump_file.name,
            "sha256": _sha256_of(dump_file),
        },
        "objects": [copy.__dict__ for copy in sorted(copies, key=lambda copy: copy.name)],
        "search_index": "not included: rebuilt from the database after a restore",
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return BackupSummary(folder, database.vendor(), len(copies), sum(c.size for c in copies))


def check(folder: Path, *, on_object: Advance | None = None) -> dict:
    """The backup's manifest, once every file in it is present with its checksum."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError as error:
        raise BackupError(
            _("%(folder)s is not a backup: it has no manifest.json.") % {"folder": folder}
        ) from error
    except ValueError as error:
        raise BackupError(
            _("The backup's manifest.json is damaged: %(error)s") % {"error": error}
        ) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(_("This backup's format is not one this version can restore."))
    if manifest["database"]["vendor"] != database.vendor():
        raise BackupError(
            _("This backup is of a %(theirs)s database; this site uses %(ours)s.")
            % {"theirs": manifest["database"]["vendor"], "ours": database.vendor()}
        )
    _expect(folder / manifest["database"]["file"], manifest["database"]["sha256"])
    for entry in manifest["objects"]:
        _expect(_object_path(folder, entry["name"]), entry["sha256"], entry["size"])
        if on_object:
            on_object(1)
    return manifest


def restore(
    folder: Path, *, manifest: dict | None = None, on_object: Advance | None = None
) -> dict:
    """Replace the database and the stored objects by the backup's.

    `manifest`: what `check` returned for this folder; without it, the backup is checked first.
    """
    manifest = manifest if manifest is not None else check(folder)
    with _reaching_store():  # before the database is touched: all of it, or nothing
        next(iter(list_objects("")), None)
    database.restore(folder / manifest["database"]["file"])
    with _reaching_store():
        for entry in manifest["objects"]:
            path = _object_path(folder, entry["name"])
            _copy_in(entry["name"], path, entry.get("content_type"))
            if on_object:
                on_object(1)
    return manifest


@contextmanager
def _reaching_store():
    """The files app's "store unreachable", said as a backup error."""
    try:
        with reaching_store():
            yield
    except StorageUnavailable as error:
        raise BackupError(
            _(
                "The object store cannot be reached, so the files were not copied: "
                "start it, or check S3_ENDPOINT_URL, and run the command again."
            )
        ) from error


def _object_path(folder: Path, name: str) -> Path:
    """Where an object's copy lives; a name that would leave the folder is refused."""
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise BackupError(_("The backup names an unsafe file: %(name)s") % {"name": name})
    return folder / OBJECTS / Path(*relative.parts)


def _copy_out(name: str, objects: Path) -> StoredCopy:
    target = _object_path(objects.parent, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    source, content_type = _open_stored(name)
    with source, open(target, "wb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return StoredCopy(name, size, digest.hexdigest(), content_type)


def _open_stored(name: str):
    """The object's bytes as a stream, and its Content-Type in the bucket ("" locally)."""
    if is_s3():
        target = bucket()
        answer = target.client.get_object(Bucket=target.name, Key=target.key(name))
        return answer["Body"], answer.get("ContentType", "")
    return default_storage().open(name, "rb"), ""


def _copy_in(name: str, source: Path, content_type: str | None = None) -> None:
    """Write the object back under its own name (overwriting what is there)."""
    storage = default_storage()
    if is_s3(storage):
        target = bucket(storage)
        extra = {"ContentType": content_type} if content_type else None
        with open(source, "rb") as data:
            target.client.upload_fileobj(data, target.name, target.key(name), ExtraArgs=extra)
        return
    path = Path(storage.path(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(source, "rb") as data, open(path, "wb") as out:
        while chunk := data.read(CHUNK):
            out.write(chunk)


def _expect(path: Path, sha256: str, size: int | None = None) -> None:
    if not path.is_file():
        raise BackupError(_("The backup is incomplete: %(path)s is missing.") % {"path": path})
    if size is not None and os.path.getsize(path) != size:
        raise BackupError(_("The backup is damaged: %(path)s has the wrong size.") % {"path": path})
    if _sha256_of(path) != sha256:
        raise BackupError(
            _("The backup is damaged: %(path)s does not match its checksum.") % {"path": path}
        )


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        while chunk := data.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
