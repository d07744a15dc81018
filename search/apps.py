from django.apps import AppConfig
from django.core.signals import setting_changed
from django.utils.translation import gettext_lazy as _

from resource_hub.core import health, indexing


def _forget_client(*, setting, **kwargs):
    # The cached client was built from settings; rebuild it when they change
    # (pytest-django's `settings` fixture), as Django does for its own caches.
    if setting.startswith("ELASTICSEARCH_"):
        from .client import forget_outage, get_client

        get_client.cache_clear()
        forget_outage()


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # Inside: services and signal_handlers import models, not yet loaded when apps.py is.
        from . import services, signal_handlers
        from .health import check_search

        # records and files ask for re-indexing through core.indexing, never
        # importing search (they sit below it): this is the implementation.
        indexing.register(services)
        # The daily usage aggregation (stats, below us) says whose downloads changed.
        from resource_hub.stats.aggregation import on_downloads_changed

        on_downloads_changed(services.downloads_changed)
        health.register_check("search", check_search)
        setting_changed.connect(_forget_client, dispatch_uid="search.forget_client")
        # Vocabulary names in queries (vocabulary.py) are read once, and again after an edit.
        from django.db.models.signals import post_delete, post_save

        from .vocabulary import forget_vocabulary

        post_save.connect(forget_vocabulary, dispatch_uid="search.forget_vocabulary_saved")
        post_delete.connect(forget_vocabulary, dispatch_uid="search.forget_vocabulary_deleted")
        signal_handlers.connect()
