"""Background tasks of the files domain."""

from django_tasks import task

from .models import ResourceDocument


@task()
def derive_document(document_id: int) -> str:
    """Make a document's text, page count and thumbnail (idempotent). Returns the state."""
    # Imported here: PDFium and the extractors load only where tasks run
    # (the worker), not in every web process that merely queues them.
    from .derivatives import document_derive

    document = ResourceDocument.objects.filter(pk=document_id).first()
    if document is None:
        return "missing"  # deleted before the task ran: nothing to do
    return document_derive(document=document)
