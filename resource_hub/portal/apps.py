from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The public site's reads across apps: home and browse pages, institution listings.

    It sits above institutions and records (it counts and lists their pages),
    so core, which holds the HomePage model, need not import them.
    """

    name = "resource_hub.portal"
    label = "portal"
    verbose_name = _("Public site")
