"""Wagtail's admin names only what the access policy lets a person know of (issue 11).

Two places named any page (or file, or image) by id: the bulk actions'
confirmation pages (the objects asked for, and under "You don't have
permission to ..." those the person may not act on) and the page chooser
(browse and search). Both now read through `access.admin`; an unknown object
is treated as one that does not exist (dropped, or 404 when nothing is left).
Users' bulk actions need Wagtail's user permissions, and snippets are the
public vocabularies, so they are left as Wagtail made them.
"""

from django.core.exceptions import BadRequest
from django.db.models import QuerySet
from django.http import Http404
from wagtail import hooks
from wagtail.admin.views.chooser import page_models_from_string
from wagtail.admin.views.pages import bulk_actions as pages
from wagtail.documents.views import bulk_actions as documents
from wagtail.images.views import bulk_actions as images
from wagtail.models import Page

from resource_hub.core.params import MAX_ID, InvalidParameter, clean_integer

from .admin import (
    admin_known_images,
    admin_known_pages,
    is_admin_known_document,
    is_admin_known_page,
)

BROWSE_URL_NAMES = {"wagtailadmin_choose_page", "wagtailadmin_choose_page_child"}


def _whole_id(name: str, value) -> int | None:
    """A database id from the query string, or None for anything that cannot be one."""
    try:
        return clean_integer(name, str(value), low=1, high=MAX_ID)
    except InvalidParameter:
        return None


def _known_page_id(request, name: str, value) -> int | None:
    pk = _whole_id(name, value)
    if pk is None or not admin_known_pages(request, Page.objects.filter(pk=pk)).exists():
        return None
    return pk


class KnownObjectsOnly:
    """A bulk action that acts on, and names, only objects the person may know of.

    Wagtail lists every id asked for, naming those the person may not act on
    (`BulkAction.get_actionable_objects`); here the ids are first narrowed to
    known objects, so the others are never read. Odd ids (`id=abc`, too
    large) are ignored rather than reaching the database (a 500 in Wagtail).
    """

    def known(self, queryset):
        raise NotImplementedError

    def clean_parent_id(self, parent_id) -> int | None:
        """`childOf` of `id=all`: Wagtail uses it as given, a 500 for an odd id."""
        return _whole_id("childOf", parent_id)

    def get_queryset(self, model, object_ids):
        # Wagtail declares this a classmethod but calls it on the instance
        # (`self.get_queryset(self.model, object_ids)`), so the request is at hand.
        if isinstance(object_ids, list | tuple):
            object_ids = [pk for pk in (_whole_id("id", value) for value in object_ids) if pk]
        objects = list(self.known(model.objects.filter(pk__in=object_ids)))
        if not objects:
            raise Http404
        return objects

    def get_all_objects_in_listing_query(self, parent_id):
        if parent_id is not None:
            parent_id = self.clean_parent_id(parent_id)
            if parent_id is None:
                raise Http404
        return super().get_all_objects_in_listing_query(parent_id)


class KnownPagesOnly(KnownObjectsOnly):
    def known(self, queryset):
        return admin_known_pages(self.request, queryset)

    def clean_parent_id(self, parent_id):
        # Wagtail reads the parent page with .get() (a 500 when missing); an
        # unknown parent is a missing one.
        return _known_page_id(self.request, "childOf", parent_id)


class KnownDocumentsOnly(KnownObjectsOnly):
    def known(self, queryset):
        return [doc for doc in queryset if is_admin_known_document(self.request, doc)]


class KnownImagesOnly(KnownObjectsOnly):
    def known(self, queryset):
        return admin_known_images(self.request, queryset)


class KnownPagesMoveBulkAction(KnownPagesOnly, pages.MoveBulkAction):
    def get_form_kwargs(self):
        # The destination posted back is drawn with its title (the chooser
        # widget, and "cannot be moved to <title>"): an unknown or odd one is
        # treated as none chosen.
        kwargs = super().get_form_kwargs()
        data = kwargs.get("data")
        chosen = data.get("chooser") if data is not None else None
        if chosen and _known_page_id(self.request, "chooser", chosen) is None:
            data = data.copy()
            data["chooser"] = ""
            kwargs["data"] = data
        return kwargs


def _narrowed(mixin, action):
    return type(f"{mixin.__name__}{action.__name__}", (mixin, action), {"__module__": __name__})


# The registry keeps, per model and action type, the last class registered;
# hooks run in `order`, so these (order 1) replace Wagtail's own (order 0).
NARROWED_BULK_ACTIONS = [
    KnownPagesMoveBulkAction,
    *(
        _narrowed(KnownPagesOnly, action)
        for action in (pages.DeleteBulkAction, pages.PublishBulkAction, pages.UnpublishBulkAction)
    ),
    *(
        _narrowed(KnownDocumentsOnly, action)
        for action in (
            documents.AddTagsBulkAction,
            documents.AddToCollectionBulkAction,
            documents.DeleteBulkAction,
        )
    ),
    *(
        _narrowed(KnownImagesOnly, action)
        for action in (
            images.AddTagsBulkAction,
            images.AddToCollectionBulkAction,
            images.DeleteBulkAction,
        )
    ),
]
for _action in NARROWED_BULK_ACTIONS:
    hooks.register("register_bulk_action", _action, order=1)


@hooks.register("construct_page_chooser_queryset")
def chooser_lists_known_pages(pages: QuerySet, request) -> QuerySet:
    """The chooser lists (browse and search) only pages the person may know of.

    Browsing draws the parent page too, which Wagtail reads before this hook
    runs: an unknown parent is answered 404, as a missing one is.
    """
    parent = _browse_parent(request)
    if parent is not None and not is_admin_known_page(request, parent):
        raise Http404
    return admin_known_pages(request, pages)


def _browse_parent(request):
    """The page the chooser's browse view draws above the list, as Wagtail finds it."""
    match = request.resolver_match
    if match is None or match.url_name not in BROWSE_URL_NAMES:
        return None
    # Wagtail parses these after the hook, with int(): a 500 for odd ids.
    if any(
        _whole_id("target_pages[]", pk) is None
        for pk in request.GET.getlist("target_pages[]")
        if pk
    ):
        raise BadRequest("target_pages[] must be page ids")
    if "parent_page_id" in match.kwargs:
        return Page.objects.filter(pk=match.kwargs["parent_page_id"]).first()
    # Without a parent, Wagtail opens the root, or for some page types the
    # first common ancestor of their pages (wagtail.admin.views.chooser.BrowseView.get).
    try:
        classes = page_models_from_string(request.GET.get("page_type") or "wagtailcore.page")
    except (ValueError, LookupError):
        return None  # Wagtail answers 404
    if classes == (Page,):
        return None  # the root
    return Page.objects.type(*classes).first_common_ancestor()
