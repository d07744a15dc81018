from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "resource_hub.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
