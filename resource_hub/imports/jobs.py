"""Imports started in the admin: start (upload and check), confirm (import), cancel, expire.

The uploaded sheet and ZIP are stored privately in the default storage (the
private bucket) under imports/<job>/, because the check and the import run
in the background, possibly on another machine than the upload. They are
deleted when the import ends, when the job is cancelled, and, for jobs
nobody confirmed, a day later (`jobs_expire`, run whenever an import starts).

A large ZIP comes instead as a finished direct upload (files/uploads.py, the
purpose "import"), named by its id: it is read where the upload kept it and
deleted like the job's own files. Only its uploader may name it
(`uploads.upload_for_user`, the rule of the upload API), once.
"""

import contextlib
import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from resource_hub.access.records import can_create_record
from resource_hub.files import inventory, objectstore, uploads
from resource_hub.files.errors import StorageUnavailable
from resource_hub.files.models import Upload

from .errors import FilesSourceError, ImportError_, ImportPermissionDenied
from .models import ImportJob
from .report import ImportReport
from .services import records_import
from .sheets import sheet_format
from .sources import open_stored_zip, require_zip

logger = logging.getLogger(__name__)

#: A checked job nobody confirmed is dropped (with its stored files) after this.
EXPIRE_AFTER = timedelta(days=1)
#: How often a running job writes its progress (rows).
PROGRESS_EVERY = 25


def job_start(
    *,
    user,
    institution,
    sheet: UploadedFile,
    files: UploadedFile | None,
    files_upload: uuid.UUID | None = None,
    workflow="",
):
    """Store the uploads, create the job and queue its check. Refuses what the import would.

    The ZIP comes with the form (`files`), or was sent before as a direct upload
    whose id is `files_upload`; not both.
    """
    if not can_create_record(user, institution):
        raise ImportPermissionDenied()
    sheet_format(sheet.name)  # a .ods or .txt is refused now, not in the background
    if files is not None and files_upload is not None:
        raise ImportError_(_("Give the ZIP once: either with the form or as an upload."))
    if files is not None:
        if not files.name.lower().endswith(".zip"):
            raise ImportError_(_("Send the files as one .zip file."))
        require_zip(files, files.name)
    upload = None
    if files_upload is not None:
        upload = import_upload(user=user, upload_id=files_upload)
    jobs_expire()
    job = ImportJob(
        user=user,
        institution=institution,
        sheet_name=sheet.name[:255],
        files_name=(files.name if files else upload.filename if upload else "")[:255],
        upload=upload,
        workflow=workflow,
        language=get_language() or "",
    )
    job.sheet.save(sheet.name, sheet, save=False)
    try:
        if files is not None:
            job.files.save(files.name, files, save=False)
        with transaction.atomic():
            if upload is not None:
                # Two forms sent at once with the same upload: one job gets it.
                Upload.objects.select_for_update().filter(pk=upload.pk).first()
                _require_unused(upload)
            job.save()
    except BaseException:
        _delete_stored(job, keep_upload=True)  # the person may still use their upload
        raise
    _enqueue("import_check", job)
    return job


def import_upload(*, user, upload_id) -> Upload:
    """The finished direct upload `upload_id` as an import's ZIP, if `user` may use it.

    It must be the user's own (the upload API's rule, `upload_for_user`: anyone
    else's is "not found"), sent for an import, completed, not named by another
    import, and a ZIP by its content (checked again here: a few ranged reads).
    """
    try:
        upload = uploads.upload_for_user(user=user, upload_id=upload_id)
    except (Upload.DoesNotExist, ValueError):
        raise FilesSourceError(
            _("There is no such upload of yours; upload the ZIP again.")
        ) from None
    if upload.purpose != Upload.Purpose.IMPORT:
        raise FilesSourceError(_("This upload was not sent as an import's ZIP; upload it again."))
    _require_unused(upload)
    if upload.state == Upload.State.REJECTED:
        raise FilesSourceError(
            _("The ZIP %(name)s was refused: %(reason)s")
            % {"name": upload.filename, "reason": upload.error}
        )
    if upload.state == Upload.State.ABORTED:
        raise FilesSourceError(
            _("The ZIP %(name)s was cancelled or dropped; upload it again.")
            % {"name": upload.filename}
        )
    if upload.state != Upload.State.COMPLETED:
        raise FilesSourceError(
            _("The ZIP %(name)s has not finished uploading.") % {"name": upload.filename}
        )
    try:
        with (
            objectstore.reaching_store(),
            objectstore.open_reader(upload.key, size=upload.size) as reader,
        ):
            require_zip(reader, upload.filename)
    except StorageUnavailable as error:
        raise ImportError_(error.message) from error
    except Exception as error:
        if not inventory.is_missing(error):
            raise
        raise FilesSourceError(
            _("The ZIP %(name)s is no longer stored; upload it again.") % {"name": upload.filename}
        ) from error
    return upload


def _require_unused(upload: Upload) -> None:
    if ImportJob.objects.filter(upload=upload).exists():
        raise FilesSourceError(
            _("The ZIP %(name)s was used by another import; upload it again.")
            % {"name": upload.filename}
        )


def job_confirm(*, user, job: ImportJob) -> ImportJob:
    """Import a checked job's rows, in the background."""
    updated = ImportJob.objects.filter(pk=job.pk, user=user, state=ImportJob.State.CHECKED).update(
        state=ImportJob.State.IMPORTING, rows_done=0
    )
    if not updated:
        raise ImportError_(_("This import is not waiting for confirmation."))
    _enqueue("import_run", job)
    job.refresh_from_db()
    return job


def job_cancel(*, user, job: ImportJob) -> None:
    """Drop a job that is not importing; its stored files go."""
    updated = (
        ImportJob.objects.filter(pk=job.pk, user=user)
        .exclude(state=ImportJob.State.IMPORTING)
        .update(state=ImportJob.State.CANCELLED)
    )
    if not updated:
        raise ImportError_(_("An import that has started cannot be cancelled."))
    job.refresh_from_db()
    _delete_stored(job)


def jobs_expire(*, now=None) -> int:
    """Drop checked (or failed) jobs nobody confirmed in time, with their stored files."""
    limit = (now or timezone.now()) - EXPIRE_AFTER
    stale = ImportJob.objects.filter(
        updated_at__lt=limit,
        state__in=[ImportJob.State.CHECKED, ImportJob.State.FAILED, ImportJob.State.CHECKING],
    ).exclude(sheet="")
    count = 0
    for job in stale:
        _delete_stored(job)
        ImportJob.objects.filter(pk=job.pk).update(state=ImportJob.State.CANCELLED)
        count += 1
    # Uploaded ZIPs no import will read: never named by one, or left by a job that ended
    # (its delete failed) or is cancelled above.
    wanted = ImportJob.objects.filter(
        upload__isnull=False,
        state__in=[ImportJob.State.CHECKING, ImportJob.State.CHECKED, ImportJob.State.IMPORTING],
    ).values("upload")
    unused = Upload.objects.filter(
        purpose=Upload.Purpose.IMPORT, state=Upload.State.COMPLETED, updated_at__lt=limit
    ).exclude(pk__in=wanted)
    for upload in unused:
        _drop_upload(upload)
    return count


def job_report(job: ImportJob) -> ImportReport | None:
    """The latest report: the import's, else the check's."""
    data = job.result_report or job.check_report
    return ImportReport.from_json(data) if data else None


def job_execute(*, job_id, dry_run: bool) -> str:
    """Run the check or the import of a job (the tasks call this). Returns the job's state."""
    job = ImportJob.objects.filter(pk=job_id).only("language").first()
    with override((job.language if job else "") or settings.LANGUAGE_CODE):
        return _execute(job_id=job_id, dry_run=dry_run)


def _execute(*, job_id, dry_run: bool) -> str:
    expected = ImportJob.State.CHECKING if dry_run else ImportJob.State.IMPORTING
    job = ImportJob.objects.select_related("user", "institution").filter(pk=job_id).first()
    if job is None or job.state != expected:
        return "skipped"

    def on_row(done, total):
        if done == total or done % PROGRESS_EVERY == 0:
            ImportJob.objects.filter(pk=job.pk).update(rows_done=done, rows_total=total)

    try:
        with contextlib.ExitStack() as stack:
            source = _open_zip(job)
            if source is not None:
                stack.callback(source.close)
            with job.sheet.open("rb") as sheet:
                report = records_import(
                    user=job.user,
                    institution=job.institution,
                    sheet=sheet,
                    sheet_name=job.sheet_name,
                    files=source,
                    dry_run=dry_run,
                    workflow=job.workflow,
                    on_row=on_row,
                )
    except ImportError_ as error:
        _finish(job, ImportJob.State.FAILED, error=error.message)
        return job.state
    except Exception:
        logger.exception("import %s stopped", job.pk)
        _finish(job, ImportJob.State.FAILED, error=_("The import stopped on an unexpected error."))
        raise
    if dry_run:
        job.check_report = report.as_json()
        job.state = ImportJob.State.CHECKED
        job.save(update_fields=["check_report", "state", "updated_at"])
    else:
        job.result_report = report.as_json()
        _finish(job, ImportJob.State.DONE)
    return job.state


def _open_zip(job: ImportJob):
    """The job's ZIP, read where it is stored (no copy): sent with the form, or uploaded."""
    if job.upload_id:
        upload = job.upload
        return open_stored_zip(upload.key, job.files_name, size=upload.size)
    if job.files:
        return open_stored_zip(job.files.name, job.files_name)
    return None


def _finish(job: ImportJob, state: str, *, error: str = "") -> None:
    job.state = state
    job.error = str(error)
    job.save(update_fields=["state", "error", "result_report", "updated_at"])
    _delete_stored(job)  # done or failed: nothing will read them again


def _delete_stored(job: ImportJob, *, keep_upload: bool = False) -> None:
    for field in (job.sheet, job.files):
        if field:
            try:
                field.storage.delete(field.name)
            except Exception:  # noqa: BLE001 - logged; the job row still names it
                logger.exception("could not delete %s", field.name)
    if job.upload_id and not keep_upload:
        _drop_upload(job.upload)
    if job.pk and ImportJob.objects.filter(pk=job.pk).exists():
        ImportJob.objects.filter(pk=job.pk).update(sheet="", files="")
    job.sheet, job.files = "", ""


def _drop_upload(upload: Upload | None) -> None:
    if upload is None or upload.state != Upload.State.COMPLETED:
        return  # dropped already
    try:
        uploads.upload_drop_kept(upload=upload)
    except Exception:  # noqa: BLE001 - logged; dropped again when its job or upload expires
        logger.exception("could not delete the uploaded ZIP %s", upload.key)


def _enqueue(name: str, job: ImportJob) -> None:
    from . import tasks  # inside: tasks imports this module

    job_id = str(job.pk)
    transaction.on_commit(lambda: getattr(tasks, name).enqueue(job_id))
