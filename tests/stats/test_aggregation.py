"""The daily aggregation: idempotent, catching up, pruning raw events but never the figures."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from resource_hub.core import clock as site_clock
from resource_hub.stats import tasks
from resource_hub.stats.aggregation import (
    day_start,
    stats_aggregate,
    stats_aggregate_day,
    stats_aggregation_done,
    stats_prune,
)
from resource_hub.stats.models import AggregatedDay, CounterMetric, DailyUsage, UsageEvent

from .conftest import visit


def rows(day=None):
    queryset = DailyUsage.objects.all() if day is None else DailyUsage.objects.filter(day=day)
    return sorted(queryset.values_list("record_id", "day", "metric", "count"))


def test_aggregating_a_day_again_gives_the_same_rows(postgres_db, day, clock):
    visit(at=clock(10), record_id=7)
    visit(at=clock(10, 30), record_id=8, ip="198.51.100.23")
    stats_aggregate_day(day=day)
    first = rows(day)

    stats_aggregate_day(day=day)

    assert rows(day) == first
    assert len(first) == 4  # two records × total and unique investigations


def test_re_running_a_day_replaces_its_rows(postgres_db, day, clock):
    visit(at=clock(10), record_id=7)
    stats_aggregate_day(day=day)
    visit(at=clock(12), record_id=7, ip="198.51.100.23")
    UsageEvent.objects.filter(record_id=7, timestamp=clock(10)).delete()
    visit(at=clock(13), record_id=9)

    stats_aggregate_day(day=day)

    assert rows(day) == [
        (7, day, CounterMetric.TOTAL_ITEM_INVESTIGATIONS, 1),
        (7, day, CounterMetric.UNIQUE_ITEM_INVESTIGATIONS, 1),
        (9, day, CounterMetric.TOTAL_ITEM_INVESTIGATIONS, 1),
        (9, day, CounterMetric.UNIQUE_ITEM_INVESTIGATIONS, 1),
    ]


def test_the_daily_run_catches_up_on_every_day_not_counted(postgres_db, day, clock):
    for back in (0, 1, 2):
        visit(at=clock(10) - timedelta(days=back), record_id=7)

    results = stats_aggregate()  # up to yesterday: from the oldest event
    yesterday = timezone.localdate() - timedelta(days=1)

    assert [result.day for result in results] == [
        day - timedelta(days=2) + timedelta(days=n) for n in range(5)
    ]
    assert results[-1].day == yesterday
    assert stats_aggregation_done(day=yesterday)
    assert stats_aggregate() == []  # nothing left: the next run reads nothing


def test_prune_deletes_old_raw_events_but_keeps_the_figures(postgres_db, settings, day, clock):
    settings.STATS_RAW_EVENT_DAYS = 2
    visit(at=clock(10), record_id=7)  # three days ago: past the retention
    visit(at=clock(10) + timedelta(days=2), record_id=7)  # yesterday: kept
    stats_aggregate()

    assert stats_prune() == 1

    assert list(UsageEvent.objects.values_list("timestamp", flat=True)) == [
        clock(10) + timedelta(days=2)
    ]
    kept = rows(day)
    assert kept  # the day's figures stay
    # Re-running a pruned day does not wipe its figures.
    assert stats_aggregate_day(day=day).skipped
    assert rows(day) == kept


def test_prune_keeps_raw_events_of_days_not_yet_counted(postgres_db, settings, day, clock):
    settings.STATS_RAW_EVENT_DAYS = 1
    visit(at=clock(10), record_id=7)

    assert stats_prune() == 0
    assert UsageEvent.objects.count() == 1


def test_a_day_counted_before_it_ended_is_not_done(postgres_db, day, clock):
    stats_aggregate_day(day=day, now=clock(18))
    assert not stats_aggregation_done(day=day)

    stats_aggregate_day(day=day, now=day_start(day + timedelta(days=1)))
    assert stats_aggregation_done(day=day)


def test_the_command_counts_a_range_and_prunes(postgres_db, day, clock):
    visit(at=clock(10), record_id=7)
    out, err = StringIO(), StringIO()

    call_command(
        "stats_aggregate", "--since", str(day), "--until", str(day), stdout=out, stderr=err
    )

    assert "1 days counted from 1 events" in out.getvalue()
    assert "0 raw events pruned" in out.getvalue()
    assert "stats: days" in err.getvalue()  # the progress bar
    assert rows(day)
    assert list(AggregatedDay.objects.values_list("day", flat=True)) == [day]


def test_the_clock_queues_the_aggregation_once_yesterday_is_over(postgres_db, day, clock):
    visit(at=clock(10), record_id=7)
    tasks._done_through = None
    assert tasks.stats_aggregate_enqueue_if_due in site_clock._jobs

    site_clock.tick()  # the immediate backend runs the task at once

    assert rows(day)
    assert stats_aggregation_done(day=timezone.localdate() - timedelta(days=1))
    assert not tasks.stats_aggregate_enqueue_if_due()  # done: nothing queued again


def test_the_clock_queues_one_aggregation_at_a_time(postgres_db, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    tasks._done_through = None

    assert tasks.stats_aggregate_enqueue_if_due() is True
    assert tasks.stats_aggregate_enqueue_if_due() is False  # already waiting
    assert (
        DBTaskResult.objects.ready().filter(task_path__endswith="stats_aggregate_task").count() == 1
    )
