from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    name = "resource_hub.files"
    label = "files"
    verbose_name = _("Files")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
