"""The institution dashboard's figures (the admin's "Usage" screen): reads, no writes.

Its scope is a usage report's (`access.usage.usage_report_records`): an
institution's released records for its editors, any institution's or all
for administrators, members-only records included (the dashboard is the
institution's own view of its reach). Views and downloads are COUNTER's
Unique_Item_Investigations and Unique_Item_Requests, as on public pages.

Every selector reads the daily rows in one aggregate query and the records
with usage in one more, whatever their number.
"""

from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from resource_hub.access.usage import can_read_usage_reports, usage_report_records

from .models import CounterMetric, DailyUsage
from .reports import ReportRefused
from .selectors import MonthUsage, monthly, year_ago

VIEWS = CounterMetric.UNIQUE_ITEM_INVESTIGATIONS
DOWNLOADS = CounterMetric.UNIQUE_ITEM_REQUESTS


@dataclass(frozen=True)
class Share:
    """A group's (or one record's) views and downloads."""

    label: str
    views: int
    downloads: int
    url: str = ""


def _records(who, institution):
    if not can_read_usage_reports(who, institution):
        raise ReportRefused()
    return usage_report_records(who, institution)


def dashboard_months(
    *, who, institution=None, months: int = 12, today: date | None = None
) -> list[MonthUsage]:
    """The last `months` calendar months (this one included), oldest first, zeros where none."""
    rows = DailyUsage.objects.filter(record_id__in=_records(who, institution).values("pk"))
    return monthly(rows, months=months, today=today)


def _per_record(who, institution, since: date, today: date) -> dict[int, tuple[int, int]]:
    rows = (
        DailyUsage.objects.filter(
            record_id__in=_records(who, institution).values("pk"),
            day__gte=since,
            day__lte=today,
            metric__in=[VIEWS, DOWNLOADS],
        )
        .values("record_id")
        .annotate(
            views=Sum("count", filter=Q(metric=VIEWS), default=0),
            downloads=Sum("count", filter=Q(metric=DOWNLOADS), default=0),
        )
        .order_by()
    )
    return {row["record_id"]: (row["views"], row["downloads"]) for row in rows}


@dataclass(frozen=True)
class Breakdown:
    """The last 12 months' usage of the scope: top records and three breakdowns."""

    top_records: list[Share]
    by_record_type: list[Share]
    by_subject: list[Share]
    by_language: list[Share]


def dashboard_breakdown(
    *, who, institution=None, top: int = 10, today: date | None = None
) -> Breakdown:
    """Top records by views, and views and downloads by record type, subject
    (ISCED-F broad field) and the record's language, over the last 12 months."""
    today = today or timezone.localdate()
    usage = _per_record(who, institution, year_ago(today), today)
    model = apps.get_model("records", "RecordPage")
    records = list(
        model.objects.filter(pk__in=list(usage))
        .select_related("language", "content_type")
        .only("pk", "title", "subject_id", "language", "content_type")
    )
    broad_fields = {
        field.code: field
        for field in apps.get_model("core", "SubjectField").objects.filter(
            code__in={record.subject_id[:2] for record in records if record.subject_id}
        )
    }
    by_type: dict[str, list[int]] = {}
    by_subject: dict[str, list[int]] = {}
    by_language: dict[str, list[int]] = {}
    shares = []
    for record in records:
        views, downloads = usage[record.pk]
        shares.append(
            Share(
                label=record.title,
                views=views,
                downloads=downloads,
                url=_edit_url(record.pk),
            )
        )
        kind = str(record.content_type.model_class()._meta.verbose_name).capitalize()
        subject = broad_fields.get((record.subject_id or "")[:2])
        for groups, key in (
            (by_type, kind),
            (by_subject, subject.label if subject else _("No subject")),
            (by_language, record.language.label),
        ):
            totals = groups.setdefault(key, [0, 0])
            totals[0] += views
            totals[1] += downloads
    shares.sort(key=lambda share: (-share.views, -share.downloads, share.label))
    return Breakdown(
        top_records=shares[:top],
        by_record_type=_ranked(by_type),
        by_subject=_ranked(by_subject),
        by_language=_ranked(by_language),
    )


def _ranked(groups: dict[str, list[int]]) -> list[Share]:
    shares = [Share(label=key, views=v, downloads=d) for key, (v, d) in groups.items()]
    return sorted(shares, key=lambda share: (-share.views, -share.downloads, share.label))


def _edit_url(record_id: int) -> str:
    return reverse("wagtailadmin_pages:edit", args=[record_id])
