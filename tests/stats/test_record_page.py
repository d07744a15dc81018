"""The record page counts as a COUNTER investigation of the record (robots excepted)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from resource_hub.records.models import AccessLevel
from resource_hub.stats.models import ItemKind, Metric, UsageEvent
from tests.records.record_page_helpers import full_record

from .conftest import BROWSER, GOOGLEBOT


def test_a_record_page_view_is_recorded_as_an_investigation(client, world, postgres_db):
    record = full_record(world)

    response = client.get(record.url, HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 200
    event = UsageEvent.objects.get()
    assert (event.metric, event.kind, event.record_id, event.document_id) == (
        Metric.INVESTIGATION,
        ItemKind.RECORD,
        record.pk,
        None,
    )


def test_a_robot_reading_the_page_is_not_recorded(client, world, postgres_db):
    record = full_record(world)

    response = client.get(record.url, HTTP_USER_AGENT=GOOGLEBOT)

    assert response.status_code == 200
    assert not UsageEvent.objects.exists()


def test_a_refused_page_is_not_recorded(client, world, postgres_db):
    record = full_record(world, access_level=AccessLevel.INSTITUTION)
    client.force_login(world.teacher_b)

    response = client.get(record.url, HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 403
    assert not UsageEvent.objects.exists()


def test_recording_adds_one_insert_to_the_page(client, world, postgres_db):
    record = full_record(world)
    client.get(record.url, HTTP_USER_AGENT=GOOGLEBOT)  # warm Wagtail's site and page caches

    def queries(user_agent):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(record.url, HTTP_USER_AGENT=user_agent).status_code == 200
        return [query["sql"] for query in captured]

    robot, person = queries(GOOGLEBOT), queries(BROWSER)

    extra = [sql for sql in person if sql not in robot]
    assert len(person) == len(robot) + 1
    assert len(extra) == 1 and extra[0].startswith('INSERT INTO "stats_usageevent"')
