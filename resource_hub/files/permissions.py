"""Who may use a stored document: Wagtail's collection permissions decide."""

from wagtail.permissions import policy_registry

from .models import ResourceDocument


def can_use_document(user, document) -> bool:
    """May the user attach this document to a record (they uploaded it, or may choose it)?"""
    if not user.is_authenticated:
        return False
    if document.uploaded_by_user_id == user.pk:
        return True
    policy = policy_registry.get_by_type(ResourceDocument)
    return policy.user_has_any_permission_for_instance(user, ["choose", "change"], document)


def can_download_document(user, document) -> bool:
    """A document may be downloaded by whoever may see a released record holding it,
    and by the people who manage it (its uploader, and its collection's editors)."""
    from resource_hub.records.models import RecordPage
    from resource_hub.records.selectors import records_visible_to

    if user.is_authenticated:
        if document.uploaded_by_user_id == user.pk:
            return True
        policy = policy_registry.get_by_type(ResourceDocument)
        if policy.user_has_any_permission_for_instance(user, ["change"], document):
            return True
    holders = RecordPage.objects.filter(files__document=document)
    return records_visible_to(user, holders).exists()
