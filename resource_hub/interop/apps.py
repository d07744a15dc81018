from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    name = "resource_hub.interop"
    label = "interop"
    verbose_name = _("Interoperability")

    def ready(self):
        # In ready(): the handlers import models, not yet loaded when apps.py is.
        from .oai import signal_handlers

        signal_handlers.connect()
