from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    name = "resource_hub.files"
    label = "files"
    verbose_name = _("Files")

    def ready(self):
        # In ready(): the handlers import models, not yet loaded when apps.py is.
        from . import signal_handlers

        signal_handlers.connect()
