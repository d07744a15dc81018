"""The admin's "Usage" menu item and screen (admin_views.py), for editors and administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from resource_hub.access.usage import can_read_any_usage_report

from .admin_views import UsageView


@hooks.register("register_admin_urls")
def usage_admin_urls():
    return [path("usage/", UsageView.as_view(), name="stats_usage")]


class UsageMenuItem(MenuItem):
    def is_shown(self, request):
        # Whoever the access policy lets read a usage report: editors and administrators.
        return can_read_any_usage_report(request.user)


@hooks.register("register_admin_menu_item")
def usage_menu_item():
    return UsageMenuItem(_("Usage"), reverse("stats_usage"), icon_name="table", order=430)
