"""The background worker: django-tasks-db's `db_worker`, plus the site's clock.

Every `--schedule-interval` seconds it queues `publish_scheduled_task`, so
embargoed records are released by the worker (Wagtail's `publish_scheduled`)
without a separate cron job, and runs the jobs apps register with
`core.clock` (stats: the daily aggregation, once a day is over). Run one or
more beside the web processes when TASKS_BACKEND=database.
"""

import logging
import threading

from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from resource_hub.core import clock
from resource_hub.core.tasks import publish_scheduled_enqueue_once

logger = logging.getLogger(__name__)


def _clock(interval: float, stop: threading.Event) -> None:
    while not stop.wait(interval):
        try:
            publish_scheduled_enqueue_once()
        except Exception:  # a database blip must not kill the clock; next tick retries
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
        # One check at start, so a restarted worker catches up at once.
        publish_scheduled_enqueue_once()
        clock.tick()
        stop = threading.Event()
        if not options.get("batch"):
            threading.Thread(target=_clock, args=(schedule_interval, stop), daemon=True).start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
