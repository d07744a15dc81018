from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BundlesConfig(AppConfig):
    name = "resource_hub.bundles"
    label = "bundles"
    verbose_name = _("Bundles and course packages")
