"""Direct, resumable uploads: the bytes go from the browser to the object store, not through Django.

    upload_start      -> an Upload row and, on S3, a multipart upload at uploads/<id>
    upload_sign_parts -> short-lived URLs the client PUTs each part to
    upload_parts      -> the parts the store holds (to resume after a dropped connection)
    upload_complete   -> assemble, verify (size, SHA-256, type by content), store under the
                         content key, create the document; or reject and remove everything
    upload_abort      -> give up; nothing stays

On S3 each part goes straight to the bucket through a presigned `UploadPart`
URL. With local storage (`make run` on a bare machine) the part URLs point at
our own endpoint, signed the same way, and parts are staged under
MEDIA_ROOT/uploads/<id>/. Either way the client code is the same.

Verification streams the assembled object once (objectstore.RangedReader):
Django's memory does not grow with the file.
"""

import hashlib
import logging
import re
import shutil
import time
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.core.files import File
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Collection

from resource_hub.access.documents import can_add_document

from . import objectstore
from .errors import (
    EmptyFile,
    FileError,
    FilePermissionDenied,
    FileTooLarge,
    StorageUnavailable,
    UploadError,
    UploadIncomplete,
    UploadNotActive,
)
from .facts import measure, storage_content_type
from .models import ResourceDocument, Upload
from .naming import display_filename, safe_filename
from .objectstore import reaching_store
from .policy import check_file_allowed
from .services import (
    document_build,
    document_create,
    document_enqueue_derivatives,
    document_save_or_discard,
    document_validate,
)

logger = logging.getLogger(__name__)

UPLOAD_PREFIX = "uploads"
S3_MIN_PART_SIZE = 5 * 1024 * 1024
S3_MAX_PARTS = 10_000
S3_MAX_COPY_SIZE = 5 * 1024**3  # CopyObject's limit; larger objects are copied in parts
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
) -> Upload:
    """Start a direct upload of `size` bytes into `collection`.

    The declared size is checked now (so nobody sends 5 GB to hear "too
    large") and again, measured, on completion. `sha256`, if given, must
    match the bytes that arrive.
    """
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
    upload = Upload(
        id=upload_uuid,
        user=user,
        collection=collection,
        filename=original,
        title=(title or "").strip()[:255],
        size=size,
        sha256=sha256,
        part_size=part_size_for(size),
        key=f"{UPLOAD_PREFIX}/{upload_uuid}",
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
        _staging_dir(upload).mkdir(parents=True, exist_ok=True)
    try:
        upload.save(force_insert=True)
    except BaseException:
        _discard_staged(upload)
        raise
    return upload


def upload_for_user(*, user, upload_id) -> Upload:
    """The user's own upload (anyone else's is "not found")."""
    return Upload.objects.select_related("collection").get(pk=upload_id, user=user)


def upload_sign_parts(*, upload: Upload, part_numbers: list[int]) -> list[dict]:
    """Signed PUT URLs for these part numbers (from 1), valid FILES_UPLOAD_PART_URL_EXPIRY s."""
    _require_active(upload)
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
    if not objectstore.is_s3():
        staging = _staging_dir(upload)
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
    _require_active(upload)
    expected = upload_part_length(upload, number)
    staging = _staging_dir(upload)
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


def upload_complete(*, upload: Upload) -> ResourceDocument:
    """Assemble the parts, verify the whole file and turn it into a document.

    Missing parts raise UploadIncomplete and change nothing (send them and
    complete again). A file that fails a check (size, checksum, type) is
    removed with its parts, the upload is marked rejected with the reason,
    and the FileError is raised: no document, no object.
    """
    # The row stays locked while the file is checked, so a second "complete"
    # (a retried request) waits and then finds the upload finished.
    with transaction.atomic():
        upload = Upload.objects.select_for_update().get(pk=upload.pk)
        _require_active(upload)
        if not can_add_document(upload.user, upload.collection):
            raise FilePermissionDenied()
        parts = upload_parts(upload=upload)
        _require_all_parts(upload, parts)  # a missing or short part can still be sent again
        try:
            if objectstore.is_s3():
                document = _complete_s3(upload, parts)
            else:
                document = _complete_local(upload)
        except StorageUnavailable:
            raise  # nothing is decided; completing again later may work
        except FileError as error:
            failure = error
            _discard_staged(upload)
            _mark(upload, Upload.State.REJECTED, error=error.message)
        else:
            _mark(upload, Upload.State.COMPLETED, document=document)
            return document
    raise failure


def upload_abort(*, upload: Upload) -> None:
    """Give up an upload: its parts are removed and it cannot be resumed."""
    if upload.state != Upload.State.STARTED:
        return
    _discard_staged(upload)
    _mark(upload, Upload.State.ABORTED)


def _require_active(upload: Upload) -> None:
    if upload.state != Upload.State.STARTED:
        raise UploadNotActive()
    if upload.expires_at <= timezone.now():
        raise UploadNotActive(
            _("This upload was not finished in time and has expired; start it again.")
        )


def _require_all_parts(upload: Upload, parts: list[dict]) -> None:
    by_number = {part["number"]: part for part in parts}
    missing = [n for n in range(1, upload.part_count + 1) if n not in by_number]
    if missing:
        shown = ", ".join(str(n) for n in missing[:20]) + (" …" if len(missing) > 20 else "")
        raise UploadIncomplete(
            _("Parts %(numbers)s have not arrived yet; send them, then complete.")
            % {"numbers": shown}
        )
    for number, part in by_number.items():
        if number > upload.part_count or part["size"] != upload_part_length(upload, number):
            raise UploadError(
                _("Part %(number)d has %(size)d bytes, not the %(expected)d expected.")
                % {
                    "number": number,
                    "size": part["size"],
                    "expected": upload_part_length(upload, number)
                    if number <= upload.part_count
                    else 0,
                }
            )


def _verify(upload: Upload, facts) -> None:
    if facts.size != upload.size:
        raise UploadError(
            _("%(received)d bytes arrived, but the upload announced %(size)d.")
            % {"received": facts.size, "size": upload.size}
        )
    if upload.sha256 and facts.sha256 != upload.sha256:
        raise UploadError(
            _("The file's SHA-256 checksum does not match the one given: it changed on the way.")
        )
    check_file_allowed(facts)


def _complete_s3(upload: Upload, parts: list[dict]) -> ResourceDocument:
    target = objectstore.bucket()
    staged_key = target.key(upload.key)
    clock = time.perf_counter()
    with reaching_store():
        target.client.complete_multipart_upload(
            Bucket=target.name,
            Key=staged_key,
            UploadId=upload.upload_id,
            MultipartUpload={
                "Parts": [{"PartNumber": p["number"], "ETag": p["etag"]} for p in parts]
            },
        )
        assembled = time.perf_counter()
        with objectstore.open_reader(upload.key, size=upload.size) as reader:
            # Pages are counted by the derivatives task (derive_document), in
            # the worker: pypdf stays out of the web process.
            facts = measure(reader, count_pages=False)
    measured = time.perf_counter()
    _verify(upload, facts)

    document = document_build(
        user=upload.user,
        collection=upload.collection,
        facts=facts,
        original_filename=upload.filename,
        title=upload.title,
    )
    storage = objectstore.default_storage()
    field = ResourceDocument._meta.get_field("file")
    name = storage.get_available_name(
        field.generate_filename(document, safe_filename(upload.filename)),
        max_length=field.max_length,
    )
    document.file.name = name
    document_validate(document)
    with reaching_store():
        source = {"Bucket": target.name, "Key": staged_key}
        extra = {"ContentType": storage_content_type(facts.sniffed), "MetadataDirective": "REPLACE"}
        if upload.size <= S3_MAX_COPY_SIZE:
            target.client.copy_object(
                Bucket=target.name, Key=target.key(name), CopySource=source, **extra
            )
        else:
            target.client.copy(source, target.name, target.key(name), ExtraArgs=extra)
    logger.info(
        "upload %s (%d bytes): assembled in %.2f s, read and hashed in %.2f s, stored in %.2f s",
        upload.pk,
        upload.size,
        assembled - clock,
        measured - assembled,
        time.perf_counter() - measured,
    )
    document_save_or_discard(document)
    document_enqueue_derivatives(document=document)
    _delete_staged_object(upload)
    return document


def _complete_local(upload: Upload) -> ResourceDocument:
    staging = _staging_dir(upload)
    assembled = staging / "assembled"
    with assembled.open("wb") as out:
        for number in range(1, upload.part_count + 1):
            with (staging / f"{number}.part").open("rb") as part:
                shutil.copyfileobj(part, out, 1024 * 1024)
    with assembled.open("rb") as stream:
        facts = measure(stream)
        _verify(upload, facts)
        document = document_create(
            user=upload.user,
            collection=upload.collection,
            file=File(stream, name=upload.filename),
            title=upload.title,
            original_filename=upload.filename,
        )
    shutil.rmtree(staging, ignore_errors=True)
    return document


def _mark(upload: Upload, state: str, *, error: str = "", document=None) -> None:
    upload.state = state
    upload.error = str(error)
    upload.document = document
    upload.save(update_fields=["state", "error", "document", "updated_at"])


def _staging_dir(upload: Upload) -> Path:
    return Path(settings.MEDIA_ROOT) / UPLOAD_PREFIX / str(upload.pk)


def _delete_staged_object(upload: Upload) -> None:
    target = objectstore.bucket()
    try:
        target.client.delete_object(Bucket=target.name, Key=target.key(upload.key))
    except Exception:  # the sweep removes what is left under uploads/
        logger.exception("could not delete the staged upload %s", upload.key)


def _discard_staged(upload: Upload) -> None:
    """Remove what an upload left: its multipart parts, a staged object, local parts."""
    if not objectstore.is_s3():
        shutil.rmtree(_staging_dir(upload), ignore_errors=True)
        return
    target = objectstore.bucket()
    try:
        if upload.upload_id:
            target.client.abort_multipart_upload(
                Bucket=target.name, Key=target.key(upload.key), UploadId=upload.upload_id
            )
    except Exception:  # already completed or aborted; the sweep checks again
        logger.info("could not abort the multipart upload of %s", upload.key, exc_info=True)
    _delete_staged_object(upload)
