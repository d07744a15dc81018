import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document

from .fields import ContentKeyedFileField
from .filetypes import preview_kind


class ResourceDocument(AbstractDocument):
    """A file attached to records, with facts measured from its bytes (never from its name).

    Lives in its institution's Wagtail Collection, so document permissions
    follow the institution. Extracted text is kept in `DocumentText`, out of
    this row, because it can be large and most reads don't need it.
    """

    # documents/<sha256[:2]>/<sha256>/<name> (keyed by content), or, for a direct upload,
    # documents/uploads/<upload id>/<name> where its parts were assembled (never copied);
    # hence longer than Wagtail's 100.
    file = ContentKeyedFileField(_("file"), max_length=255)
    sha256 = models.CharField(
        _("SHA-256"), max_length=64, blank=True, db_index=True, editable=False
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, editable=False)
    mime_type = models.CharField(_("file type"), max_length=255, blank=True, editable=False)
    original_filename = models.CharField(_("original file name"), max_length=255, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    # Made by the background task `derive_document` (derivatives.py).
    thumbnail = models.FileField(
        _("thumbnail"), upload_to="thumbnails", max_length=255, blank=True, editable=False
    )
    derivatives_state = models.CharField(
        _("previews and text"),
        max_length=16,
        choices=[
            ("pending", _("Waiting")),
            ("done", _("Done")),
            ("failed", _("Failed")),
            ("none", _("Nothing to derive")),
        ],
        default="pending",
        editable=False,
    )
    derivatives_error = models.TextField(blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def preview_kind(self) -> str | None:
        """How browsers may show it inline ("pdf", "image", "audio", "video"), or None."""
        return preview_kind(self.mime_type)


class DocumentText(models.Model):
    """Text extracted from a document's content, for full-text search."""

    document = models.OneToOneField(
        ResourceDocument, on_delete=models.CASCADE, primary_key=True, related_name="text"
    )
    text = models.TextField(blank=True)
    truncated = models.BooleanField(default=False)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("extracted text")
        verbose_name_plural = _("extracted texts")

    def __str__(self):
        return f"{self.document_id}: {self.text[:50]}"


class Upload(models.Model):
    """A direct upload in progress: the browser (or a script) sends the parts straight
    to the object store; the server starts, signs, lists, completes and aborts.

    On S3 it is a multipart upload at `key`, the name its document keeps:
    documents/uploads/<id>/<name>, or the content key when the client declared
    the SHA-256 (uploads/<id> for uploads started before, copied on
    completion); with local storage the parts are staged under MEDIA_ROOT.
    Completing is asked for (COMPLETING) and done by a background task, which
    assembles the parts where they are, verifies the bytes and links the new
    `document`, or rejects the file (`error_code`, `error`) and removes every byte.
    """

    class State(models.TextChoices):
        STARTED = "started", _("In progress")
        COMPLETING = "completing", _("Being checked")
        COMPLETED = "completed", _("Completed")
        REJECTED = "rejected", _("Rejected")
        ABORTED = "aborted", _("Cancelled")

    class Purpose(models.TextChoices):
        #: Completing makes a document of the file.
        DOCUMENT = "document", _("A document")
        #: The ZIP of the admin's records import: completing checks that it is a ZIP and
        #: keeps it at its key (imports/uploads/<id>/<name>) for the import to read; no
        #: document is made, and the import deletes it when done.
        IMPORT = "import", _("The ZIP of a records import")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="file_uploads"
    )
    purpose = models.CharField(
        max_length=16, choices=Purpose.choices, default=Purpose.DOCUMENT, editable=False
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    title = models.CharField(_("title"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    part_size = models.PositiveBigIntegerField()
    key = models.CharField(max_length=1024, unique=True)
    upload_id = models.CharField(max_length=1024, blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.STARTED)
    error = models.TextField(blank=True)
    # The FileError's code (file_type_not_allowed, storage_unavailable, ...), for the API.
    error_code = models.CharField(max_length=64, blank=True)
    document = models.OneToOneField(
        ResourceDocument, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")
        indexes = [models.Index(fields=["state", "expires_at"])]

    def __str__(self):
        return f"{self.filename} ({self.get_state_display()})"

    @property
    def part_count(self) -> int:
        return max(1, -(-self.size // self.part_size))
