"""Who may use and download a stored document (a file).

A file is downloaded (and previewed, and its thumbnail shown) by whoever may
open a released record holding it, and by the people who manage it: its
uploader and the editors of its collection (its institution), who review it
before release. Attaching a file needs Wagtail's "choose" or "change"
permission on its collection, or having uploaded it.
"""

from django.apps import apps
from wagtail.permissions import policy_registry

from .records import visible_records
from .viewers import active_user, as_viewer, user_of, viewer_of


def _document_policy():
    # Wagtail 8 deprecates wagtail.documents.permissions.permission_policy in
    # favour of the registry.
    return policy_registry.get_by_type(apps.get_model("files", "ResourceDocument"))


def can_add_document(who, collection) -> bool:
    """May `who` add documents to this collection (Wagtail's collection permissions)?"""
    user = active_user(as_viewer(who).user)
    if user is None:
        return False
    # An unsaved document stands for "a new one here".
    candidate = apps.get_model("files", "ResourceDocument")(collection=collection)
    return _document_policy().user_has_permission_for_instance(user, "add", candidate)


def upload_collections(who) -> list:
    """The collections `who` may add documents to, in tree order (one query)."""
    user = active_user(as_viewer(who).user)
    if user is None:
        return []
    allowed = _document_policy().collections_user_has_permission_for(user, "add")
    return list(allowed.exclude(depth=1).order_by("path"))


def can_use_document(who, document) -> bool:
    """May `who` attach this document to a record (they uploaded it, or may choose it)?"""
    user = active_user(as_viewer(who).user)
    if user is None:
        return False
    if document.uploaded_by_user_id == user.pk:
        return True
    return _document_policy().user_has_any_permission_for_instance(
        user, ["choose", "change"], document
    )


def can_manage_document(who, document) -> bool:
    """Its uploader, and whoever Wagtail lets change it (its collection's editors).

    Asks only for the user, never the viewer's groups: the uploader's own
    download reads no group (the redirect's cost, issue 13).
    """
    user = user_of(who)
    if user is None:
        return False
    if document.uploaded_by_user_id == user.pk:
        return True
    return _document_policy().user_has_any_permission_for_instance(user, ["change"], document)


def can_download(who, document) -> bool:
    """Download, preview and thumbnail: its managers, and whoever may open a record holding it."""
    if can_manage_document(who, document):
        return True
    viewer = as_viewer(who)
    holders = apps.get_model("records", "RecordPage").objects.filter(files__document=document)
    return visible_records(viewer, holders).exists()


def is_public_document(document) -> bool:
    """May anyone, without signing in, download it? Then caches may keep its thumbnail."""
    return can_download(viewer_of(None), document)
