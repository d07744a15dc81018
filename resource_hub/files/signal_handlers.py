"""Queueing derivatives for documents that Wagtail's admin saves.

Wagtail's multiple uploader calls our form's `save(commit=False)` and saves
the row itself afterwards, so the form cannot queue the task with the new
row's id. The form marks the instance instead, and this post_save handler
queues the task for a marked instance once it is saved. Nothing else is
decided here: the rule is in `services.document_enqueue_derivatives`.
"""

from django.db.models.signals import post_save

from .models import ResourceDocument
from .services import document_enqueue_derivatives

_MARK = "_derivatives_wanted"


def mark_for_derivatives(document) -> None:
    """Have the document's derivatives (re)made after its next save; it now waits for them."""
    document.derivatives_state = "pending"
    document.derivatives_error = ""
    setattr(document, _MARK, True)


def _enqueue_marked(sender, instance, **kwargs):
    if instance.__dict__.pop(_MARK, False):
        document_enqueue_derivatives(document=instance)


def connect():
    post_save.connect(_enqueue_marked, sender=ResourceDocument, dispatch_uid="files.derivatives")
