"""Task workers that died mid-task: their tasks are run again, a few times at most.

django-tasks-db marks a task "running" when a worker claims it and nothing
ever changes that if the worker is killed (out of memory, `kill -9`, its
machine gone). Each `manage.py worker` therefore keeps a heartbeat row
(`WorkerHeartbeat`, updated on every clock tick), and the clock's
`requeue_orphans` puts back to "ready" every running task whose worker has not
been seen for `TASK_WORKER_STALE_SECONDS`: another worker runs it again. Our
tasks are written to be re-run (index updates, derivatives, upload
completions, imports by external identifier, the daily aggregation). A task
that took down its worker `TASK_MAX_ATTEMPTS` times is marked failed instead,
with the reason, so one poisonous task cannot kill workers forever.
"""

import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def beat(worker_id: str) -> None:
    """This worker is alive (one upsert)."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "seen_at": timezone.now(),
        },
    )


def stopped(worker_id: str) -> None:
    """This worker stops cleanly: it holds no task any more."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def requeue_orphans() -> tuple[int, int]:
    """Put back the running tasks of dead workers; (requeued, failed for good)."""
    stale = timezone.now() - timedelta(seconds=settings.TASK_WORKER_STALE_SECONDS)
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=stale).values_list("worker_id", flat=True)
    )
    requeued = failed = 0
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING, started_at__lt=stale
        )
        for task in running:
            if task.worker_ids and task.worker_ids[-1] in alive:
                continue
            if len(task.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
                task.status = TaskResultStatus.FAILED
                task.finished_at = timezone.now()
                task.exception_class_path = "resource_hub.core.liveness.WorkerDied"
                task.traceback = (
                    f"The worker running this task stopped without finishing it "
                    f"{len(task.worker_ids)} times (workers {', '.join(task.worker_ids)})."
                )
                task.save(
                    update_fields=["status", "finished_at", "exception_class_path", "traceback"]
                )
                logger.error(
                    "task %s (%s) failed for good: %s", task.pk, task.task_path, task.traceback
                )
                failed += 1
                continue
            task.status = TaskResultStatus.READY
            task.save(update_fields=["status"])
            logger.warning(
                "task %s (%s) was left running by worker %s, which is gone: queued again",
                task.pk,
                task.task_path,
                task.worker_ids[-1] if task.worker_ids else "?",
            )
            requeued += 1
    WorkerHeartbeat.objects.filter(seen_at__lt=stale - timedelta(days=1)).delete()
    return requeued, failed
