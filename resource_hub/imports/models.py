"""An import started from the admin: its uploaded sheet and ZIP, its state and its reports.

The admin's import runs in the background (tasks.py): the editor uploads,
the check (a dry run) and then the import run as tasks, and the status page
shows where the job stands. The sheet and the ZIP are kept privately in the
default storage (the private bucket, under imports/) only until the import
is done or dropped.

A large ZIP does not come with the form: the browser sends it straight to the
bucket in parts (a direct upload with the purpose "import", files/uploads.py)
and the form names the finished `upload`; the job reads it where it was kept,
imports/uploads/<upload id>/<name>, and deletes it in the same way.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from resource_hub.files.naming import safe_filename


def _upload_to(job, filename: str) -> str:
    return f"imports/{job.pk}/{safe_filename(filename)}"


class ImportJob(models.Model):
    class State(models.TextChoices):
        CHECKING = "checking", _("Checking")
        CHECKED = "checked", _("Checked, waiting for confirmation")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Could not be done")
        CANCELLED = "cancelled", _("Cancelled")

    class Workflow(models.TextChoices):
        NONE = "", _("Keep the records as drafts")
        SUBMIT = "submit", _("Submit them for review")
        RELEASE = "release", _("Release them")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    institution = models.ForeignKey(
        "institutions.InstitutionPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("institution"),
    )
    sheet = models.FileField(_("sheet"), upload_to=_upload_to, max_length=255, blank=True)
    sheet_name = models.CharField(_("sheet name"), max_length=255)
    files = models.FileField(_("files (ZIP)"), upload_to=_upload_to, max_length=255, blank=True)
    files_name = models.CharField(_("ZIP name"), max_length=255, blank=True)
    #: The ZIP sent as a direct upload (instead of `files`); its object is the job's
    #: to delete. The row is kept after that, so no second import refers to it.
    upload = models.ForeignKey(
        "files.Upload",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ZIP (direct upload)"),
    )
    #: The language of the person who started it: the reports' messages are written in it.
    language = models.CharField(max_length=16, blank=True)
    workflow = models.CharField(
        _("afterwards"), max_length=16, choices=Workflow.choices, blank=True, default=""
    )
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.CHECKING
    )
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    check_report = models.JSONField(null=True, blank=True)
    result_report = models.JSONField(null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("records import")
        verbose_name_plural = _("records imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.sheet_name} ({self.get_state_display()})"

    @property
    def is_running(self) -> bool:
        return self.state in (self.State.CHECKING, self.State.IMPORTING)
