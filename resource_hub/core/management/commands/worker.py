"""The background worker: django-tasks-db's `db_worker`, plus the site's clock.

Every `--schedule-interval` seconds it writes its heartbeat and queues again
the tasks of workers that died mid-task (`core.liveness`), queues `publish_scheduled_task`, so
embargoed records are released by the worker (Wagtail's `publish_scheduled`)
without a separate cron job, and runs the jobs apps register with
`core.clock` (stats: the daily aggregation, once a day is over). Run one or
more beside the web processes when TASKS_BACKEND=database.
"""

import contextlib
import logging
import threading

from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from resource_hub.core import clock, liveness
from resource_hub.core.tasks import publish_scheduled_enqueue_once

logger = logging.getLogger(__name__)


def _clock(worker_id: str, interval: float, stop: threading.Event) -> None:
    while not stop.wait(interval):
        _tick(worker_id)


def _tick(worker_id: str) -> None:
    """Say this worker is alive, requeue dead workers' tasks, then the clock's jobs."""
    try:
        liveness.beat(worker_id)
        liveness.requeue_orphans()
    except Exception:  # a database blip must not kill the clock; next tick retries
        logger.exception("could not write the worker's heartbeat")
    finally:
        close_old_connections()
    try:
        publish_scheduled_enqueue_once()
    except Exception:
        logger.exception("could not queue the scheduled-publishing task")
    finally:
        close_old_connections()
    try:
        clock.tick()
    finally:
        close_old_connections()


class Command(DBWorkerCommand):
    help = "Run background tasks, and release embargoed records when their time comes."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--schedule-interval",
            type=float,
            default=60.0,
            help="Seconds between checks for embargoed records to release (default 60).",
        )

    def handle(self, *args, schedule_interval, **options):
        worker_id = options["worker_id"]
        # One tick at start, so a restarted worker catches up at once (and takes
        # back what a dead worker left running, once its heartbeat is stale).
        _tick(worker_id)
        stop = threading.Event()
        if not options.get("batch"):
            thread = threading.Thread(
                target=_clock, args=(worker_id, schedule_interval, stop), daemon=True
            )
            thread.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            with contextlib.suppress(Exception):  # the database may be what stopped us
                liveness.stopped(worker_id)
