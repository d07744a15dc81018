"""Raw events into daily COUNTER rows, and the pruning of old raw events.

Both are idempotent. Aggregating a day replaces that day's rows (by record,
`DailyUsage`, and by file, `DailyFileUsage`) in one transaction, so re-running
it (by the clock, the command, or after a crash) gives the same figures. A
day whose raw events are already pruned is never re-counted: its rows are all
that is left of it.

Days are the site's local dates (TIME_ZONE), the same dates that pick the
visitor keys' daily salt.

Whoever keeps a copy of the figures (the search index's download counts, for
"most downloaded") registers with `on_downloads_changed`: after a day is
counted it is told which records' downloads changed, inside the day's
transaction (so it can act once it commits). Stats sits below search, so
search registers itself, as apps do with the worker's clock.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .counting import Event, count_day
from .models import AggregatedDay, DailyFileUsage, DailyUsage, UsageEvent
from .selectors import SEARCH_DOWNLOADS_METRIC

_EVENT_FIELDS = (
    "visitor",
    "timestamp",
    "metric",
    "kind",
    "record_id",
    "document_id",
    "by_session",
)
_CHUNK = 5000


#: called with the ids of records whose downloads a (re)counted day changed
_downloads_listeners: list[Callable[[set[int]], None]] = []


def on_downloads_changed(listener: Callable[[set[int]], None]) -> None:
    """Register `listener(record_ids)`, called inside the transaction of each day counted."""
    if listener not in _downloads_listeners:
        _downloads_listeners.append(listener)


@dataclass(frozen=True)
class DayResult:
    day: date
    events: int  # raw events read
    rows: int  # daily rows written (by record)
    file_rows: int = 0  # daily rows written by file
    skipped: bool = False  # raw events pruned: the day's rows were kept as they are


def day_start(day: date) -> datetime:
    """The first instant of a local day."""
    return timezone.make_aware(datetime.combine(day, time.min))


def retention_start(now: datetime | None = None) -> date:
    """The first day whose raw events are kept (STATS_RAW_EVENT_DAYS before today)."""
    today = timezone.localdate(now or timezone.now())
    return today - timedelta(days=settings.STATS_RAW_EVENT_DAYS)


def stats_aggregate_day(*, day: date, now: datetime | None = None) -> DayResult:
    """Count one day's raw events into its `DailyUsage` and `DailyFileUsage` rows, replacing
    the ones there were. One streaming pass over the events makes both."""
    now = now or timezone.now()
    if day < retention_start(now) and AggregatedDay.objects.filter(day=day).exists():
        return DayResult(day=day, events=0, rows=0, skipped=True)
    with transaction.atomic():
        rows = (
            UsageEvent.objects.filter(
                timestamp__gte=day_start(day), timestamp__lt=day_start(day + timedelta(days=1))
            )
            .order_by("visitor", "timestamp")
            .values_list(*_EVENT_FIELDS)
        )
        read = 0

        def events():
            nonlocal read
            for values in rows.iterator(chunk_size=_CHUNK):
                read += 1
                yield Event(*values)

        day_counts = count_day(events())
        counts = day_counts.records
        before = dict(
            DailyUsage.objects.filter(day=day, metric=SEARCH_DOWNLOADS_METRIC).values_list(
                "record_id", "count"
            )
        )
        DailyUsage.objects.filter(day=day).delete()
        DailyUsage.objects.bulk_create(
            [
                DailyUsage(record_id=record_id, day=day, metric=metric, count=count)
                for (record_id, metric), count in sorted(counts.items())
            ],
            batch_size=1000,
        )
        DailyFileUsage.objects.filter(day=day).delete()
        DailyFileUsage.objects.bulk_create(
            [
                DailyFileUsage(
                    record_id=record_id,
                    document_id=document_id,
                    day=day,
                    metric=metric,
                    count=count,
                )
                for (record_id, document_id, metric), count in sorted(day_counts.files.items())
            ],
            batch_size=1000,
        )
        AggregatedDay.objects.update_or_create(
            day=day, defaults={"aggregated_at": now, "events": read}
        )
        after = {
            record_id: count
            for (record_id, metric), count in counts.items()
            if metric == SEARCH_DOWNLOADS_METRIC
        }
        changed = {pk for pk in before.keys() | after.keys() if before.get(pk) != after.get(pk)}
        if changed:
            for listener in _downloads_listeners:
                listener(changed)
    return DayResult(day=day, events=read, rows=len(counts), file_rows=len(day_counts.files))


def days_to_aggregate(*, until: date, since: date | None = None) -> list[date]:
    """The days to (re)count up to `until`.

    Without `since`: from the day after the last day counted once it was
    over (or from the oldest raw event), so a worker that was down catches
    up on every day it missed.
    """
    if since is None:
        # With no event at all, `until` alone: its (empty) row tells the clock it is done.
        since = _first_pending_day() or until
    return [since + timedelta(days=n) for n in range((until - since).days + 1)]


def _first_pending_day() -> date | None:
    # The latest rows may be of days counted while still going on (`--until` today).
    complete = [
        row.day
        for row in AggregatedDay.objects.order_by("-day")[:3]
        if row.aggregated_at >= day_start(row.day + timedelta(days=1))
    ]
    if complete:
        return complete[0] + timedelta(days=1)
    oldest = UsageEvent.objects.order_by("timestamp").values_list("timestamp", flat=True).first()
    return timezone.localdate(oldest) if oldest else None


def stats_aggregate(
    *,
    since: date | None = None,
    until: date | None = None,
    now: datetime | None = None,
    on_day: Callable[[DayResult], None] | None = None,
) -> list[DayResult]:
    """Aggregate the days from `since` (default: the first not counted) to `until` (yesterday)."""
    now = now or timezone.now()
    until = until or timezone.localdate(now) - timedelta(days=1)
    results = []
    for day in days_to_aggregate(since=since, until=until):
        result = stats_aggregate_day(day=day, now=now)
        results.append(result)
        if on_day is not None:
            on_day(result)
    return results


def stats_prune(*, now: datetime | None = None) -> int:
    """Delete raw events older than STATS_RAW_EVENT_DAYS days. Returns how many.

    Never those of a day not yet counted in full: the figures are made from
    them (a worker that was down that long counts them first).
    """
    now = now or timezone.now()
    cutoff = retention_start(now)
    pending = _first_pending_day()
    if pending is not None:
        cutoff = min(cutoff, pending)
    deleted, _by_model = UsageEvent.objects.filter(timestamp__lt=day_start(cutoff)).delete()
    return deleted


def stats_aggregation_done(*, day: date) -> bool:
    """Was `day` counted after it was over?"""
    row = AggregatedDay.objects.filter(day=day).first()
    return row is not None and row.aggregated_at >= day_start(day + timedelta(days=1))
