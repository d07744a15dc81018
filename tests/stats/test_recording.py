"""Recording on the request path: one INSERT, no robots, no address kept."""

import hashlib
from datetime import timedelta

from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resource_hub.stats.aggregation import stats_aggregate_day
from resource_hub.stats.models import AgentClass, ItemKind, Metric, UsageEvent
from resource_hub.stats.recording import record_event

from .conftest import GOOGLEBOT, PHONE, browser_request, visit

ADDRESS = "198.51.100.23"


def test_recording_is_exactly_one_insert(postgres_db):
    request = browser_request()

    with CaptureQueriesContext(connection) as queries:
        recorded = record_event(request, metric=Metric.INVESTIGATION, record_id=7)

    assert recorded
    assert len(queries) == 1
    assert queries[0]["sql"].startswith('INSERT INTO "stats_usageevent"')


def test_a_download_is_recorded_as_a_request_for_the_file(postgres_db):
    record_event(
        browser_request(user_agent=PHONE), metric=Metric.REQUEST, record_id=7, document_id=9
    )

    event = UsageEvent.objects.get()
    assert (event.metric, event.kind, event.record_id, event.document_id) == (
        Metric.REQUEST,
        ItemKind.FILE,
        7,
        9,
    )
    assert event.agent == AgentClass.MOBILE


def test_robots_and_machines_are_not_recorded(postgres_db):
    for user_agent in (GOOGLEBOT, "python-requests/2.32.3", "curl/8.5.0", ""):
        request = browser_request(user_agent=user_agent)
        with CaptureQueriesContext(connection) as queries:
            recorded = record_event(request, metric=Metric.INVESTIGATION, record_id=7)
        assert not recorded, user_agent
        assert len(queries) == 0

    assert not UsageEvent.objects.exists()


def test_head_requests_and_prefetches_are_not_recorded(postgres_db):
    head = browser_request(method="head")
    prefetch = browser_request()
    prefetch.META["HTTP_SEC_PURPOSE"] = "prefetch;prerender"

    assert not record_event(head, metric=Metric.INVESTIGATION, record_id=7)
    assert not record_event(prefetch, metric=Metric.INVESTIGATION, record_id=7)
    assert not UsageEvent.objects.exists()


def test_no_address_or_user_agent_is_stored_anywhere(postgres_db, day, clock):
    visit(at=clock(10), record_id=7, ip=ADDRESS)
    visit(at=clock(11), record_id=7, ip=ADDRESS, metric=Metric.REQUEST, document_id=9)
    stats_aggregate_day(day=day)

    stored = [
        str(value)
        for model in apps.get_app_config("stats").get_models()
        for row in model.objects.values()
        for value in row.values()
    ]
    assert stored
    for text in stored:
        assert ADDRESS not in text
        assert "Mozilla" not in text and "Chrome" not in text


def test_the_visitor_key_is_a_salted_hash_that_changes_every_day(postgres_db, clock, settings):
    visit(at=clock(10), record_id=7, ip=ADDRESS)
    visit(at=clock(10) + timedelta(days=1), record_id=7, ip=ADDRESS)
    first, next_day = UsageEvent.objects.order_by("timestamp").values_list("visitor", flat=True)

    assert ADDRESS not in first
    assert first not in {
        hashlib.sha256(ADDRESS.encode()).hexdigest()[:32],
        hashlib.md5(ADDRESS.encode()).hexdigest(),  # noqa: S324 - what it must not be
    }
    assert next_day != first  # the daily salt rotates: nothing links two days

    settings.SECRET_KEY = "another secret key of the site, long enough for Django's checks"
    visit(at=clock(10), record_id=7, ip=ADDRESS)
    other = UsageEvent.objects.order_by("-pk").values_list("visitor", flat=True).first()
    assert other != first  # salted with the site's secret
