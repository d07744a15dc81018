"""Embargoed records are released by the background worker when their date comes."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageViewRestriction

from resource_hub.core.tasks import publish_scheduled_enqueue_once
from resource_hub.records.models import AccessLevel
from resource_hub.records.services import record_release

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_clock_queues_one_task_at_a_time(settings):
    settings.TASKS = DATABASE_TASKS

    assert publish_scheduled_enqueue_once() is True
    assert publish_scheduled_enqueue_once() is False
    assert DBTaskResult.objects.ready().count() == 1


# The worker closes database connections between tasks as it does in production,
# so these tests commit for real (and restore the database afterwards).
worker_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def publish_scheduled_ran() -> bool:
    return (
        DBTaskResult.objects.successful()
        .filter(task_path__endswith="publish_scheduled_task")
        .exists()
    )


@worker_db
def test_worker_releases_an_embargo_that_has_ended(settings, world, make_record, monkeypatch):
    settings.TASKS = DATABASE_TASKS
    # Whole seconds: the revision stores the date as JSON, to the millisecond.
    go_live = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    record = make_record(access_level=AccessLevel.REGISTERED, go_live_at=go_live)
    record_release(user=world.editor_a, record=record)
    record.refresh_from_db()
    assert not record.live
    assert record.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at == go_live
    # The embargo ends: time moves past the go-live date for everything that
    # asks (the task queue, Wagtail's publish_scheduled), with no waiting.
    monkeypatch.setattr(timezone, "now", lambda: go_live + timedelta(minutes=1))

    call_command("worker", "--batch", verbosity=0)

    record.refresh_from_db()
    assert record.live
    assert (
        PageViewRestriction.objects.get(page=record).restriction_type == PageViewRestriction.LOGIN
    )
    assert publish_scheduled_ran()


@worker_db
def test_worker_leaves_a_running_embargo_alone(settings, world, make_record):
    settings.TASKS = DATABASE_TASKS
    record = make_record(go_live_at=timezone.now() + timedelta(days=3))
    record_release(user=world.editor_a, record=record)

    call_command("worker", "--batch", verbosity=0)

    assert publish_scheduled_ran()  # the worker looked, and left it
    record.refresh_from_db()
    assert not record.live
