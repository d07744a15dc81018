"""Clean-up of the object store: what no row explains, and uploads nobody will finish.

`sweep_plan` only looks; `sweep_apply` removes what the plan found. Used by
`manage.py files_sweep`.

What counts as abandoned:
- an object under documents/ or thumbnails/ that no ResourceDocument names
  and that is not the key of a live upload (a completed upload's object stays
  where its parts were assembled, documents/uploads/<upload id>/<name> or its
  content key; one whose row was never written, after a crash, is kept while
  its upload could still be completed, and is an orphan once it expires);
- an upload under uploads/ (an S3 multipart upload, a local staging folder
  uploads/<upload uuid>/, or a single object) whose Upload row is over
  (neither STARTED nor COMPLETING) or expired, or which has no row at all;
  likewise an unfinished multipart upload under documents/ (a client that
  declared the SHA-256 sends its parts straight to the content key), and under
  imports/uploads/ (an import's ZIP).
Anything without a row is only touched once it is older than `older_than`:
`document_create` writes the object before its row, and the upload service
starts a multipart upload before saving its row. A live row (STARTED or
COMPLETING, and not expired) always keeps its upload.

Rows whose object is missing are only reported: their metadata is worth more
than the sweep's opinion, and a person must restore the bytes or delete the row.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from . import inventory
from .inventory import UPLOADS, PendingUpload, StagedUpload, StoredObject
from .models import ResourceDocument, Upload
from .objectstore import is_s3
from .uploads import IMPORT_PREFIX

DOCUMENT_PREFIXES = ("documents", "thumbnails")
# Uploads that may still write: their parts and objects are kept until they expire.
LIVE = (Upload.State.STARTED, Upload.State.COMPLETING)
BATCH = 500


@dataclass(frozen=True, slots=True)
class MissingObject:
    document_id: int
    title: str
    name: str
    field: str  # "file" or "thumbnail"


@dataclass(frozen=True, slots=True)
class Abandoned:
    """An upload (multipart, staging folder or object) to remove, and why."""

    item: PendingUpload | StagedUpload | StoredObject
    row: Upload | None
    reason: str


@dataclass
class SweepPlan:
    orphans: list[StoredObject] = field(default_factory=list)
    missing: list[MissingObject] = field(default_factory=list)
    uploads: list[Abandoned] = field(default_factory=list)
    # Live (STARTED, COMPLETING) but expired, nothing stored.
    expired_rows: list[Upload] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.orphans or self.missing or self.uploads or self.expired_rows)


@dataclass
class SweepDone:
    objects_deleted: int = 0
    bytes_freed: int = 0
    uploads_aborted: int = 0
    rows_aborted: int = 0
    kept: list[str] = field(default_factory=list)  # orphans that gained a row meanwhile


def sweep_plan(
    *,
    older_than: timedelta,
    now: datetime | None = None,
    on_object: Callable[[], None] = lambda: None,
) -> SweepPlan:
    """Find what `sweep_apply` would remove, and the rows whose object is missing."""
    now = now or timezone.now()
    cutoff = now - older_than
    plan = SweepPlan()
    listed: set[str] = set()
    batch: list[StoredObject] = []
    for prefix in DOCUMENT_PREFIXES:
        for stored in inventory.list_objects(prefix):
            on_object()
            listed.add(stored.name)
            if stored.modified <= cutoff:
                batch.append(stored)
            if len(batch) >= BATCH:
                plan.orphans.extend(_unreferenced(batch))
                batch = []
    plan.orphans.extend(_unreferenced(batch))
    plan.missing = list(_missing_objects(listed))
    plan.uploads = list(_abandoned_uploads(now=now, cutoff=cutoff, on_object=on_object))
    # Expired rows whose upload is not in the store at all (the others come with their upload).
    covered = {abandoned.row.pk for abandoned in plan.uploads if abandoned.row is not None}
    plan.expired_rows = [
        row
        for row in Upload.objects.filter(state__in=LIVE, expires_at__lte=now)
        if row.pk not in covered
    ]
    return plan


def sweep_apply(plan: SweepPlan, *, now: datetime | None = None) -> SweepDone:
    """Remove the orphans and abandoned uploads of `plan`; mark their live rows ABORTED."""
    now = now or timezone.now()
    done = SweepDone()
    for start in range(0, len(plan.orphans), BATCH):
        batch = plan.orphans[start : start + BATCH]
        still_orphans = {stored.name for stored in _unreferenced(batch)}  # a row may have come
        for stored in batch:
            if stored.name not in still_orphans:
                done.kept.append(stored.name)
                continue
            inventory.delete_object(stored.name)
            done.objects_deleted += 1
            done.bytes_freed += stored.size
    for abandoned in plan.uploads:
        item = abandoned.item
        if isinstance(item, PendingUpload):
            inventory.abort_multipart_upload(item)
            done.uploads_aborted += 1
        elif isinstance(item, StagedUpload):
            inventory.delete_staged_upload(item)
            done.uploads_aborted += 1
            done.bytes_freed += item.size
        else:
            inventory.delete_object(item.name)
            done.objects_deleted += 1
            done.bytes_freed += item.size
    row_ids = {row.pk for row in plan.expired_rows}
    row_ids |= {abandoned.row.pk for abandoned in plan.uploads if abandoned.row is not None}
    done.rows_aborted = Upload.objects.filter(pk__in=row_ids, state__in=LIVE).update(
        state=Upload.State.ABORTED,
        error=f"Abandoned: removed by files_sweep at {now.isoformat(timespec='seconds')}.",
        updated_at=now,
    )
    return done


def _unreferenced(objects: Iterable[StoredObject]) -> list[StoredObject]:
    """The objects that no document row names as its file or thumbnail, and no live
    upload as its key (assembled there, its document not written yet: the row may
    come on a retry until the upload expires)."""
    objects = list(objects)
    if not objects:
        return []
    names = [stored.name for stored in objects]
    referenced = set()
    for file, thumbnail in ResourceDocument.objects.filter(
        Q(file__in=names) | Q(thumbnail__in=names)
    ).values_list("file", "thumbnail"):
        referenced.update((file, thumbnail))
    referenced.update(
        Upload.objects.filter(
            key__in=names, state__in=LIVE, expires_at__gt=timezone.now()
        ).values_list("key", flat=True)
    )
    return [stored for stored in objects if stored.name not in referenced]


def _missing_objects(listed: set[str]):
    """Rows naming an object that the listing did not show (and that is not there now either)."""
    rows = ResourceDocument.objects.order_by("pk").values_list("pk", "title", "file", "thumbnail")
    for pk, title, file, thumbnail in rows.iterator(chunk_size=2000):
        for name, field_name in ((file, "file"), (thumbnail, "thumbnail")):
            if not name or name in listed:
                continue
            # Listed prefixes are authoritative, but a row saved during the listing
            # (or a name outside them) is checked directly.
            if not inventory.exists(name):
                yield MissingObject(pk, title, name, field_name)


def _abandoned_uploads(*, now: datetime, cutoff: datetime, on_object: Callable[[], None]):
    pending = [
        *inventory.list_multipart_uploads(),
        *inventory.list_multipart_uploads("documents"),
        # An import's ZIP (uploads.IMPORT_PREFIX); once assembled it is the import's to delete.
        *inventory.list_multipart_uploads(IMPORT_PREFIX),
    ]
    staged = list(inventory.list_staged_uploads())
    # Locally, the files in a staging folder belong to that folder's upload, handled above.
    local = not is_s3()
    leftovers = [
        stored
        for stored in inventory.list_objects(UPLOADS)
        if not (local and inventory.is_staged(stored.name))
    ]
    keys = [upload.name for upload in pending] + [stored.name for stored in leftovers]
    rows_by_key = {row.key: row for row in Upload.objects.filter(key__in=keys)}
    rows_by_pk = Upload.objects.in_bulk(
        [item.upload_pk for item in staged] + [pk for pk in map(_upload_pk, leftovers) if pk]
    )

    for upload in pending:
        on_object()
        row = rows_by_key.get(upload.name)
        if row is not None and row.upload_id and row.upload_id != upload.upload_id:
            row = None  # a second multipart upload at the row's key: not the row's own
        reason = _verdict(row, upload.initiated, now=now, cutoff=cutoff)
        if reason:
            yield Abandoned(upload, row, f"multipart upload {reason}")
    for folder in staged:
        on_object()
        row = rows_by_pk.get(folder.upload_pk)
        reason = _verdict(row, folder.modified, now=now, cutoff=cutoff)
        if reason:
            yield Abandoned(folder, row, f"staged upload {reason}")
    for stored in leftovers:
        on_object()
        row = rows_by_key.get(stored.name) or rows_by_pk.get(_upload_pk(stored))
        reason = _verdict(row, stored.modified, now=now, cutoff=cutoff)
        if reason:
            yield Abandoned(stored, row, f"upload object {reason}")


def _verdict(row: Upload | None, since: datetime, *, now: datetime, cutoff: datetime) -> str:
    """Why an upload is abandoned, or "" to keep it."""
    if row is None:
        return "with no Upload row" if since <= cutoff else ""
    if row.state not in LIVE:
        return f"of an upload that is {row.get_state_display().lower()} ({row.pk})"
    if row.expires_at <= now:
        return f"of an upload that expired at {row.expires_at:%Y-%m-%d %H:%M} ({row.pk})"
    return ""


def _upload_pk(stored: StoredObject):
    """The Upload id in a name uploads/<uuid>/..., if it has one."""
    parts = stored.name.split("/")
    return inventory.parse_uuid(parts[1]) if len(parts) >= 3 else None
