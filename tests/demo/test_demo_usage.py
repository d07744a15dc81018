"""The demo's year of usage: made by the recording and counted by the aggregation, once."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.db.models import Sum
from django.utils import timezone

from resource_hub.demo.usage import DAYS, usage_load
from resource_hub.records.models import AccessLevel
from resource_hub.records.services import record_release
from resource_hub.stats.models import AggregatedDay, CounterMetric, DailyUsage, UsageEvent
from resource_hub.stats.selectors import institution_usage, usage_by_month


def demo_record(world, make_record, number, **fields):
    record = make_record(title=f"Demo lesson {number}", slug=f"demo-{number:04d}-lesson", **fields)
    record_release(user=world.editor_a, record=record)
    return record


def totals(metric) -> int:
    return DailyUsage.objects.filter(metric=metric).aggregate(total=Sum("count"))["total"] or 0


def test_a_year_of_usage_for_the_public_demo_records_counted_by_the_rules(
    postgres_db, world, make_record, settings
):
    public = [demo_record(world, make_record, n) for n in range(1, 9)]
    members = demo_record(world, make_record, 9, access_level=AccessLevel.INSTITUTION)
    not_demo = make_record(title="Someone's own lesson")
    record_release(user=world.editor_a, record=not_demo)

    report = usage_load(seed=7)

    today = timezone.localdate()
    assert report.records == len(public) and report.days == DAYS and not report.skipped
    assert report.events > 0
    used = set(DailyUsage.objects.values_list("record_id", flat=True))
    assert used and used <= {record.pk for record in public}
    assert members.pk not in used and not_demo.pk not in used
    # Counted by the COUNTER rules: double clicks removed, one count per session.
    total_views = totals(CounterMetric.TOTAL_ITEM_INVESTIGATIONS)
    unique_views = totals(CounterMetric.UNIQUE_ITEM_INVESTIGATIONS)
    assert 0 < unique_views <= total_views < report.events
    # Every day of the year counted; raw events older than the kept period pruned.
    assert AggregatedDay.objects.filter(day__gte=today - timedelta(days=DAYS)).count() == DAYS
    oldest = UsageEvent.objects.order_by("timestamp").values_list("timestamp", flat=True).first()
    assert timezone.localdate(oldest) >= today - timedelta(days=settings.STATS_RAW_EVENT_DAYS)
    # The charts have something to show in (nearly) every month, and the figures add up.
    months = usage_by_month(who=AnonymousUser(), institution=world.inst_a)
    assert sum(1 for month in months if month.totals.views) >= 11
    usage = institution_usage(who=AnonymousUser(), institution=world.inst_a)
    assert usage.all_time.views == unique_views

    # Loaded again: it sees the usage and adds none.
    rows = DailyUsage.objects.count()
    assert usage_load(seed=7).skipped
    assert DailyUsage.objects.count() == rows


def test_the_same_seed_makes_the_same_usage(postgres_db, world, make_record):
    for n in range(1, 4):
        demo_record(world, make_record, n)
    first = usage_load(seed=3)
    figures = sorted(DailyUsage.objects.values_list("record_id", "day", "metric", "count"))
    DailyUsage.objects.all().delete()
    UsageEvent.objects.all().delete()
    AggregatedDay.objects.all().delete()

    again = usage_load(seed=3)

    assert again.events == first.events
    assert sorted(DailyUsage.objects.values_list("record_id", "day", "metric", "count")) == figures
