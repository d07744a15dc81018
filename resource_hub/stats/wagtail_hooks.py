"""The admin's "Usage" menu item and screen (admin_views.py), for editors and administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from resource_hub.access.usage import usage_report_institutions
from resource_hub.access.viewers import active_user

from .admin_views import UsageView


@hooks.register("register_admin_urls")
def usage_admin_urls():
    return [path("usage/", UsageView.as_view(), name="stats_usage")]


class UsageMenuItem(MenuItem):
    def is_shown(self, request):
        # Whoever the access policy lets read a usage report: editors and administrators.
        user = active_user(request.user)
        return bool(user) and (user.is_superuser or usage_report_institutions(user).exists())


@hooks.register("register_admin_menu_item")
def usage_menu_item():
    return UsageMenuItem(_("Usage"), reverse("stats_usage"), icon_name="table", order=430)
