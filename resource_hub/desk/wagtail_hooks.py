"""The desk's part of the admin: the superusers' "Sign-in lockouts" screen under Settings."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import LockoutsView


@hooks.register("register_admin_urls")
def signin_lockouts_urls():
    return [path("signin-lockouts/", LockoutsView.as_view(), name="desk_signin_lockouts")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def signin_lockouts_menu_item():
    return SuperuserMenuItem(
        _("Sign-in lockouts"),
        reverse("desk_signin_lockouts"),
        name="signin-lockouts",
        icon_name="lock",
        order=650,
    )
