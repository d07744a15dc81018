"""Imports started in the admin: start (upload and check), confirm (import), cancel, expire.

The uploaded sheet and ZIP are stored privately in the default storage (the
private bucket) under imports/<job>/, because the check and the import run
in the background, possibly on another machine than the upload. They are
deleted when the import ends, when the job is cancelled, and, for jobs
nobody confirmed, a day later (`jobs_expire`, run whenever an import starts).
"""

import logging
import shutil
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from resource_hub.access.records import can_create_record

from .errors import ImportError_, ImportPermissionDenied
from .models import ImportJob
from .report import ImportReport
from .services import records_import
from .sheets import sheet_format
from .sources import ZipSource

logger = logging.getLogger(__name__)

#: A checked job nobody confirmed is dropped (with its stored files) after this.
EXPIRE_AFTER = timedelta(days=1)
#: How often a running job writes its progress (rows).
PROGRESS_EVERY = 25


def job_start(*, user, institution, sheet: UploadedFile, files: UploadedFile | None, workflow=""):
    """Store the uploads, create the job and queue its check. Refuses what the import would."""
    if not can_create_record(user, institution):
        raise ImportPermissionDenied()
    sheet_format(sheet.name)  # a .ods or .txt is refused now, not in the background
    if files is not None and not files.name.lower().endswith(".zip"):
        raise ImportError_(_("Send the files as one .zip file."))
    jobs_expire()
    job = ImportJob(
        user=user,
        institution=institution,
        sheet_name=sheet.name[:255],
        files_name=files.name[:255] if files else "",
        workflow=workflow,
        language=get_language() or "",
    )
    job.sheet.save(sheet.name, sheet, save=False)
    try:
        if files is not None:
            job.files.save(files.name, files, save=False)
        job.save()
    except BaseException:
        _delete_stored(job)
        raise
    _enqueue("import_check", job)
    return job


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

    source = None
    try:
        with tempfile.TemporaryFile() as local_zip:
            if job.files:
                with job.files.open("rb") as stored:
                    shutil.copyfileobj(stored, local_zip, 1024 * 1024)
                local_zip.seek(0)
                source = ZipSource(local_zip, job.files_name)
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
    finally:
        if source is not None:
            source.close()
    if dry_run:
        job.check_report = report.as_json()
        job.state = ImportJob.State.CHECKED
        job.save(update_fields=["check_report", "state", "updated_at"])
    else:
        job.result_report = report.as_json()
        _finish(job, ImportJob.State.DONE)
    return job.state


def _finish(job: ImportJob, state: str, *, error: str = "") -> None:
    job.state = state
    job.error = str(error)
    job.save(update_fields=["state", "error", "result_report", "updated_at"])
    _delete_stored(job)  # done or failed: nothing will read them again


def _delete_stored(job: ImportJob) -> None:
    for field in (job.sheet, job.files):
        if field:
            try:
                field.storage.delete(field.name)
            except Exception:  # noqa: BLE001 - logged; the job row still names it
                logger.exception("could not delete %s", field.name)
    if job.pk and ImportJob.objects.filter(pk=job.pk).exists():
        ImportJob.objects.filter(pk=job.pk).update(sheet="", files="")
    job.sheet, job.files = "", ""


def _enqueue(name: str, job: ImportJob) -> None:
    from . import tasks  # inside: tasks imports this module

    job_id = str(job.pk)
    transaction.on_commit(lambda: getattr(tasks, name).enqueue(job_id))
