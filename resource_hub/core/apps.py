from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "resource_hub.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        # Registers the site address checks; in ready() as checks imports Wagtail's models.
        from . import checks  # noqa: F401
