"""Background tasks of usage statistics: the daily aggregation and pruning."""

from datetime import date, timedelta

from django.utils import timezone
from django_tasks import task

from .aggregation import stats_aggregate, stats_aggregation_done, stats_prune


@task()
def stats_aggregate_task() -> dict:
    """Count every day not yet counted up to yesterday, then prune old raw events (idempotent)."""
    results = stats_aggregate()
    pruned = stats_prune()
    return {
        "days": len(results),
        "events": sum(result.events for result in results),
        "pruned": pruned,
    }


#: the last day this process saw counted, so the clock's ticks read nothing until the next day
_done_through: date | None = None


def stats_aggregate_enqueue_if_due() -> bool:
    """The clock's job: queue `stats_aggregate_task` once yesterday is over and not yet counted.

    Reads one row per tick until yesterday is counted, then nothing until the
    date changes. Returns whether it queued the task.
    """
    global _done_through
    yesterday = timezone.localdate() - timedelta(days=1)
    if _done_through == yesterday:
        return False
    if stats_aggregation_done(day=yesterday):
        _done_through = yesterday
        return False
    # Inside: the database backend's queue (a model) is read only when it is the backend.
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if isinstance(stats_aggregate_task.get_backend(), DatabaseBackend):
        path = stats_aggregate_task.module_path
        # Queued, or counting now (a run left "running" by a dead worker stops
        # counting as one after an hour: re-running is harmless).
        running = DBTaskResult.objects.running().filter(
            started_at__gte=timezone.now() - timedelta(hours=1)
        )
        if (DBTaskResult.objects.ready() | running).filter(task_path=path).exists():
            return False
    stats_aggregate_task.enqueue()
    return True
