"""The COUNTER rules with the file as the item (pure: counting.count_file_requests, count_day)."""

from datetime import datetime, timedelta

from django.utils import timezone

from resource_hub.stats.counting import Event, count_day, count_events, count_file_requests
from resource_hub.stats.models import CounterMetric, ItemKind, Metric

TIR = CounterMetric.TOTAL_ITEM_REQUESTS
UIR = CounterMetric.UNIQUE_ITEM_REQUESTS
NOON = timezone.make_aware(datetime(2026, 6, 15, 12, 0, 0))


def event(seconds, *, visitor="a", record_id=7, document_id=70, **fields):
    values = {"metric": Metric.REQUEST, "kind": ItemKind.FILE, **fields}
    return Event(
        visitor=visitor,
        timestamp=NOON + timedelta(seconds=seconds),
        record_id=record_id,
        document_id=document_id,
        **values,
    )


def by_visitor(events):
    return sorted(events, key=lambda item: (item.visitor, item.timestamp))


def test_a_double_click_on_a_file_counts_once_and_a_later_download_again():
    counts = count_file_requests([event(0), event(20), event(80)])

    assert counts == {(7, 70, TIR): 2, (7, 70, UIR): 1}


def test_two_files_of_one_record_are_counted_apart():
    counts = count_file_requests([event(0), event(5, document_id=71), event(60, document_id=71)])

    assert counts == {(7, 70, TIR): 1, (7, 70, UIR): 1, (7, 71, TIR): 2, (7, 71, UIR): 1}


def test_unique_downloads_are_per_user_session():
    events = by_visitor(
        [
            event(0, visitor="a"),
            event(0, visitor="b"),
            event(3600, visitor="a"),  # the next hour: another session without a cookie
            event(0, visitor="c", by_session=True),
            event(7200, visitor="c", by_session=True),  # a session cookie lasts the day
        ]
    )

    assert count_file_requests(events) == {(7, 70, TIR): 5, (7, 70, UIR): 4}


def test_the_same_file_from_two_records_is_two_items():
    counts = count_file_requests([event(0), event(5, record_id=8)])

    assert counts == {(7, 70, TIR): 1, (7, 70, UIR): 1, (8, 70, TIR): 1, (8, 70, UIR): 1}


def test_only_file_downloads_count_per_file():
    events = [
        event(0, metric=Metric.INVESTIGATION, kind=ItemKind.RECORD, document_id=None),
        event(1, kind=ItemKind.BUNDLE, document_id=None),
        event(2, metric=Metric.INVESTIGATION),  # a look at the file is not a download
    ]

    assert count_file_requests(events) == {}


def test_one_pass_gives_the_record_figures_unchanged():
    events = by_visitor(
        [
            event(0, metric=Metric.INVESTIGATION, kind=ItemKind.RECORD, document_id=None),
            event(10),
            event(20),
            event(25, document_id=71),
            event(0, visitor="b", kind=ItemKind.BUNDLE, document_id=None),
        ]
    )

    day = count_day(iter(events))  # a generator is read once

    assert day.records == count_events(events)
    assert day.records == {
        (7, CounterMetric.TOTAL_ITEM_INVESTIGATIONS): 4,
        (7, CounterMetric.UNIQUE_ITEM_INVESTIGATIONS): 2,
        (7, TIR): 3,
        (7, UIR): 2,
    }
    assert day.files == {(7, 70, TIR): 1, (7, 70, UIR): 1, (7, 71, TIR): 1, (7, 71, UIR): 1}
