"""The COUNTER R5.1 rules, from raw events recorded as browsers send them to the daily rows."""

from resource_hub.stats.aggregation import stats_aggregate_day
from resource_hub.stats.models import CounterMetric, DailyUsage, ItemKind, Metric

from .conftest import PHONE, visit

TII = CounterMetric.TOTAL_ITEM_INVESTIGATIONS
UII = CounterMetric.UNIQUE_ITEM_INVESTIGATIONS
TIR = CounterMetric.TOTAL_ITEM_REQUESTS
UIR = CounterMetric.UNIQUE_ITEM_REQUESTS


def figures(day, record_id=7):
    stats_aggregate_day(day=day)
    rows = DailyUsage.objects.filter(day=day, record_id=record_id)
    return {row.metric: row.count for row in rows}


def test_a_second_click_29_seconds_later_is_a_double_click(postgres_db, day, clock):
    visit(at=clock(10, 1, 0), record_id=7)
    visit(at=clock(10, 1, 29), record_id=7)

    assert figures(day) == {TII: 1, UII: 1}


def test_a_second_click_31_seconds_later_counts_twice(postgres_db, day, clock):
    visit(at=clock(10, 1, 0), record_id=7)
    visit(at=clock(10, 1, 31), record_id=7)

    assert figures(day) == {TII: 2, UII: 1}


def test_a_chain_of_double_clicks_is_one_action(postgres_db, day, clock):
    # Each within 30 s of the one before: the earlier is removed, the later kept.
    for second in (0, 20, 40, 59):
        visit(at=clock(10, 1, second), record_id=7)

    assert figures(day) == {TII: 1, UII: 1}


def test_a_double_click_across_the_hour_still_counts_once(postgres_db, day, clock):
    visit(at=clock(10, 59, 50), record_id=7)
    visit(at=clock(11, 0, 5), record_id=7)

    assert figures(day) == {TII: 1, UII: 1}


def test_double_clicks_are_per_item(postgres_db, day, clock):
    visit(at=clock(10, 1, 0), record_id=7)
    visit(at=clock(10, 1, 5), record_id=7, metric=Metric.REQUEST, document_id=70)
    visit(at=clock(10, 1, 9), record_id=7, metric=Metric.REQUEST, document_id=71)

    # A download is an investigation too; one session, so one unique of each.
    assert figures(day) == {TII: 3, UII: 1, TIR: 2, UIR: 1}


def test_two_sessions_in_one_hour_are_two_uniques(postgres_db, day, clock):
    visit(at=clock(10, 5), record_id=7, ip="203.0.113.7")
    visit(at=clock(10, 6), record_id=7, ip="198.51.100.23")
    # The same address with another browser is another COUNTER session too.
    visit(at=clock(10, 7), record_id=7, ip="203.0.113.7", user_agent=PHONE)

    assert figures(day) == {TII: 3, UII: 3}


def test_the_same_visitor_in_two_hours_is_two_sessions(postgres_db, day, clock):
    visit(at=clock(10, 5), record_id=7)
    visit(at=clock(10, 50), record_id=7)
    visit(at=clock(11, 5), record_id=7)

    assert figures(day) == {TII: 3, UII: 2}


def test_a_session_cookie_is_one_session_all_day(postgres_db, day, clock):
    # COUNTER: a logged session ID + the date, not sliced by hour.
    visit(at=clock(10, 5), record_id=7, session="abc123")
    visit(at=clock(14, 5), record_id=7, session="abc123", ip="198.51.100.23")
    visit(at=clock(14, 6), record_id=7, session="other-session")

    assert figures(day) == {TII: 3, UII: 2}


def test_requests_count_in_both_metrics_per_record(postgres_db, day, clock):
    visit(at=clock(9, 0), record_id=7, metric=Metric.REQUEST, kind=ItemKind.BUNDLE)
    visit(at=clock(9, 0), record_id=8, metric=Metric.REQUEST, document_id=80)

    assert figures(day, 7) == {TII: 1, UII: 1, TIR: 1, UIR: 1}
    assert figures(day, 8) == {TII: 1, UII: 1, TIR: 1, UIR: 1}


def test_events_of_other_days_are_not_counted(postgres_db, day, clock):
    visit(at=clock(23, 59, 59), record_id=7)
    visit(at=clock(0, 0, 0), record_id=7)

    assert figures(day) == {TII: 2, UII: 2}
