"""Background tasks of the site as a whole."""

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled_task() -> None:
    """Release records whose embargo has ended (Wagtail's scheduled publishing)."""
    call_command("publish_scheduled", verbosity=0)


def publish_scheduled_enqueue_once() -> bool:
    """Queue `publish_scheduled_task` unless one is already waiting. Returns whether it queued.

    With the database backend the check reads the queue; other backends run
    the task at once, so there is nothing to de-duplicate.
    """
    # Inside: the database backend's queue (a model) is read only when it is the backend.
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if isinstance(publish_scheduled_task.get_backend(), DatabaseBackend):
        path = publish_scheduled_task.module_path
        if DBTaskResult.objects.ready().filter(task_path=path).exists():
            return False
    publish_scheduled_task.enqueue()
    return True
