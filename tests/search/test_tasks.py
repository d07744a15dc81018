"""Index updates after commit (search.tasks.index_records) against the real node.

Each change runs inside `django_capture_on_commit_callbacks(execute=True)`,
which plays the commit: the queued task then runs inline (immediate backend).
"""

import io
import json
import logging
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageViewRestriction

from resource_hub.files.services import document_create
from resource_hub.files.tasks import derive_document
from resource_hub.records.models import AccessLevel
from resource_hub.records.services import (
    file_attach,
    record_release,
    record_unpublish,
    record_update_draft,
)
from search import lifecycle, tasks
from search.services import index_later

CLOSED_PORT_URL = "http://127.0.0.1:9"  # discard port: nothing listens, connections are refused


@pytest.fixture
def index(es_client, db):
    """An empty index behind the alias, as after the first `search_index rebuild`."""
    lifecycle.rebuild()
    return es_client


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change and what it queues on commit (the index task, inline)."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


def document(client, pk) -> dict | None:
    found = client.options(ignore_status=404).get(index=lifecycle.alias_name(), id=str(pk))
    return found["_source"] if found.get("found") else None


def hits(client, query: dict) -> list[int]:
    found = client.search(index=lifecycle.alias_name(), query=query)
    return [int(hit["_id"]) for hit in found["hits"]["hits"]]


def test_release_draft_edit_publish_unpublish_and_delete(index, world, make_record, committed):
    record = make_record(title="Old title about rice")
    committed(record_release, user=world.editor_a, record=record)
    assert document(index, record.pk)["title"] == "Old title about rice"

    committed(record_update_draft, user=world.editor_a, record=record, title="Secretdraft title")
    assert document(index, record.pk)["title"] == "Old title about rice"
    assert "Secretdraft" not in json.dumps(document(index, record.pk), ensure_ascii=False)
    assert hits(index, {"match": {"title": "Secretdraft"}}) == []

    committed(record_release, user=world.editor_a, record=record)
    assert document(index, record.pk)["title"] == "Secretdraft title"
    assert hits(index, {"match": {"title": "Secretdraft"}}) == [record.pk]

    committed(record_unpublish, user=world.editor_a, record=record)
    assert document(index, record.pk) is None

    committed(record_release, user=world.editor_a, record=record)
    assert document(index, record.pk) is not None
    committed(record.delete)
    assert document(index, record.pk) is None


def test_a_record_moved_to_another_institution_is_indexed_there(
    index, world, make_record, committed
):
    record = committed(record_release, user=world.editor_a, record=make_record())
    assert document(index, record.pk)["institution"]["id"] == str(world.inst_a.pk)

    committed(record.move, world.inst_b, pos="last-child", user=world.admin)

    moved = document(index, record.pk)
    assert moved["institution"]["id"] == str(world.inst_b.pk)
    assert moved["country"] == "TH"
    assert moved["url_path"].startswith(world.inst_b.url_path)


def test_a_new_access_level_and_a_restriction_change_reach_the_index(
    index, world, make_record, committed
):
    record = committed(record_release, user=world.editor_a, record=make_record())
    assert document(index, record.pk)["access_level"] == AccessLevel.PUBLIC

    record_update_draft(user=world.editor_a, record=record, access_level=AccessLevel.INSTITUTION)
    committed(record_release, user=world.editor_a, record=record)
    assert document(index, record.pk)["access_level"] == AccessLevel.INSTITUTION

    # A restriction edited on its own (the admin's privacy dialog) re-indexes too:
    # drop the document behind the task's back and watch it come back.
    index.delete(index=lifecycle.alias_name(), id=str(record.pk), refresh=True)
    committed(
        PageViewRestriction.objects.create,
        page=record,
        restriction_type=PageViewRestriction.LOGIN,
    )
    assert document(index, record.pk)["access_level"] == AccessLevel.INSTITUTION


def test_a_file_and_its_text_arriving_later_become_searchable(
    index, world, make_record, committed, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    record = committed(record_release, user=world.editor_a, record=make_record())
    assert document(index, record.pk)["has_files"] is False

    # Stored, but its text not yet extracted: the derive task is queued, not run.
    with django_capture_on_commit_callbacks(execute=False):
        upload = document_create(
            user=world.teacher_a,
            collection=world.inst_a.collection,
            file=ContentFile(b"Paddy irrigation with xylophonic channels", "notes.txt"),
        )
    file_attach(user=world.teacher_a, record=record, document=upload)
    committed(record_release, user=world.editor_a, record=record)
    assert document(index, record.pk)["has_files"] is True
    assert hits(index, {"match": {"file_text": "xylophonic"}}) == []

    committed(derive_document.call, upload.pk)

    assert hits(index, {"match": {"file_text": "xylophonic"}}) == [record.pk]


def test_without_elasticsearch_nothing_is_queued_and_the_task_does_nothing(
    settings, world, make_record, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = None
    record = make_record()
    with django_capture_on_commit_callbacks() as callbacks:
        index_later([record.pk])
    assert callbacks == []
    assert tasks.index_records.call([record.pk]) == tasks.OFF


def test_retry_delays_double_up_to_the_cap():
    delays = [tasks.retry_delay(attempt).total_seconds() for attempt in range(1, 11)]
    assert delays == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]


def test_while_elasticsearch_is_down_the_task_queues_its_next_attempt_and_verify_repairs(
    index, world, make_record, settings, caplog
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    record = record_release(user=world.editor_a, record=make_record())
    reachable_url, settings.ELASTICSEARCH_URL = settings.ELASTICSEARCH_URL, CLOSED_PORT_URL

    before = timezone.now()
    with caplog.at_level(logging.WARNING, logger="search.tasks"):
        outcome = tasks.index_records.call([record.pk], attempt=3)

    assert outcome == tasks.RETRYING
    queued = DBTaskResult.objects.get(task_path=tasks.index_records.module_path)
    assert queued.args_kwargs == {"args": [[record.pk], 4], "kwargs": {}}
    assert (
        before + timedelta(seconds=120)
        <= queued.run_after
        <= timezone.now() + timedelta(seconds=240)
    )
    assert "attempt 4 in 120 s" in caplog.text

    # The last attempt gives up, loudly, and queues nothing more.
    with caplog.at_level(logging.ERROR, logger="search.tasks"):
        outcome = tasks.index_records.call([record.pk], attempt=tasks.RETRY_MAX_ATTEMPTS)
    assert outcome == tasks.GAVE_UP
    assert "verify --fix" in caplog.text
    assert DBTaskResult.objects.filter(task_path=tasks.index_records.module_path).count() == 1

    # Elasticsearch is back: verify finds the record that was missed, --fix repairs it.
    settings.ELASTICSEARCH_URL = reachable_url
    assert lifecycle.verify().missing == [record.pk]
    out = io.StringIO()
    call_command("search_index", "verify", "--fix", "--no-progress", stdout=out, stderr=out)
    assert lifecycle.verify().ok
    assert document(index, record.pk)["title"] == record.title


def test_the_immediate_backend_cannot_wait_so_the_task_says_verify_will_repair(
    index, world, make_record, settings, caplog
):
    record = record_release(user=world.editor_a, record=make_record())
    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL

    with caplog.at_level(logging.WARNING, logger="search.tasks"):
        assert tasks.index_records.call([record.pk]) == tasks.GAVE_UP
    assert "cannot retry later" in caplog.text
