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


# Before other tasks (derivatives, indexing): a person is waiting for this one.
COMPLETE_UPLOAD_PRIORITY = 10


@task(priority=COMPLETE_UPLOAD_PRIORITY)
def complete_upload(upload_id: str) -> str:
    """Verify and store a direct upload the client asked to complete (see completion.py)."""
    # Imported here: completion imports this module to queue the task.
    from .completion import upload_completion_failed, upload_finish

    try:
        return upload_finish(upload_id=upload_id)
    except Exception:
        upload_completion_failed(upload_id=upload_id)
        raise
