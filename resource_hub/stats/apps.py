from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "resource_hub.stats"
    label = "stats"
    verbose_name = _("Usage statistics")

    def ready(self):
        # The worker's clock (core) sits below us: we register our daily job with it.
        from resource_hub.core import clock

        from .tasks import stats_aggregate_enqueue_if_due

        clock.register(stats_aggregate_enqueue_if_due)
