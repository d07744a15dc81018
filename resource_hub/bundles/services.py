"""Writes a bundle causes: its files' download counts."""

from django.db import transaction

from resource_hub.files.services import download_count

from .contents import Bundle


def bundle_count_downloads(*, bundle: Bundle) -> None:
    """Count one download of each file in `bundle`, from the record it came with.

    Called once the archive has been sent in full (`streaming.then`), through
    the files app's own counter, so a bundle counts exactly as downloading each
    file from its record page would. One transaction: one commit, not one per file.
    """
    with transaction.atomic():
        for file in bundle.files:
            download_count(document=file.document, record_id=file.record_id)
