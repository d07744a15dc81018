"""Direct, resumable uploads: the bytes go from the browser to the object store, not through Django.

    upload_start      -> an Upload row and, on S3, a multipart upload at uploads/<id>
    upload_sign_parts -> short-lived URLs the client PUTs each part to
    upload_parts      -> the parts the store holds (to resume after a dropped connection)
    upload_abort      -> give up; nothing stays

Completing (assemble, verify, create the document; or reject and remove
everything) is in completion.py: asked for by the client, done by a background
task.

On S3 each part goes straight to the bucket through a presigned `UploadPart`
URL. With local storage (`make run` on a bare machine) the part URLs point at
our own endpoint, signed the same way, and parts are staged under
MEDIA_ROOT/uploads/<id>/. Either way the client code is the same.

On S3 the multipart upload starts at the key the document will keep, so
completing assembles the parts where they are and copies nothing (a copy was
the slowest step of completing a large file: bench/README.md):
documents/uploads/<upload id>/<safe name>, or, when the client declares the
file's SHA-256 at the start, its content key documents/<sha256[:2]>/<sha256>/<name>.
The bytes are verified either way. Uploads started before keys under documents/
(at uploads/<id>) are still copied on completion (`keeps_its_key`).

An upload's `purpose` says what completing makes of it: a document (the
default), or the ZIP of the admin's records import, kept as it is at
imports/uploads/<upload id>/<safe name> for the import to read (no document).
"""

import hashlib
import logging
import os
import re
import shutil
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Collection

from resource_hub.access.documents import can_add_document

from . import objectstore
from .errors import (
    EmptyFile,
    FilePermissionDenied,
    FileTooLarge,
    UploadError,
    UploadNotActive,
)
from .models import ResourceDocument, Upload
from .naming import (
    KEY_PREFIX,
    UPLOADS_PREFIX,
    display_filename,
    document_key,
    safe_filename,
)
from .objectstore import reaching_store

logger = logging.getLogger(__name__)

UPLOAD_PREFIX = "uploads"
#: Where an import's ZIP is kept (not under documents/ or uploads/: no document names it,
#: and the sweep must not take it for an abandoned upload while the import waits).
IMPORT_PREFIX = "imports/uploads"
S3_MIN_PART_SIZE = 5 * 1024 * 1024
S3_MAX_PARTS = 10_000
MAX_SIGN_BATCH = 100
_SHA256 = re.compile(r"\A[0-9a-f]{64}\Z")
_PART_SALT = "resource_hub.files.upload-part"


def part_size_for(size: int) -> int:
    """The part size for a file: the setting, grown (in MiB steps) to stay within 10,000 parts."""
    part_size = max(settings.FILES_UPLOAD_PART_SIZE, S3_MIN_PART_SIZE)
    if size > part_size * S3_MAX_PARTS:
        mib = 1024 * 1024
        part_size = -(-size // S3_MAX_PARTS // mib + 1) * mib
    return part_size


def upload_start(
    *,
    user,
    collection: Collection,
    filename: str,
    size: int,
    title: str = "",
    sha256: str = "",
    purpose: str = Upload.Purpose.DOCUMENT,
) -> Upload:
    """Start a direct upload of `size` bytes into `collection`.

    The declared size is checked now (so nobody sends 5 GB to hear "too
    large") and again, measured, on completion. `sha256`, if given, must
    match the bytes that arrive. On S3 the parts go to the key the document
    keeps: the content key (a free name there) when `sha256` is given, else a
    name under documents/uploads/<upload id>/; completing copies nothing.
    An import's ZIP (`purpose` IMPORT) goes to imports/uploads/<upload id>/.
    """
    if purpose not in Upload.Purpose.values:
        raise UploadError(_("Unknown upload purpose “%(purpose)s”.") % {"purpose": purpose})
    if not can_add_document(user, collection):
        raise FilePermissionDenied()
    if size <= 0:
        raise EmptyFile()
    limit = settings.FILES_MAX_UPLOAD_SIZE
    if size > limit:
        raise FileTooLarge(
            _("The file is %(size)s; the largest file the site accepts is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    sha256 = (sha256 or "").strip().lower()
    if sha256 and not _SHA256.match(sha256):
        raise UploadError(_("The SHA-256 checksum must be 64 hexadecimal characters."))
    original = display_filename(filename)
    if not original:
        raise UploadError(_("Give the file's name."))

    upload_uuid = uuid.uuid4()
    declared = bool(sha256) and objectstore.is_s3() and purpose == Upload.Purpose.DOCUMENT
    upload = Upload(
        id=upload_uuid,
        user=user,
        purpose=purpose,
        collection=collection,
        filename=original,
        title=(title or "").strip()[:255],
        size=size,
        sha256=sha256,
        part_size=part_size_for(size),
        key=_start_key(upload_uuid, sha256 if declared else "", original, purpose),
        expires_at=timezone.now() + timedelta(hours=settings.FILES_UPLOAD_RESUME_HOURS),
    )
    if objectstore.is_s3():
        target = objectstore.bucket()
        with reaching_store():
            started = target.client.create_multipart_upload(
                Bucket=target.name,
                Key=target.key(upload.key),
                ContentType="application/octet-stream",
            )
        upload.upload_id = started["UploadId"]
    else:
        staging_dir(upload).mkdir(parents=True, exist_ok=True)
    try:
        upload.save(force_insert=True)
    except BaseException:
        upload_discard(upload, delete_object=False)
        raise
    return upload


def _start_key(upload_uuid: uuid.UUID, sha256: str, filename: str, purpose: str) -> str:
    """Where the parts go: the key the document will keep (S3), or a staging name (local).

    An import's ZIP: the key it is kept at, on S3 and locally alike.
    """
    if purpose == Upload.Purpose.IMPORT:
        return f"{IMPORT_PREFIX}/{upload_uuid}/{safe_filename(filename)}"
    if not objectstore.is_s3():
        return f"{UPLOAD_PREFIX}/{upload_uuid}"
    if sha256:
        return _content_key(sha256, filename)
    return upload_document_key(upload_uuid, filename)


def upload_document_key(upload_uuid: uuid.UUID, filename: str) -> str:
    """documents/uploads/<upload id>/<safe name>: a name of the upload's own, kept by its document.

    Free by construction (the upload's id is unique), so no request to the store
    is needed to find it; at most 175 characters (the document field allows 255).
    """
    return f"{UPLOADS_PREFIX}{upload_uuid}/{safe_filename(filename)}"


def keeps_its_key(upload: Upload) -> bool:
    """Does the document keep the object where the parts were assembled (on S3)?

    True for every upload started at a key under documents/; False only for an
    upload started at uploads/<id> by the code before it (copied on completion).
    """
    return bool(upload.upload_id) and upload.key.startswith(f"{KEY_PREFIX}/")


def is_declared(upload: Upload) -> bool:
    """Were the parts sent straight to the content key (the SHA-256 declared, on S3)?"""
    return (
        keeps_its_key(upload)
        and bool(upload.sha256)
        and upload.key.startswith(f"{KEY_PREFIX}/{upload.sha256[:2]}/{upload.sha256}/")
    )


def _content_key(sha256: str, filename: str) -> str:
    """A free name at the content key, for a declared upload.

    Free in the bucket (an existing document's object is never the target of
    a multipart upload) and among uploads (two uploads of the same bytes and
    name get different names; `Upload.key` is unique).
    """
    storage = objectstore.default_storage()
    max_length = ResourceDocument._meta.get_field("file").max_length
    name = document_key(sha256, safe_filename(filename))
    with reaching_store():
        name = storage.get_available_name(name, max_length=max_length)
        while Upload.objects.filter(key=name).exists():
            root, extension = os.path.splitext(name)
            name = storage.get_available_name(
                storage.get_alternative_name(root, extension), max_length=max_length
            )
    return name


def upload_for_user(*, user, upload_id) -> Upload:
    """The user's own upload (anyone else's is "not found")."""
    return Upload.objects.select_related("collection").get(pk=upload_id, user=user)


def upload_sign_parts(*, upload: Upload, part_numbers: list[int]) -> list[dict]:
    """Signed PUT URLs for these part numbers (from 1), valid FILES_UPLOAD_PART_URL_EXPIRY s."""
    upload_require_active(upload)
    if not part_numbers:
        raise UploadError(_("Ask for at least one part."))
    if len(part_numbers) > MAX_SIGN_BATCH:
        raise UploadError(
            _("Ask for at most %(count)d parts at a time.") % {"count": MAX_SIGN_BATCH}
        )
    count = upload.part_count
    for number in part_numbers:
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= count:
            raise UploadError(
                _("Part numbers run from 1 to %(count)d for this file.") % {"count": count}
            )
    expiry = settings.FILES_UPLOAD_PART_URL_EXPIRY
    expires_at = timezone.now() + timedelta(seconds=expiry)
    signed = []
    if objectstore.is_s3():
        target = objectstore.bucket()
        for number in sorted(set(part_numbers)):
            url = target.client.generate_presigned_url(
                "upload_part",
                Params={
                    "Bucket": target.name,
                    "Key": target.key(upload.key),
                    "UploadId": upload.upload_id,
                    "PartNumber": number,
                },
                ExpiresIn=expiry,
                HttpMethod="PUT",
            )
            signed.append(_signed_part(upload, number, url, expires_at))
    else:
        signer = signing.TimestampSigner(salt=_PART_SALT)
        for number in sorted(set(part_numbers)):
            token = signer.sign(f"{upload.pk}:{number}")
            url = reverse("api:upload-part", args=[upload.pk, number]) + f"?token={token}"
            signed.append(_signed_part(upload, number, url, expires_at))
    return signed


def _signed_part(upload: Upload, number: int, url: str, expires_at) -> dict:
    return {
        "number": number,
        "url": url,
        "method": "PUT",
        "size": upload_part_length(upload, number),
        "expires_at": expires_at.isoformat(),
    }


def upload_part_length(upload: Upload, number: int) -> int:
    """How many bytes part `number` must hold."""
    if number < upload.part_count:
        return upload.part_size
    return upload.size - upload.part_size * (upload.part_count - 1)


def upload_parts(*, upload: Upload) -> list[dict]:
    """The parts that have arrived: [{"number", "size", "etag"}], in order."""
    if upload.state != Upload.State.STARTED:
        return []
    return list_parts(upload)


def list_parts(upload: Upload) -> list[dict]:
    """The parts the store holds, whatever the upload's state."""
    if not objectstore.is_s3():
        staging = staging_dir(upload)
        parts = []
        for path in sorted(staging.glob("*.part"), key=lambda p: int(p.stem)):
            parts.append({"number": int(path.stem), "size": path.stat().st_size, "etag": ""})
        return parts
    target = objectstore.bucket()
    parts = []
    marker = 0
    with reaching_store():
        while True:
            listed = target.client.list_parts(
                Bucket=target.name,
                Key=target.key(upload.key),
                UploadId=upload.upload_id,
                PartNumberMarker=marker,
            )
            for part in listed.get("Parts", []):
                parts.append(
                    {"number": part["PartNumber"], "size": part["Size"], "etag": part["ETag"]}
                )
            if not listed.get("IsTruncated"):
                break
            marker = listed["NextPartNumberMarker"]
    return parts


def upload_receive_part(*, upload_id, number: int, token: str, stream) -> dict:
    """Local storage only: store one part sent to our own signed URL (streamed to disk)."""
    signer = signing.TimestampSigner(salt=_PART_SALT)
    try:
        signed = signer.unsign(token, max_age=settings.FILES_UPLOAD_PART_URL_EXPIRY)
    except signing.BadSignature:
        raise UploadError(_("This part URL is wrong or has expired; ask for a new one.")) from None
    if signed != f"{upload_id}:{number}":
        raise UploadError(_("This part URL is for another part."))
    upload = Upload.objects.get(pk=upload_id)
    upload_require_active(upload)
    expected = upload_part_length(upload, number)
    staging = staging_dir(upload)
    temporary = staging / f".{number}.{uuid.uuid4().hex}"
    digest = hashlib.md5(usedforsecurity=False)
    received = 0
    try:
        with temporary.open("wb") as out:
            while chunk := stream.read(min(1024 * 1024, expected + 1 - received)):
                received += len(chunk)
                if received > expected:
                    break
                digest.update(chunk)
                out.write(chunk)
        if received != expected:
            raise UploadError(
                _("Part %(number)d must be %(expected)d bytes; %(received)d arrived.")
                % {"number": number, "expected": expected, "received": received}
            )
        temporary.replace(staging / f"{number}.part")
    finally:
        temporary.unlink(missing_ok=True)
    return {"number": number, "size": received, "etag": f'"{digest.hexdigest()}"'}


def upload_abort(*, upload: Upload) -> None:
    """Give up an upload: its parts are removed and it cannot be resumed."""
    if upload.state != Upload.State.STARTED:
        return
    upload_discard(upload, delete_object=not is_declared(upload))
    upload_set_state(upload, Upload.State.ABORTED)


def upload_require_active(upload: Upload) -> None:
    if upload.state != Upload.State.STARTED:
        raise UploadNotActive()
    if upload.expires_at <= timezone.now():
        raise UploadNotActive(
            _("This upload was not finished in time and has expired; start it again.")
        )


def upload_set_state(
    upload: Upload, state: str, *, error: str = "", error_code: str = "", document=None
) -> None:
    upload.state = state
    upload.error = str(error)
    upload.error_code = error_code
    upload.document = document
    upload.save(update_fields=["state", "error", "error_code", "document", "updated_at"])


def staging_dir(upload: Upload) -> Path:
    return Path(settings.MEDIA_ROOT) / UPLOAD_PREFIX / str(upload.pk)


def upload_discard(upload: Upload, *, delete_object: bool = True) -> None:
    """Remove what an upload left: its multipart parts, its object, local parts.

    `delete_object=False` when the object at the upload's key may not be its
    own: a declared upload's content key before its parts were assembled.
    """
    if not objectstore.is_s3():
        shutil.rmtree(staging_dir(upload), ignore_errors=True)
        return
    target = objectstore.bucket()
    try:
        if upload.upload_id:
            target.client.abort_multipart_upload(
                Bucket=target.name, Key=target.key(upload.key), UploadId=upload.upload_id
            )
    except Exception:  # already completed or aborted; the sweep checks again
        logger.info("could not abort the multipart upload of %s", upload.key, exc_info=True)
    if delete_object:
        upload_delete_object(upload)


def upload_delete_object(upload: Upload) -> None:
    """Delete the object at the upload's key (assembled by us); the sweep retries failures."""
    target = objectstore.bucket()
    try:
        target.client.delete_object(Bucket=target.name, Key=target.key(upload.key))
    except Exception:  # the sweep removes what is left under uploads/
        logger.exception("could not delete the upload's object %s", upload.key)


def upload_drop_kept(*, upload: Upload) -> None:
    """An import's ZIP that is no longer needed (imported, dropped, never used): its object goes.

    The upload is marked ABORTED, so nothing can refer to it again.
    """
    if upload.purpose != Upload.Purpose.IMPORT:
        raise ValueError("only an import's ZIP is kept without a document")
    objectstore.default_storage().delete(upload.key)
    if upload.state == Upload.State.COMPLETED:
        upload_set_state(upload, Upload.State.ABORTED)
