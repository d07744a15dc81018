"""'Most downloaded' orders by the COUNTER downloads of the daily usage rows, kept in step by
the daily aggregation (a partial update of the records whose downloads changed)."""

import io
from datetime import datetime, time, timedelta

from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.utils import timezone

from resource_hub.access.viewers import viewer_of
from resource_hub.stats.aggregation import stats_aggregate
from resource_hub.stats.models import CounterMetric, DailyUsage, Metric
from search import lifecycle
from search.fallback import database_search
from search.params import parse_params
from search.service import search
from tests.stats.conftest import visit


def params(**query):
    data = {key: [value] for key, value in query.items()}
    return parse_params(data, viewer=viewer_of(AnonymousUser()))


def titles(result) -> list[str]:
    return [hit.title for hit in result.hits]


def yesterday(hour, minute=0, second=0):
    day = timezone.localdate() - timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time(hour, minute, second)))


def downloads(record, *, people, again=0):
    """`people` people download the record yesterday at 9; the first `again` times more then."""
    for n in range(people):
        visit(
            at=yesterday(9),
            record_id=record.pk,
            metric=Metric.REQUEST,
            document_id=1,
            ip=f"203.0.113.{n + 1}",
        )
    for n in range(again):
        visit(
            at=yesterday(9, n + 1),
            record_id=record.pk,
            metric=Metric.REQUEST,
            document_id=1,
            ip="203.0.113.1",
        )


def test_the_daily_aggregation_updates_most_downloaded_in_the_index(
    es_client, full_record, django_capture_on_commit_callbacks
):
    few, many, _none = (full_record(title=f"Lesson {name}") for name in ("few", "many", "none"))
    lifecycle.rebuild()
    downloads(many, people=5)
    # One person downloading again and again is one download (Unique_Item_Requests): not "most".
    downloads(few, people=2, again=20)
    assert titles(search(params(q="lesson", sort="downloads")))[0] != "Lesson many"

    with django_capture_on_commit_callbacks(execute=True) as queued:
        stats_aggregate()

    assert len(queued) == 1  # one task for the records whose downloads changed
    assert titles(search(params(q="lesson", sort="downloads"))) == [
        "Lesson many",
        "Lesson few",
        "Lesson none",
    ]
    document = es_client.get(index=lifecycle.alias_name(), id=str(few.pk))["_source"]
    assert document["download_count"] == 2
    assert lifecycle.sync_downloads().updated == 0  # nothing left behind

    # Counting the day again changes nothing, and queues nothing.
    with django_capture_on_commit_callbacks(execute=True) as queued:
        stats_aggregate(since=yesterday(0).date())
    assert queued == []


def test_the_downloads_command_copies_what_the_index_missed(es_client, full_record):
    few, many = (full_record(title=f"Lesson {name}") for name in ("few", "many"))
    lifecycle.rebuild()
    # Rows written behind the index's back (as when the task found Elasticsearch down).
    day = timezone.localdate() - timedelta(days=1)
    for record, count in ((few, 3), (many, 30)):
        DailyUsage.objects.create(
            record_id=record.pk, day=day, metric=CounterMetric.UNIQUE_ITEM_REQUESTS, count=count
        )

    out = io.StringIO()
    call_command("search_index", "downloads", "--no-progress", stdout=out, stderr=io.StringIO())

    assert "updated the download count of 2" in out.getvalue()
    assert titles(search(params(q="lesson", sort="downloads"))) == ["Lesson many", "Lesson few"]


def test_the_database_search_orders_by_the_same_downloads(world, full_record):
    few, many, _none = (full_record(title=f"Lesson {name}") for name in ("few", "many", "none"))
    day = timezone.localdate() - timedelta(days=1)
    for record, count, metric in (
        (few, 3, CounterMetric.UNIQUE_ITEM_REQUESTS),
        (few, 500, CounterMetric.TOTAL_ITEM_REQUESTS),  # not the figure ranked
        (many, 20, CounterMetric.UNIQUE_ITEM_REQUESTS),
        (many, 10, CounterMetric.UNIQUE_ITEM_REQUESTS),
    ):
        DailyUsage.objects.create(
            record_id=record.pk,
            day=day - timedelta(days=count % 7),
            metric=metric,
            count=count,
        )

    result = database_search(params(sort="downloads"), reason="test")

    assert titles(result) == ["Lesson many", "Lesson few", "Lesson none"]
