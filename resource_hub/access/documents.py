"""Who may use and download a stored document (a file).

A file is downloaded (and previewed, and its thumbnail shown) by whoever may
open a released record holding it, and by the people who manage it: its
uploader and the editors of its collection (its institution), who review it
before release. Attaching a file needs Wagtail's "choose" or "change"
permission on its collection, or having uploaded it.
"""

from dataclasses import dataclass

from django.apps import apps
from wagtail.permissions import policy_registry

from .restrictions import clauses_by_path, path_prefixes
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


def _holders_clauses(document) -> list[list[frozenset[str]]]:
    """The view restrictions' clauses of each released record holding the document.

    The per-record form of `visible_records` (as `records.can_view_released` is):
    one query for the holders' paths, one for the restrictions on those paths
    and above (and one for their groups, only when some restrict by group).
    Cheaper to build than the listing's SQL form, which matters on the download
    redirect (issue 13); the parity test holds the two forms to the same answers.
    """
    record_file = apps.get_model("records", "RecordFile")
    paths = list(
        record_file.objects.filter(document_id=document.pk, record__live=True)
        .order_by()  # not by the files' order: DISTINCT would keep it as a column
        .values_list("record__path", flat=True)
        .distinct()
    )
    if not paths:
        return []
    known = clauses_by_path({prefix for path in paths for prefix in path_prefixes(path)})
    return [
        [clause for prefix in path_prefixes(path) for clause in known.get(prefix, ())]
        for path in paths
    ]


@dataclass(frozen=True)
class DownloadAccess:
    """May `who` download the file, and may anyone (so caches may keep what it shows)?"""

    allowed: bool
    public: bool


def download_access(who, document, *, need_public: bool = False) -> DownloadAccess:
    """Download, preview and thumbnail: its managers, and whoever may open a record holding it.

    `public` (asked only with `need_public`, else False): an anonymous visitor
    may download it too. Both answers come from one read of the holders.
    """
    manages = can_manage_document(who, document)
    if manages and not need_public:
        return DownloadAccess(allowed=True, public=False)
    holders = _holders_clauses(document)
    anonymous = viewer_of(None)  # no query: no user
    public = any(anonymous.passes(clauses) for clauses in holders)
    if manages or public:
        return DownloadAccess(allowed=True, public=public)
    viewer = as_viewer(who)  # reads the viewer's groups: only now that they matter
    return DownloadAccess(allowed=any(viewer.passes(clauses) for clauses in holders), public=False)


def can_download(who, document) -> bool:
    """Download, preview and thumbnail: its managers, and whoever may open a record holding it."""
    return download_access(who, document).allowed


def is_public_document(document) -> bool:
    """May anyone, without signing in, download it? Then caches may keep its thumbnail."""
    return download_access(None, document, need_public=True).public
