from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "resource_hub.records"
    label = "records"
    verbose_name = _("Records")

    def ready(self):
        # In ready(): the handlers import models, not yet loaded when apps.py is.
        from . import signal_handlers

        signal_handlers.connect()
