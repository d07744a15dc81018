"""The background worker: tasks are queued for it, and it is running.

The worker's clock (`manage.py worker`) queues Wagtail's scheduled publishing
every minute and the worker runs it, so the last time that task finished is
the heartbeat of both: no separate table needed.
"""

from collections.abc import Iterator
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from resource_hub.core.tasks import publish_scheduled_task

from .result import Result, fail, ok, warn

LABEL = gettext_lazy("Task worker")
QUEUE_LABEL = gettext_lazy("Task queue")
#: Three ticks of the worker's default one-minute clock, and some slack.
DEFAULT_MAX_AGE = timedelta(minutes=5)
START = gettext_lazy(
    "Start the worker: `systemctl enable --now resource-hub-worker@1` (deploy/README.md); "
    "its log says why it stopped (`journalctl -u resource-hub-worker@1`)."
)


def check_worker(*, worker_max_age: timedelta = DEFAULT_MAX_AGE, **options) -> Iterator[Result]:
    backend = publish_scheduled_task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        yield warn(
            "worker.backend",
            LABEL,
            _("tasks run inside web requests (backend %(backend)s); no worker is used")
            % {"backend": type(backend).__name__},
            _(
                "Set TASKS_BACKEND=database and run the worker: indexing, e-mails and "
                "derivatives then leave the request, and embargoed records are released on time."
            ),
        )
        return
    now = timezone.now()
    last = (
        DBTaskResult.objects.successful()
        .filter(task_path=publish_scheduled_task.module_path, finished_at__isnull=False)
        .order_by("-finished_at")
        .values_list("finished_at", flat=True)
        .first()
    )
    if last is None:
        yield fail("worker.heartbeat", LABEL, _("no worker has run the clock's task yet"), START)
    elif now - last > worker_max_age:
        yield fail(
            "worker.heartbeat",
            LABEL,
            _("the clock's task last ran %(ago)s ago") % {"ago": timesince(last, now)},
            START,
        )
    else:
        yield ok(
            "worker.heartbeat",
            LABEL,
            _("the clock's task last ran %(seconds)d s ago")
            % {"seconds": (now - last).total_seconds()},
        )
    cutoff = now - worker_max_age
    # A task without run_after (stored as the largest date) is due from its enqueueing.
    late = DBTaskResult.objects.ready().filter(
        Q(run_after=get_date_max(), enqueued_at__lt=cutoff) | Q(run_after__lt=cutoff)
    )
    count = late.count()
    if count:
        yield warn(
            "worker.queue",
            QUEUE_LABEL,
            ngettext(
                "%(count)d task has waited more than %(age)s",
                "%(count)d tasks have waited more than %(age)s",
                count,
            )
            % {"count": count, "age": timesince(now - worker_max_age, now)},
            _(
                "Run more workers (`systemctl enable --now resource-hub-worker@2`), or see why "
                "they are slow in their log."
            ),
        )
    else:
        yield ok("worker.queue", QUEUE_LABEL, _("no task waits longer than it should"))
