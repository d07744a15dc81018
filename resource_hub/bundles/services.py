"""Writes a bundle causes: its files' download counts."""

from django.db import transaction

from resource_hub.files.services import download_count_add

from .contents import Bundle


def bundle_count_downloads(*, bundle: Bundle) -> None:
    """Count one download of each file in `bundle`, from the record it came with.

    Called once the archive has been sent in full (`streaming.then`), through
    the files app's own counter, so a bundle counts exactly as downloading each
    file from its record page would. Each file came with a record that holds it
    (a RecordFile row), so the counter's "does the record hold it?" is answered
    already: one upsert per file, in one transaction (one commit).
    """
    with transaction.atomic():
        for file in bundle.files:
            download_count_add(document_id=file.document.pk, record_id=file.record_id)
