"""Exports and API record reads count as COUNTER investigations; bulk recording is one INSERT."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resource_hub.records.models import AccessLevel
from resource_hub.stats.models import ItemKind, Metric, UsageEvent
from resource_hub.stats.recording import record_events
from tests.records.record_page_helpers import full_record

from .conftest import BROWSER, GOOGLEBOT, browser_request


def events():
    return sorted(UsageEvent.objects.values_list("metric", "kind", "record_id"))


def test_record_events_writes_every_record_in_one_insert(postgres_db):
    with CaptureQueriesContext(connection) as captured:
        written = record_events(browser_request(), Metric.REQUEST, [3, 4, 3, 5], ItemKind.BUNDLE)

    assert written == 3  # each record once
    assert len(captured) == 1 and captured[0]["sql"].startswith('INSERT INTO "stats_usageevent"')
    assert events() == [(Metric.REQUEST, ItemKind.BUNDLE, n) for n in (3, 4, 5)]
    assert len(set(UsageEvent.objects.values_list("visitor", flat=True))) == 1


def test_record_events_skips_robots_head_and_empty_bundles(postgres_db):
    with CaptureQueriesContext(connection) as captured:
        assert (
            record_events(browser_request(user_agent=GOOGLEBOT), Metric.REQUEST, [1], "bundle") == 0
        )
        assert record_events(browser_request(method="head"), Metric.REQUEST, [1], "bundle") == 0
        assert record_events(browser_request(), Metric.REQUEST, [], "bundle") == 0
    assert len(captured) == 0


@pytest.mark.parametrize("export_format", ["bibtex", "ris", "csl-json", "dc-xml"])
def test_an_export_is_an_investigation(client, world, postgres_db, export_format):
    record = full_record(world)
    url = reverse("record_exports:export", args=[record.pk, export_format])

    assert client.get(url, HTTP_USER_AGENT=GOOGLEBOT).status_code == 200
    assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 200

    assert events() == [(Metric.INVESTIGATION, ItemKind.RECORD, record.pk)]


def test_a_refused_export_is_not_counted(client, world, postgres_db):
    record = full_record(world, access_level=AccessLevel.INSTITUTION)
    url = reverse("record_exports:export", args=[record.pk, "bibtex"])

    assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 404
    assert not UsageEvent.objects.exists()


def test_api_reads_of_a_record_are_investigations(client, world, postgres_db):
    record = full_record(world)
    urls = [
        reverse("api:record", args=[record.pk]),
        reverse("api:record-export", args=[record.pk, "ris"]),
        reverse("api:record-citation", args=[record.pk]),
    ]
    for url in urls:
        assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 200

    assert events() == [(Metric.INVESTIGATION, ItemKind.RECORD, record.pk)] * 3


def test_api_reads_cost_one_insert_and_machines_none(client, world, postgres_db):
    record = full_record(world)
    url = reverse("api:record", args=[record.pk])
    client.get(url, HTTP_USER_AGENT=GOOGLEBOT)  # warm caches

    def queries(user_agent):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, HTTP_USER_AGENT=user_agent).status_code == 200
        return [query["sql"] for query in captured]

    machine, person = queries("python-requests/2.32.3"), queries(BROWSER)

    assert len(person) == len(machine) + 1
    assert person[-1].startswith('INSERT INTO "stats_usageevent"')


def test_a_hidden_record_or_a_draft_read_is_not_counted(client, world, postgres_db):
    hidden = full_record(world, access_level=AccessLevel.INSTITUTION)
    draft = full_record(world, release=False)
    client.force_login(world.teacher_a)  # the author reads the draft through the API

    assert (
        client.get(reverse("api:record", args=[draft.pk]), HTTP_USER_AGENT=BROWSER).status_code
        == 200
    )
    client.logout()
    assert (
        client.get(reverse("api:record", args=[hidden.pk]), HTTP_USER_AGENT=BROWSER).status_code
        == 404
    )

    assert not UsageEvent.objects.exists()
