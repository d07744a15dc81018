"""Wagtail's admin document form, measuring uploads exactly as `document_create` does.

Installed with WAGTAILDOCS_DOCUMENT_FORM_BASE, so every admin path that
takes a file (add, edit with a new file, the multiple uploader, the chooser's
upload tab) records the same SHA-256, size, sniffed type, page count,
original name and content-keyed storage name as the service, and has its
derivatives made once the row is saved (see signal_handlers.py).
"""

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

from .errors import FileError
from .facts import apply_facts, measure, storage_content_type
from .naming import display_filename, safe_filename
from .objectstore import check_reachable
from .policy import check_file_allowed
from .services import document_fill_facts
from .signal_handlers import mark_for_derivatives


class ResourceDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._facts = None
        self._original_filename = None

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            try:
                self._facts = measure(upload)
                check_file_allowed(self._facts)
                check_reachable()  # say so now, not with a server error after the save
            except FileError as error:
                raise ValidationError(error.message, code="invalid") from error
            self._original_filename = display_filename(upload.name)
            # Before the model instance is built from cleaned_data, so the
            # stored name and Content-Type are ours, not the browser's.
            upload.name = safe_filename(upload.name)
            upload.content_type = storage_content_type(self._facts.sniffed)
        return upload

    def save(self, commit=True):
        document = self.instance
        if self._facts is not None:
            apply_facts(document, self._facts, original_filename=self._original_filename)
            mark_for_derivatives(document)
        elif document.file and not document.sha256:
            document_fill_facts(document=document)
            mark_for_derivatives(document)
        return super().save(commit=commit)
