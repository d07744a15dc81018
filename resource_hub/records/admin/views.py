"""The admin's record listing: every record the user may see, filterable."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.pages import PageListingViewSet

from ..models import RecordPage
from .filters import RecordFilterSet


class RecordListingViewSet(PageListingViewSet):
    model = RecordPage
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
