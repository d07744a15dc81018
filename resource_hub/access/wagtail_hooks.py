"""Wagtail's admin names only the pages the access policy lets a person know of (issue 11).

Two places named any page by id: the bulk actions' confirmation pages (the
pages asked for, and under "You don't have permission to ..." those the
person may not act on) and the page chooser (browse and search). Both now
read through `admin.admin_known_pages`; an unknown page is treated as one
that does not exist (dropped, or 404 when nothing is left).
"""

from django.core.exceptions import BadRequest
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_list_or_404
from wagtail import hooks
from wagtail.admin.views.chooser import page_models_from_string
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.models import Page

from resource_hub.core.params import MAX_ID, InvalidParameter, clean_integer

from .admin import admin_known_pages, is_admin_known_page

BROWSE_URL_NAMES = {"wagtailadmin_choose_page", "wagtailadmin_choose_page_child"}


def _page_id(name: str, value) -> int | None:
    """A page id from the query string, or None for anything that cannot be one."""
    try:
        return clean_integer(name, str(value), low=1, high=MAX_ID)
    except InvalidParameter:
        return None


def _known_page_id(request, name: str, value) -> int | None:
    pk = _page_id(name, value)
    if pk is None or not admin_known_pages(request, Page.objects.filter(pk=pk)).exists():
        return None
    return pk


class KnownPagesOnly:
    """A page bulk action that acts on, and names, only pages the person may know of.

    Wagtail lists every id asked for, naming those the person may not act on
    (`BulkAction.get_actionable_objects`); here the ids are first narrowed to
    known pages, so the others are never read. Odd ids (`id=abc`, too large)
    are ignored rather than reaching the database (a 500 in Wagtail).
    """

    def get_queryset(self, model, object_ids):
        # Wagtail declares this a classmethod but calls it on the instance
        # (`self.get_queryset(self.model, object_ids)`), so the request is at hand.
        if isinstance(object_ids, list | tuple):
            object_ids = [pk for pk in (_page_id("id", value) for value in object_ids) if pk]
        pages = model.objects.filter(pk__in=object_ids)
        return get_list_or_404(admin_known_pages(self.request, pages))

    def get_all_objects_in_listing_query(self, parent_id):
        # `id=all&childOf=<page>`: Wagtail reads the parent with .get(), a 500
        # for an odd or missing id; an unknown parent is a missing one.
        if parent_id is not None:
            parent_id = _known_page_id(self.request, "childOf", parent_id)
            if parent_id is None:
                raise Http404
        return super().get_all_objects_in_listing_query(parent_id)


class KnownPagesDeleteBulkAction(KnownPagesOnly, DeleteBulkAction):
    pass


class KnownPagesPublishBulkAction(KnownPagesOnly, PublishBulkAction):
    pass


class KnownPagesUnpublishBulkAction(KnownPagesOnly, UnpublishBulkAction):
    pass


class KnownPagesMoveBulkAction(KnownPagesOnly, MoveBulkAction):
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


# The registry keeps, per model and action type, the last class registered;
# hooks run in `order`, so these (order 1) replace Wagtail's own (order 0).
for _action in (
    KnownPagesDeleteBulkAction,
    KnownPagesMoveBulkAction,
    KnownPagesPublishBulkAction,
    KnownPagesUnpublishBulkAction,
):
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
        _page_id("target_pages[]", pk) is None for pk in request.GET.getlist("target_pages[]") if pk
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
