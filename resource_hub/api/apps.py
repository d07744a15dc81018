from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "resource_hub.api"
    label = "api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The worker's clock (core) sits below us: it deletes the ended rate windows.
        from resource_hub.core import clock

        from .throttling import prune_ended_windows_if_due

        clock.register(prune_ended_windows_if_due)
