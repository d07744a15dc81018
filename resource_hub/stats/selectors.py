"""The figures people see: views and downloads of records and institutions.

Every figure counts only the records the access policy lets the viewer open
(`access.records.visible_records`, the same rule as every listing): the
usage of a members-only record is not added to an outsider's institution
totals, and its own figures read as nothing. "Views" are COUNTER's
Unique_Item_Investigations and "downloads" its Unique_Item_Requests (as
InvenioRDM shows unique views and downloads); the totals are there too.

Figures come from the daily rows only, so they run up to the last day
aggregated (yesterday once the worker has run), never from raw events.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from django.apps import apps
from django.db.models import IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from resource_hub.access.records import visible_records

from .models import CounterMetric, DailyFileUsage, DailyUsage


@dataclass(frozen=True)
class UsageTotals:
    """The four COUNTER item metrics over some period."""

    total_item_investigations: int = 0
    unique_item_investigations: int = 0
    total_item_requests: int = 0
    unique_item_requests: int = 0

    @property
    def views(self) -> int:
        return self.unique_item_investigations

    @property
    def downloads(self) -> int:
        return self.unique_item_requests


@dataclass(frozen=True)
class Usage:
    """All time, and the last 12 months (the year up to today)."""

    all_time: UsageTotals
    last_12_months: UsageTotals


@dataclass(frozen=True)
class MonthUsage:
    month: date  # its first day
    totals: UsageTotals


_FIELDS = {metric: metric.lower() for metric in CounterMetric.values}


def year_ago(today: date) -> date:
    """The first day of the last 12 months: the day after the same date a year earlier."""
    try:
        start = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - 1, day=28)
    return start + timedelta(days=1)


def _visible_rows(who, records: QuerySet | None, model=DailyUsage) -> QuerySet:
    """Daily rows (`model`: per record, or per file) of the records `who` may open."""
    return model.objects.filter(record_id__in=visible_records(who, records).values("pk"))


def _usage(rows: QuerySet, today: date | None) -> Usage:
    since = year_ago(today or timezone.localdate())
    sums = {}
    for metric, field in _FIELDS.items():
        sums[field] = Sum("count", filter=Q(metric=metric), default=0)
        sums[f"recent_{field}"] = Sum("count", filter=Q(metric=metric, day__gte=since), default=0)
    figures = rows.aggregate(**sums)
    return Usage(
        all_time=UsageTotals(**{field: figures[field] for field in _FIELDS.values()}),
        last_12_months=UsageTotals(
            **{field: figures[f"recent_{field}"] for field in _FIELDS.values()}
        ),
    )


def _record_model():
    # By name, as the access policy does: records sits above stats (it records views).
    return apps.get_model("records", "RecordPage")


def _records_of(institution) -> QuerySet:
    return _record_model().objects.descendant_of(institution)


def record_usage(*, who, record_id: int, today: date | None = None) -> Usage:
    """A record's views and downloads, all time and last 12 months; zeros unless `who` sees it."""
    records = _record_model().objects.filter(pk=record_id)
    return _usage(_visible_rows(who, records), today)


def institution_usage(*, who, institution, today: date | None = None) -> Usage:
    """The sum over the institution's records that `who` may see."""
    return _usage(_visible_rows(who, _records_of(institution)), today)


def records_usage(*, who, records: QuerySet, today: date | None = None) -> Usage:
    """The sum over `records` (a RecordPage queryset) of those `who` may see: for pages
    that count a set of records (an event's releases, the cross-border network)."""
    return _usage(_visible_rows(who, records), today)


def usage_by_month(
    *,
    who,
    record_id: int | None = None,
    institution=None,
    months: int = 12,
    today: date | None = None,
) -> list[MonthUsage]:
    """The last `months` calendar months (this one included), oldest first, zeros where none.

    Of one record, of an institution's records, or (neither given) of every
    record `who` may see.
    """
    model = _record_model()
    if record_id is not None:
        records = model.objects.filter(pk=record_id)
    elif institution is not None:
        records = _records_of(institution)
    else:
        records = None
    return monthly(_visible_rows(who, records), months=months, today=today)


def monthly(rows: QuerySet, *, months: int = 12, today: date | None = None) -> list[MonthUsage]:
    """Daily rows summed by calendar month: the last `months` months (today's included),
    oldest first, zeros where none. One query. The caller has chosen the rows (through
    the policy: `_visible_rows` for public figures, a report's scope for the admin)."""
    today = today or timezone.localdate()
    first = _add_months(today.replace(day=1), -(months - 1))
    totals = (
        rows.filter(day__gte=first, day__lte=today)
        .annotate(month=TruncMonth("day"))
        .values("month", "metric")
        .annotate(total=Sum("count"))
        .order_by()
    )
    by_month: dict[date, dict[str, int]] = {}
    for row in totals:
        by_month.setdefault(row["month"], {})[_FIELDS[row["metric"]]] = row["total"]
    return [
        MonthUsage(month=month, totals=UsageTotals(**by_month.get(month, {})))
        for month in (_add_months(first, n) for n in range(months))
    ]


def _add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class RecordFigures:
    """A record and its views and downloads over some period (`top_records`)."""

    record: object  # a RecordPage
    views: int
    downloads: int


def top_records(
    *,
    who,
    institution=None,
    limit: int = 5,
    by: str = CounterMetric.UNIQUE_ITEM_REQUESTS,
    since: date | None = None,
    today: date | None = None,
) -> list[RecordFigures]:
    """The `limit` records with the most `by` (default downloads) since `since`, most first.

    Of an institution's records, or (none given) of every record; only those
    `who` may see, and only those with some of `by`. `since` defaults to the
    start of the last 12 months. Two queries (and the policy's), whatever `limit`.
    """
    today = today or timezone.localdate()
    since = since or year_ago(today)
    records = _records_of(institution) if institution is not None else None
    views = CounterMetric.UNIQUE_ITEM_INVESTIGATIONS
    downloads = CounterMetric.UNIQUE_ITEM_REQUESTS
    rows = list(
        _visible_rows(who, records)
        .filter(day__gte=since, day__lte=today, metric__in=[views, downloads, by])
        .values("record_id")
        .annotate(
            ranked=Sum("count", filter=Q(metric=by), default=0),
            views=Sum("count", filter=Q(metric=views), default=0),
            downloads=Sum("count", filter=Q(metric=downloads), default=0),
        )
        .filter(ranked__gt=0)
        .order_by("-ranked", "record_id")[:limit]
    )
    pages = _record_model().objects.in_bulk([row["record_id"] for row in rows])
    return [
        RecordFigures(
            record=pages[row["record_id"]], views=row["views"], downloads=row["downloads"]
        )
        for row in rows
        if row["record_id"] in pages
    ]


#: What "most downloaded" ranks by (search): a record's downloads as its page shows them.
#: Unique_Item_Requests, not Total_Item_Requests: one person fetching every file of a
#: record, or the same file again and again in a visit, is one use, so the order cannot be
#: pushed up by clicking, and COUNTER offers it to compare platforms whose pages differ.
SEARCH_DOWNLOADS_METRIC = CounterMetric.UNIQUE_ITEM_REQUESTS


def download_totals(*, record_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Each record's downloads of all time (SEARCH_DOWNLOADS_METRIC) by id, if any.

    For the search index, which holds each record's own figure: it is never
    shown, only used to order hits that the search has already filtered by the
    access policy. One query.
    """
    rows = DailyUsage.objects.filter(metric=SEARCH_DOWNLOADS_METRIC)
    if record_ids is not None:
        rows = rows.filter(record_id__in=list(record_ids))
    return dict(
        rows.values("record_id").annotate(total=Sum("count")).values_list("record_id", "total")
    )


def download_total_subquery(record_ref: str = "pk") -> Coalesce:
    """`download_totals` of the record at `OuterRef(record_ref)` as a subquery (0 when none)."""
    total = (
        DailyUsage.objects.filter(record_id=OuterRef(record_ref), metric=SEARCH_DOWNLOADS_METRIC)
        .values("record_id")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=IntegerField()), 0)


class FileDownloads(NamedTuple):
    """A file's downloads (Unique_Item_Requests with the file as the item)."""

    all_time: int
    last_12_months: int


def file_downloads(*, who, record_id: int, today: date | None = None) -> dict[int, FileDownloads]:
    """Each of a record's downloaded files by document id: all time and last 12 months.

    Counted as the record's own downloads are (unique per user-session), each
    file as the item; empty unless `who` may see the record, and files never
    downloaded (from this record) are left out. One query, however many files.
    """
    since = year_ago(today or timezone.localdate())
    rows = (
        _visible_rows(who, _record_model().objects.filter(pk=record_id), DailyFileUsage)
        .filter(record_id=record_id, metric=CounterMetric.UNIQUE_ITEM_REQUESTS)
        .values("document_id")
        .annotate(
            all_time=Sum("count"),
            recent=Sum("count", filter=Q(day__gte=since), default=0),
        )
        .order_by()
    )
    return {
        row["document_id"]: FileDownloads(row["all_time"], row["recent"])
        for row in rows
        if row["all_time"]
    }
