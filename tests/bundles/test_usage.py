"""A bundle counts as a COUNTER Request of every record in it, in one INSERT, once streaming."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resource_hub.stats.models import ItemKind, Metric, UsageEvent
from tests.stats.conftest import BROWSER, GOOGLEBOT


def events():
    return sorted(UsageEvent.objects.values_list("metric", "kind", "record_id"))


def test_a_records_zip_is_one_request_of_the_record(client, shelf):
    response = client.get(
        reverse("bundles:record_files", args=[shelf.public.pk]), HTTP_USER_AGENT=BROWSER
    )
    assert response.status_code == 200
    assert not UsageEvent.objects.exists()  # nothing until the stream starts

    b"".join(response.streaming_content)

    assert events() == [(Metric.REQUEST, ItemKind.BUNDLE, shelf.public.pk)]


def test_a_collection_is_one_request_per_record_the_viewer_received(client, shelf):
    response = client.get(
        reverse("bundles:collection_files", args=[shelf.collection.pk]), HTTP_USER_AGENT=BROWSER
    )
    with CaptureQueriesContext(connection) as captured:
        next(iter(response.streaming_content))
    inserts = [q["sql"] for q in captured if q["sql"].startswith('INSERT INTO "stats_usageevent"')]
    b"".join(response.streaming_content)

    assert len(inserts) == 1  # one bulk INSERT for the whole bundle
    # An anonymous visitor gets the public records, not the members-only one or the draft.
    assert events() == sorted(
        (Metric.REQUEST, ItemKind.BUNDLE, record.pk) for record in (shelf.public, shelf.other)
    )


def test_a_cartridge_counts_as_a_bundle_and_robots_and_head_do_not(client, shelf):
    url = reverse("bundles:record_cartridge", args=[shelf.public.pk])
    b"".join(client.get(url, HTTP_USER_AGENT=GOOGLEBOT).streaming_content)
    client.head(url, HTTP_USER_AGENT=BROWSER)
    assert not UsageEvent.objects.exists()

    b"".join(client.get(url, HTTP_USER_AGENT=BROWSER).streaming_content)

    assert events() == [(Metric.REQUEST, ItemKind.BUNDLE, shelf.public.pk)]


def test_a_refused_bundle_is_not_counted(client, shelf):
    response = client.get(
        reverse("bundles:record_files", args=[shelf.members_only.pk]), HTTP_USER_AGENT=BROWSER
    )
    assert response.status_code == 404
    assert not UsageEvent.objects.exists()
