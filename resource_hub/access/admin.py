"""Which pages a person may know of in Wagtail's admin.

The admin names pages in many places besides the explorer: the page chooser
(browse and search), and every bulk action's confirmation page, which lists
the pages asked for, those the person may not act on included (issue 11).
Each of them asks `admin_known_pages`, so none names a page the person could
not open or manage anywhere else:

- pages they manage: Wagtail's "change" permission, which also covers the
  pages they own under a page where they may add (a teacher's own records);
  that is `records.can_view` for a record that is not released;
- the way down to where their permissions start (the pages above their
  institution, and the institution itself), so the chooser can be browsed;
- released pages `records.visible_pages` lets them open.

Wagtail's explorer goes further for a teacher ("add" lets them explore their
institution's whole subtree, colleagues' drafts included); the policy does
not, because a colleague's draft is not theirs to see (`records.can_view`).

Files are named to those who may attach or download them (`documents`);
images, which the policy does not otherwise cover (institution logos,
collection covers), to those Wagtail's collection permissions let use them.
"""

from django.db.models import Q, QuerySet
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .documents import can_download, can_use_document
from .records import visible_pages
from .restrictions import path_prefixes
from .viewers import active_user, as_viewer


def admin_known_pages(who, queryset: QuerySet) -> QuerySet:
    """The pages of `queryset` that `who` (a request, user or Viewer) may see named in the admin.

    A query, so a chooser page or a bulk action reads only what it may show;
    superusers know every page.
    """
    viewer = as_viewer(who)
    user = active_user(viewer.user)
    if user is not None and user.is_superuser:
        return queryset
    known = Q(pk__in=visible_pages(viewer, Page.objects.all()).values("pk"))
    if user is not None:
        known |= _managed(user) | _path_to_permissions(user)
    return queryset.filter(known)


def is_admin_known_page(who, page) -> bool:
    """`admin_known_pages` for one page (one query)."""
    return admin_known_pages(who, Page.objects.filter(pk=page.pk)).exists()


def is_admin_known_document(who, document) -> bool:
    """A file the admin may name to `who`: one they may attach, or download."""
    return can_use_document(who, document) or can_download(who, document)


def admin_known_images(who, queryset: QuerySet) -> QuerySet:
    """Images (logos, covers) the admin may name to `who`: their own uploads and those
    of collections where Wagtail lets them choose, change or delete images."""
    user = active_user(as_viewer(who).user)
    if user is None:
        return queryset.none()
    if user.is_superuser:
        return queryset
    allowed = policy_registry.get_by_type(get_image_model()).instances_user_has_any_permission_for(
        user, ["choose", "change", "delete"]
    )
    return queryset.filter(Q(uploaded_by_user=user) | Q(pk__in=allowed.values("pk")))


def _page_policy():
    return policy_registry.get_by_type(Page)


def _managed(user) -> Q:
    # The query form of Wagtail's `PagePermissionTester.can_edit` (owner with
    # "add", or "change"), as `records.can_view` asks it, plus the owner alone
    # (can_view lets an author see their record wherever it now sits).
    editable = _page_policy().instances_user_has_permission_for(user, "change")
    return Q(owner=user) | Q(pk__in=editable.values("pk"))


def _path_to_permissions(user) -> Q:
    roots = _page_policy().instances_with_direct_explore_permission(user)
    paths = {prefix for page in roots for prefix in path_prefixes(page.path)}
    return Q(path__in=paths) if paths else Q(pk__in=[])
