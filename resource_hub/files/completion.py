"""Completing a direct upload: asked for by the client, done by a background task.

    upload_request_completion -> checks that every part arrived (quick), marks the
                                 upload COMPLETING and queues `complete_upload`
    upload_finish             -> (the task) assemble, verify (size, SHA-256, type by
                                 content), create the document naming the object
                                 where it was assembled; or reject and remove every byte
    upload_complete           -> both in one call, for callers that want the document

An import's ZIP (Upload.Purpose.IMPORT) is completed the same way but makes no
document: it is assembled and verified (size, SHA-256 if declared, a ZIP by its
content) and kept at its key for the records import to read (`_complete_import`).

Why a task: verifying a large file reads all of it (seconds per GiB), which
is no work for a web request behind a proxy's timeout, and keeps the web
process's memory out of it. With the immediate backend (tests, `make run`)
the task runs inside the request, so the client gets the result at once;
with the database backend the client polls the upload's status (GET
/api/v1/uploads/<id>) until it is "completed" or "rejected".

Verification streams the assembled object once (objectstore.RangedReader),
hashing SHA-256 and SHA-1 in two threads while the next chunk is read:
memory does not grow with the file. The object stays where the parts were
assembled (uploads.upload_start chose the key the document keeps: its own
name under documents/uploads/, or the content key when the client declared the
SHA-256), so nothing is copied; a wrong declaration is rejected and the object
deleted. The copy it replaces was 2.4–3.3 s of a 1 GiB completion, more than
the verification read (bench/README.md).
"""

import logging
import shutil
import time

import botocore.exceptions
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resource_hub.access.documents import can_add_document

from . import objectstore
from .containers import ZIP
from .errors import (
    CompletionFailed,
    FileError,
    FilePermissionDenied,
    FileTypeNotAllowed,
    StorageUnavailable,
    UploadError,
    UploadIncomplete,
    UploadNotActive,
)
from .facts import measure, storage_content_type
from .models import ResourceDocument, Upload
from .naming import safe_filename
from .objectstore import reaching_store
from .policy import check_file_allowed
from .services import (
    document_build,
    document_create,
    document_save,
    document_save_or_discard,
    document_validate,
)
from .tasks import complete_upload
from .uploads import (
    is_declared,
    keeps_its_key,
    list_parts,
    staging_dir,
    upload_delete_object,
    upload_discard,
    upload_part_length,
    upload_require_active,
    upload_set_state,
)

logger = logging.getLogger(__name__)

S3_MAX_COPY_SIZE = 5 * 1024**3  # CopyObject's limit; larger objects are copied in parts

# Errors a background completion records on the upload, by code, to answer them again.
_RECORDED = {cls.code: cls for cls in (UploadIncomplete, StorageUnavailable, CompletionFailed)}


def upload_complete(*, upload: Upload) -> ResourceDocument:
    """Complete now and answer the document (raises the FileError that refused it).

    For callers in a worker or a script: the same steps as the API, without the queue.
    """
    upload_request_completion(upload=upload, enqueue=False)
    upload_finish(upload_id=upload.pk)
    upload.refresh_from_db()
    if upload.state == Upload.State.COMPLETED:
        return upload.document
    raise upload_error(upload)


def upload_request_completion(*, upload: Upload, enqueue: bool = True) -> Upload:
    """Check that every part arrived, mark the upload COMPLETING and queue the task.

    Missing or short parts raise (UploadIncomplete, UploadError) and change
    nothing: send them, then ask again. Asking again while the upload is
    COMPLETING queues the task again, which is harmless (the task takes the
    upload's row lock and does nothing once the upload is finished) and
    recovers an upload whose task was lost.
    """
    with transaction.atomic():
        upload = Upload.objects.select_for_update().select_related("collection").get(pk=upload.pk)
        if upload.state != Upload.State.COMPLETING:
            upload_require_active(upload)
            if not can_add_document(upload.user, upload.collection):
                raise FilePermissionDenied()
            if upload.purpose == Upload.Purpose.IMPORT:
                assembled = _import_assembled_earlier(upload)
            else:
                assembled = objectstore.is_s3() and _assembled_earlier(upload)
            if not assembled:
                _require_all_parts(upload, list_parts(upload))
            upload_set_state(upload, Upload.State.COMPLETING)
    if enqueue:
        complete_upload.enqueue(str(upload.pk))
    return upload


def upload_finish(*, upload_id) -> str:
    """The task's work: verify and store a COMPLETING upload, or reject it. Returns its state.

    The row stays locked meanwhile, so a second run waits and then finds the
    upload finished. A store that cannot be reached sends the upload back to
    STARTED with the error recorded (completing again later may work); a file
    that fails a check is removed with its parts and the upload is REJECTED
    with the reason and its code.
    """
    with transaction.atomic():
        upload = (
            Upload.objects.select_for_update()
            .select_related("collection", "user")
            .filter(pk=upload_id)
            .first()
        )
        if upload is None or upload.state != Upload.State.COMPLETING:
            return upload.state if upload else "missing"
        try:
            if not can_add_document(upload.user, upload.collection):
                raise FilePermissionDenied()
            if upload.purpose == Upload.Purpose.IMPORT:
                document = _complete_import(upload)
            elif objectstore.is_s3() and _assembled_earlier(upload):
                document = _complete_s3(upload, None)
            elif objectstore.is_s3():
                parts = list_parts(upload)
                _require_all_parts(upload, parts)
                document = _complete_s3(upload, parts)
            else:
                document = _complete_local(upload)
        except (StorageUnavailable, UploadIncomplete) as error:
            # Nothing is decided: the client may send parts or complete again.
            upload_set_state(
                upload, Upload.State.STARTED, error=error.message, error_code=error.code
            )
        except FileError as error:
            upload_set_state(
                upload, Upload.State.REJECTED, error=error.message, error_code=error.code
            )
        else:
            upload_set_state(upload, Upload.State.COMPLETED, document=document)
        return upload.state


def upload_completion_failed(*, upload_id) -> None:
    """After an unexpected error in the task: back to STARTED, so the client can complete again.

    (The task's own transaction is rolled back; without this the upload would
    stay COMPLETING and its client would wait for ever.)
    """
    error = CompletionFailed()
    Upload.objects.filter(pk=upload_id, state=Upload.State.COMPLETING).update(
        state=Upload.State.STARTED,
        error=error.message,
        error_code=error.code,
        updated_at=timezone.now(),
    )


def upload_error(upload: Upload) -> FileError:
    """The error that stopped an upload, to answer it again (status and code as when raised)."""
    if upload.state == Upload.State.REJECTED:
        error = FileError(upload.error)
        error.code = upload.error_code or FileError.code
        return error
    if upload.state == Upload.State.STARTED and upload.error_code in _RECORDED:
        return _RECORDED[upload.error_code](upload.error)
    return UploadNotActive()


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
    _verify_bytes(upload, facts)
    check_file_allowed(facts)


def _verify_bytes(upload: Upload, facts) -> None:
    """The bytes are those announced: their size, and their SHA-256 if it was declared."""
    if facts.size != upload.size:
        raise UploadError(
            _("%(received)d bytes arrived, but the upload announced %(size)d.")
            % {"received": facts.size, "size": upload.size}
        )
    if upload.sha256 and facts.sha256 != upload.sha256:
        raise UploadError(
            _("The file's SHA-256 checksum does not match the one given: it changed on the way.")
        )


def _complete_s3(upload: Upload, parts: list[dict] | None) -> ResourceDocument:
    """Assemble, verify and store; on a FileError every byte of the upload is gone.

    `parts` is None when an earlier attempt assembled the object already
    (`_assembled_earlier`): it is verified where it is.
    """
    declared = is_declared(upload)
    clock = time.perf_counter()
    assembled = parts is None
    try:
        with reaching_store():
            if declared and objectstore.default_storage().exists(upload.key):
                # Stored meanwhile by another path under the same name: never overwrite it.
                raise UploadError(
                    _("A file of the same name and content was stored meanwhile; upload again.")
                )
            if parts is not None:
                _assemble(upload, parts)
                assembled = True
            assembled_at = time.perf_counter()
            with objectstore.open_reader(upload.key, size=upload.size) as reader:
                # Pages are counted by the derivatives task (derive_document), in
                # the worker: pypdf stays out of this process.
                facts = measure(reader, count_pages=False, threads=True)
        measured_at = time.perf_counter()
        _verify(upload, facts)
        document = _store_s3(upload, facts)
    except StorageUnavailable:
        raise  # nothing is decided (the parts or the assembled object stay for a retry)
    except FileError:
        upload_discard(upload, delete_object=assembled)
        raise
    logger.info(
        "upload %s (%d bytes, %s): assembled in %.2f s, read and hashed in %.2f s, "
        "stored in %.2f s",
        upload.pk,
        upload.size,
        "kept where assembled, no copy" if keeps_its_key(upload) else "copied to its content key",
        assembled_at - clock,
        measured_at - assembled_at,
        time.perf_counter() - measured_at,
    )
    return document


def _assemble(upload: Upload, parts: list[dict]) -> None:
    target = objectstore.bucket()
    target.client.complete_multipart_upload(
        Bucket=target.name,
        Key=target.key(upload.key),
        UploadId=upload.upload_id,
        MultipartUpload={"Parts": [{"PartNumber": p["number"], "ETag": p["etag"]} for p in parts]},
    )


def _assembled_earlier(upload: Upload) -> bool:
    """Did an earlier attempt assemble this upload's object before it failed?

    Then the store lists no parts any more (the multipart upload is complete)
    and the object is verified where it is. Only for an upload's own key
    (documents/uploads/<id>/...): nothing else writes there. At a content key
    an object may be another document's, so a declared upload never assumes it.
    """
    if not keeps_its_key(upload) or is_declared(upload):
        return False
    target = objectstore.bucket()
    with reaching_store():
        try:
            head = target.client.head_object(Bucket=target.name, Key=target.key(upload.key))
        except botocore.exceptions.ClientError as error:
            if objectstore.is_unreachable(error):
                raise
            return False
    return head["ContentLength"] == upload.size


def _store_s3(upload: Upload, facts) -> ResourceDocument:
    """The document row for verified bytes: at their key already, or copied there."""
    document = document_build(
        user=upload.user,
        collection=upload.collection,
        facts=facts,
        original_filename=upload.filename,
        title=upload.title,
    )
    if keeps_its_key(upload):
        # The object stays where the parts were assembled: the store never copies
        # the bytes. It keeps the neutral Content-Type it was started with
        # (application/octet-stream): every URL we sign names the sniffed type,
        # and nothing is rendered from the bucket on its own.
        document.file.name = upload.key
        document_validate(document)
        if is_declared(upload):
            # At a content key an object may be another's by the time a retry
            # looks: a failed row takes its object with it, as document_create's does.
            document_save_or_discard(document)
        else:
            # The upload's own key: a failed row leaves the object for a retry
            # (`_assembled_earlier`), or for the sweep once the upload expires.
            document_save(document)
        return document

    # Started at uploads/<id> (before uploads kept their key): copied to a content key.
    target = objectstore.bucket()
    storage = objectstore.default_storage()
    field = ResourceDocument._meta.get_field("file")
    name = storage.get_available_name(
        field.generate_filename(document, safe_filename(upload.filename)),
        max_length=field.max_length,
    )
    document.file.name = name
    document_validate(document)
    with reaching_store():
        source = {"Bucket": target.name, "Key": target.key(upload.key)}
        extra = {"ContentType": storage_content_type(facts.sniffed), "MetadataDirective": "REPLACE"}
        if upload.size <= S3_MAX_COPY_SIZE:
            target.client.copy_object(
                Bucket=target.name, Key=target.key(name), CopySource=source, **extra
            )
        else:
            target.client.copy(source, target.name, target.key(name), ExtraArgs=extra)
    document_save_or_discard(document)
    upload_delete_object(upload)
    return document


def _complete_local(upload: Upload) -> ResourceDocument:
    staging = staging_dir(upload)
    assembled = staging / "assembled"
    try:
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
    except FileError:
        upload_discard(upload)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return document


# --- the ZIP of a records import: verified and kept, no document -------------------------


def _complete_import(upload: Upload) -> None:
    """Assemble an import's ZIP at its key, verify it, and keep it there (no document).

    Verified like a document's bytes (size; SHA-256 if declared) and refused
    unless its content is a ZIP archive (sniffed: an .xlsx or a renamed PDF is
    not); a refused file is removed with its parts.
    """
    storage = objectstore.default_storage()
    stored = False
    try:
        with reaching_store():
            if objectstore.is_s3():
                if not _import_assembled_earlier(upload):
                    parts = list_parts(upload)
                    _require_all_parts(upload, parts)
                    _assemble(upload, parts)
            elif not storage.exists(upload.key):
                _store_local_parts(upload)
            stored = True
            with objectstore.open_reader(upload.key, size=upload.size) as reader:
                facts = measure(reader, count_pages=False, threads=objectstore.is_s3())
        _verify_bytes(upload, facts)
        if facts.sniffed != ZIP:
            raise FileTypeNotAllowed(
                _("This file is not a ZIP archive (its content is %(type)s).")
                % {"type": facts.sniffed.mime_type}
            )
    except StorageUnavailable:
        raise
    except FileError:
        upload_discard(upload, delete_object=stored)
        if stored and not objectstore.is_s3():
            storage.delete(upload.key)
        raise
    shutil.rmtree(staging_dir(upload), ignore_errors=True)


def _import_assembled_earlier(upload: Upload) -> bool:
    """Is an import's ZIP at its key already, whole (an earlier attempt assembled it)?

    Nothing else writes under imports/uploads/<upload id>/.
    """
    if upload.purpose != Upload.Purpose.IMPORT:
        return False
    storage = objectstore.default_storage()
    with reaching_store():
        return storage.exists(upload.key) and storage.size(upload.key) == upload.size


def _store_local_parts(upload: Upload) -> None:
    """Local storage: the staged parts, in order, as one file at the upload's key."""
    staging = staging_dir(upload)
    assembled = staging / "assembled"
    with assembled.open("wb") as out:
        for number in range(1, upload.part_count + 1):
            with (staging / f"{number}.part").open("rb") as part:
                shutil.copyfileobj(part, out, 1024 * 1024)
    with assembled.open("rb") as stream:
        name = objectstore.default_storage().save(upload.key, File(stream, name=upload.filename))
    if name != upload.key:  # pragma: no cover - the key holds the upload's own id
        raise UploadError(_("The file could not be stored under its name; upload it again."))
