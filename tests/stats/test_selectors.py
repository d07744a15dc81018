"""The figures people see count only records the access policy shows them."""

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from resource_hub.records.models import AccessLevel
from resource_hub.records.services import record_release
from resource_hub.stats.aggregation import stats_aggregate
from resource_hub.stats.models import CounterMetric, DailyUsage, Metric
from resource_hub.stats.selectors import (
    UsageTotals,
    institution_usage,
    record_usage,
    usage_by_month,
    year_ago,
)

from .conftest import visit

ANONYMOUS = AnonymousUser()


def released(world, make_record, **fields):
    record = make_record(**fields)
    record_release(user=world.editor_a, record=record)
    record.refresh_from_db()
    return record


def test_a_restricted_records_usage_is_invisible_in_public_figures(
    postgres_db, world, make_record, clock
):
    public = released(world, make_record, title="Open lesson")
    members = released(world, make_record, title="Exam bank", access_level=AccessLevel.INSTITUTION)
    visit(at=clock(10), record_id=public.pk)
    visit(at=clock(10), record_id=members.pk, metric=Metric.REQUEST, document_id=5)
    visit(at=clock(10), record_id=members.pk, ip="198.51.100.23")
    stats_aggregate()

    # Outsiders: the members-only record reads as nothing, and adds nothing to its institution.
    assert record_usage(who=ANONYMOUS, record_id=members.pk).all_time == UsageTotals()
    assert record_usage(who=world.teacher_b, record_id=members.pk).all_time == UsageTotals()
    outside = institution_usage(who=ANONYMOUS, institution=world.inst_a).all_time
    assert (outside.views, outside.downloads) == (1, 0)

    # Its own institution's members see it all.
    inside = institution_usage(who=world.member_a, institution=world.inst_a).all_time
    assert (inside.views, inside.downloads) == (3, 1)
    mine = record_usage(who=world.member_a, record_id=members.pk).all_time
    assert mine == UsageTotals(
        total_item_investigations=2,
        unique_item_investigations=2,
        total_item_requests=1,
        unique_item_requests=1,
    )
    # The monthly series follows the same rule.
    for who, views in [(ANONYMOUS, 1), (world.member_a, 3)]:
        series = usage_by_month(who=who, institution=world.inst_a)
        assert sum(month.totals.views for month in series) == views


def test_an_unreleased_records_usage_is_not_shown(postgres_db, world, make_record, clock):
    draft = make_record(title="Draft")
    visit(at=clock(10), record_id=draft.pk)
    stats_aggregate()

    assert record_usage(who=world.admin, record_id=draft.pk).all_time == UsageTotals()


def test_last_12_months_and_monthly_series(postgres_db, world, make_record):
    record = released(world, make_record)
    today = date(2026, 11, 20)
    for day, count in [(date(2024, 5, 1), 40), (date(2025, 11, 20), 5), (date(2025, 11, 21), 7)]:
        DailyUsage.objects.create(
            record_id=record.pk, day=day, metric=CounterMetric.UNIQUE_ITEM_REQUESTS, count=count
        )
    DailyUsage.objects.create(
        record_id=record.pk,
        day=date(2026, 11, 2),
        metric=CounterMetric.UNIQUE_ITEM_INVESTIGATIONS,
        count=3,
    )

    usage = record_usage(who=ANONYMOUS, record_id=record.pk, today=today)
    series = usage_by_month(who=ANONYMOUS, record_id=record.pk, today=today)

    assert (usage.all_time.views, usage.all_time.downloads) == (3, 52)
    assert (usage.last_12_months.views, usage.last_12_months.downloads) == (3, 7)
    assert series[0].month == date(2025, 12, 1) and series[-1].month == date(2026, 11, 1)
    assert len(series) == 12
    assert series[-1].totals.views == 3
    assert sum(month.totals.downloads for month in series) == 0


def test_a_year_ago_on_the_29th_of_february():
    assert year_ago(date(2028, 2, 29)) == date(2027, 3, 1)
    assert year_ago(timezone.localdate()) <= timezone.localdate()
