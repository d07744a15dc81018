"""The admin's record listing: every record the user may see, filterable."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from ..models import RecordPage
from ..selectors import takedown_annotation
from .filters import RecordFilterSet


class RecordIndexView(IndexView):
    def annotate_queryset(self, pages):
        # The status column (RecordPage.status_string → record_status) tells
        # unpublished from withdrawn by the last take-down logged; read it in
        # the listing's query, not one audit-log query per offline record.
        # Wagtail's specific() keeps annotations on the specific instances.
        return super().annotate_queryset(pages).annotate(last_takedown=takedown_annotation())


class RecordListingViewSet(PageListingViewSet):
    model = RecordPage
    index_view_class = RecordIndexView
    filterset_class = RecordFilterSet
    icon = "doc-full-inverse"
    menu_label = _("Records")
    menu_order = 150
    add_to_admin_menu = True
    name = "records"

    def get_common_view_kwargs(self, **kwargs):
        # Records are added under their institution (the explorer's "Add child
        # page"), as a teaching resource or an achievement; the shared base
        # class itself cannot be created, so the listing offers no "Add".
        return {**super().get_common_view_kwargs(**kwargs), "add_url_name": None}
