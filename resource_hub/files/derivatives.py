"""What is made from a stored document: its text for search, a PDF's page count, a thumbnail.

`document_derive` runs in the background task `tasks.derive_document`,
queued after a document is created (services.document_enqueue_derivatives).
It reads the stored object through `objectstore.open_reader` (ranged reads on
S3: never the whole file in memory) and may run again at any time: each run
replaces what the last one made. The steps are independent; one failing
leaves the others' results in place and the state says "failed" with a short
reason.
"""

import logging

from django.core.files.base import ContentFile

from resource_hub.core.indexing import index_later, records_with_document

from . import objectstore
from .errors import DerivativeError
from .extraction import extract_text
from .facts import pdf_page_count
from .filetypes import Family
from .models import DocumentText, ResourceDocument
from .sniffing import sniff
from .thumbnails import Thumbnail, make_thumbnail

logger = logging.getLogger(__name__)

DONE, FAILED, NOTHING, PENDING = "done", "failed", "none", "pending"
ERROR_MAX_LENGTH = 1000


def document_derive(*, document: ResourceDocument) -> str:
    """Extract text, count pages, make the thumbnail; save them and the state. Returns the state."""
    if not document.file:
        return _finish(document, FAILED, ["The document has no stored file."])
    try:
        reader = objectstore.open_reader(document.file.name, size=document.size)
    except Exception as error:  # noqa: BLE001 - a missing object or an unreachable store
        return _finish(document, FAILED, [f"The stored file could not be opened: {_short(error)}"])
    with reader:
        try:
            sniffed = sniff(reader)
        except Exception as error:  # noqa: BLE001 - the object vanished, the store went down
            return _finish(
                document, FAILED, [f"The stored file could not be read: {_short(error)}"]
            )
        if sniffed.family is Family.PDF and document.page_count is None:
            document.page_count = pdf_page_count(reader)
        results = [
            _step("text", _save_text, document, reader, sniffed),
            _step("thumbnail", _save_thumbnail, document, reader, sniffed),
        ]
    errors = [error for _made, error in results if error]
    made = any(made for made, _error in results)
    return _finish(document, FAILED if errors else DONE if made else NOTHING, errors)


def _step(label: str, run, *args) -> tuple[bool, str]:
    """Run one step: (whether it made something, its error or "")."""
    try:
        return run(*args), ""
    except DerivativeError as error:
        return False, f"{label}: {error.message}"
    except Exception as error:  # noqa: BLE001 - any other step must still run and be saved
        logger.exception("derivatives: the %s step failed", label)
        return False, f"{label}: unexpected {type(error).__name__} ({_short(error)})"


def _save_text(document: ResourceDocument, reader, sniffed) -> bool:
    try:
        extracted = extract_text(reader, sniffed)
    except Exception:
        DocumentText.objects.filter(document=document).delete()  # stale: of an earlier file
        raise
    if extracted is None:
        DocumentText.objects.filter(document=document).delete()
        return False
    DocumentText.objects.update_or_create(
        document=document, defaults={"text": extracted.text, "truncated": extracted.truncated}
    )
    return True


def _save_thumbnail(document: ResourceDocument, reader, sniffed) -> bool:
    old_name = document.thumbnail.name
    try:
        thumbnail = make_thumbnail(reader, sniffed)
    except Exception:
        _forget_thumbnail(document, old_name)
        raise
    if thumbnail is None:
        _forget_thumbnail(document, old_name)
        return False
    _store_thumbnail(document, thumbnail)
    if old_name and old_name != document.thumbnail.name:
        _delete_unless_shared(document, old_name)
    return True


def _store_thumbnail(document: ResourceDocument, thumbnail: Thumbnail) -> None:
    """Save under thumbnails/<sha256>.<ext>, replacing an earlier object of that name.

    The name follows the content, so documents with the same bytes share one
    thumbnail and a re-run overwrites rather than piling up copies.
    """
    stem = document.sha256 or f"document-{document.pk}"
    filename = f"{stem}.{thumbnail.extension}"
    field = document.thumbnail
    name = field.field.generate_filename(document, filename)
    if field.storage.exists(name):
        field.storage.delete(name)  # the storage would otherwise pick another name
    content = ContentFile(thumbnail.data, name=filename)
    content.content_type = thumbnail.content_type  # django-storages stores it as Content-Type
    field.save(filename, content, save=False)


def _forget_thumbnail(document: ResourceDocument, old_name: str) -> None:
    document.thumbnail = ""
    if old_name:
        _delete_unless_shared(document, old_name)


def _delete_unless_shared(document: ResourceDocument, name: str) -> None:
    if ResourceDocument.objects.filter(thumbnail=name).exclude(pk=document.pk).exists():
        return
    try:
        document.thumbnail.storage.delete(name)
    except Exception:  # noqa: BLE001 - an orphan thumbnail is harmless; the sweep reports it
        logger.warning("could not delete the old thumbnail %s", name, exc_info=True)


def _finish(document: ResourceDocument, state: str, errors: list[str]) -> str:
    """Save the derived fields only (an admin edit of the title meanwhile is kept)."""
    document.derivatives_state = state
    document.derivatives_error = "; ".join(errors)[:ERROR_MAX_LENGTH]
    ResourceDocument.objects.filter(pk=document.pk).update(
        page_count=document.page_count,
        thumbnail=document.thumbnail.name or "",
        derivatives_state=state,
        derivatives_error=document.derivatives_error,
    )
    if errors:
        logger.warning("derivatives of document %s: %s", document.pk, document.derivatives_error)
    # The text (made, replaced or dropped) is part of the released records that use the file.
    index_later(records_with_document(document.pk))
    return state


def _short(error: BaseException) -> str:
    message = str(error) or type(error).__name__
    return message if len(message) <= 200 else message[:199] + "…"
