"""Background tasks of the files domain."""

from django_tasks import task

from .derivatives import document_derive
from .models import ResourceDocument


@task()
def derive_document(document_id: int) -> str:
    """Make a document's text, page count and thumbnail (idempotent). Returns the state."""
    document = ResourceDocument.objects.filter(pk=document_id).first()
    if document is None:
        return "missing"  # deleted before the task ran: nothing to do
    return document_derive(document=document)
