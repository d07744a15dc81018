"""COUNTER Release 5.1 standard reports: the Item Report (IR) and the Platform Report (PR).

Read from the daily rows (`DailyUsage`), never from raw events, for a period
of whole months. Who may read which report, and which records it counts, is
the access policy's decision (`access.usage`): an institution's report is
about every released record it holds, read by its editors; the platform's,
by administrators. The reports are global in COUNTER's sense: the usage of
anyone, attributed to no consuming institution (COUNTER R5.1, 4.4 "Global
Item Report"); the institution named in the header is the one the report is
made for, which is also every item's Publisher.

This module reads the report once into plain values (`Report`); the JSON of
the COUNTER API (COUNTER_SUSHI) and the tabular TSV are pure formatters over
them (`counter_formats.py`), as records/exports.py does for citations.

Data_Type comes from the record's resource type (`DATA_TYPES`, below);
YOP is the record's year; Access_Type "Open" when any visitor may open the
record, else "Controlled" (`access.usage.open_records`).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from resource_hub.access.usage import (
    can_read_usage_reports,
    open_records,
    usage_report_records,
)
from resource_hub.core.errors import DomainError
from resource_hub.core.params import InvalidParameter, clean_text
from resource_hub.core.site_address import absolute_url

from .models import CounterMetric, DailyUsage

RELEASE = "5.1"
REPORT_NAMES = {"IR": "Item Report", "PR": "Platform Report"}
#: the four Metric_Types we count, in COUNTER's order for reports
METRICS = [
    CounterMetric.TOTAL_ITEM_INVESTIGATIONS.value,
    CounterMetric.TOTAL_ITEM_REQUESTS.value,
    CounterMetric.UNIQUE_ITEM_INVESTIGATIONS.value,
    CounterMetric.UNIQUE_ITEM_REQUESTS.value,
]
#: a longer period is refused (a report is read into memory whole)
MAX_MONTHS = 120
FIRST_YEAR = 2000

#: Our resource types → COUNTER R5.1 Data_Types (CoP 3.3.2). Teaching materials
#: that are video, sound, pictures or interactive have their own types;
#: slides are Multimedia; documents made for teaching (lesson plans, syllabi,
#: worksheets, exams, ...) have no COUNTER type of their own: Other. Every
#: code not listed is Other as well.
DATA_TYPES = {
    "material-textbook": "Book",
    "material-video": "Audiovisual",
    "material-recorded-lesson": "Audiovisual",
    "material-audio": "Sound",
    "material-image": "Image",
    "material-simulation": "Interactive_Resource",
    "material-interactive-resource": "Interactive_Resource",
    "material-game": "Interactive_Resource",
    "material-presentation": "Multimedia",
    "material-dataset": "Dataset",
    "achievement-paper": "Article",
    "achievement-report": "Report",
    "achievement-patent": "Patent",
    "achievement-software": "Software",
    "achievement-dataset": "Dataset",
    "achievement-standard": "Standard",
    "achievement-textbook": "Book",
}
OTHER = "Other"


class ReportRefused(DomainError):
    status = 403
    code = "permission_denied"
    default_message = gettext_lazy("You may not read this usage report.")


def data_type(resource_type_code: str) -> str:
    return DATA_TYPES.get(resource_type_code, OTHER)


def platform_name() -> str:
    """The Platform column and Created_By: not translated (a report's values are data)."""
    return getattr(settings, "STATS_COUNTER_PLATFORM", "Resource Hub")


def namespace() -> str:
    """The prefix of our proprietary ids ("resourcehub:42"), as COUNTER asks."""
    return getattr(settings, "STATS_COUNTER_NAMESPACE", "resourcehub")


# --- the period --------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Whole months, from the first day of `begin`'s month to the last of `end`'s."""

    begin: date
    end: date

    @property
    def months(self) -> list[date]:
        first = self.begin.year * 12 + self.begin.month - 1
        last = self.end.year * 12 + self.end.month - 1
        return [date(index // 12, index % 12 + 1, 1) for index in range(first, last + 1)]


def _month(name: str, value: str) -> date:
    """`yyyy-mm` or `yyyy-mm-dd` (COUNTER accepts both; the day is ignored)."""
    value = clean_text(name, (value or "").strip(), max_length=10)
    parts = value.split("-")
    valid = len(parts) in (2, 3) and all(part.isdecimal() and part.isascii() for part in parts)
    if valid and len(parts[0]) == 4 and len(parts[1]) == 2:
        year, month = int(parts[0]), int(parts[1])
        if FIRST_YEAR <= year <= 2100 and 1 <= month <= 12:
            return date(year, month, 1)
    raise InvalidParameter(
        name, _("%(name)s must be a month, written yyyy-mm (e.g. 2026-01).") % {"name": name}
    )


def period_of(begin_date: str, end_date: str) -> Period:
    """The report's period from its two parameters; InvalidParameter names the one at fault."""
    begin = _month("begin_date", begin_date)
    end = _month("end_date", end_date)
    if end < begin:
        raise InvalidParameter("end_date", _("end_date must not be before begin_date."))
    period = Period(begin=begin, end=_last_day(end))
    if len(period.months) > MAX_MONTHS:
        raise InvalidParameter(
            "end_date",
            _("A report covers at most %(count)d months; ask for a shorter period.")
            % {"count": MAX_MONTHS},
        )
    return period


def _last_day(month: date) -> date:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - timedelta(days=1)


# --- the report as values ----------------------------------------------------


@dataclass(frozen=True)
class ReportItem:
    """One record with its usage: metric → month → count (months without usage left out)."""

    record_id: int
    title: str
    publisher: str
    publisher_id: int
    doi: str
    uri: str
    data_type: str
    yop: int
    access_type: str
    performance: dict[str, dict[date, int]]


@dataclass(frozen=True)
class PlatformRow:
    """The platform's usage of one Data_Type: metric → month → count."""

    data_type: str
    performance: dict[str, dict[date, int]]


@dataclass(frozen=True)
class Report:
    report_id: str
    period: Period
    created: datetime
    institution_name: str  # "The World" for the whole platform
    institution_id: int | None
    items: list[ReportItem] = field(default_factory=list)
    rows: list[PlatformRow] = field(default_factory=list)
    #: COUNTER exceptions: (code, message, data)
    exceptions: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return REPORT_NAMES[self.report_id]


def _usage_by_record(records, period: Period) -> dict[int, dict[str, dict[date, int]]]:
    rows = (
        DailyUsage.objects.filter(
            record_id__in=records.values("pk"), day__gte=period.begin, day__lte=period.end
        )
        .annotate(month=TruncMonth("day"))
        .values("record_id", "month", "metric")
        .annotate(total=Sum("count"))
        .order_by()
    )
    usage: dict[int, dict[str, dict[date, int]]] = {}
    for row in rows:
        if row["total"]:
            metrics = usage.setdefault(row["record_id"], {})
            metrics.setdefault(row["metric"], {})[row["month"]] = row["total"]
    return usage


def _header(report_id: str, *, who, period: Period, institution, now) -> dict:
    if not can_read_usage_reports(who, institution):
        raise ReportRefused()
    return {
        "report_id": report_id,
        "period": period,
        "created": (now or timezone.now()).replace(microsecond=0),
        "institution_name": institution.title if institution is not None else "The World",
        "institution_id": institution.pk if institution is not None else None,
    }


def _exceptions(period: Period, has_usage: bool, today: date) -> list[tuple[int, str, str]]:
    exceptions = []
    if not has_usage:
        exceptions.append(
            (3030, "No Usage Available for Requested Dates", _dates(period.begin, period.end))
        )
    elif period.end >= today:
        # Figures run to yesterday at best (the daily aggregation).
        exceptions.append((3040, "Partial Data Returned", _dates(today, period.end)))
    return exceptions


def _dates(begin: date, end: date) -> str:
    return f"Begin_Date={begin.isoformat()}; End_Date={end.isoformat()}"


def item_report(*, who, period: Period, institution=None, now=None) -> Report:
    """The IR of `institution`'s released records (None: every record), if `who` may read it.

    A constant number of queries: the usage, the records, their institutions,
    the achievements' DOIs and the restrictions on their paths.
    """
    header = _header("IR", who=who, period=period, institution=institution, now=now)
    records = usage_report_records(who, institution)
    usage = _usage_by_record(records, period)
    pages = list(
        records.filter(pk__in=list(usage))
        .select_related("resource_type")
        .order_by("title", "pk")
        .only("pk", "title", "path", "live", "year", "resource_type__code")
    )
    publishers = _publishers(pages)
    dois = dict(
        apps.get_model("records", "AchievementPage")
        .objects.filter(pk__in=[page.pk for page in pages])
        .exclude(doi="")
        .values_list("pk", "doi")
    )
    public = open_records(pages)
    items = []
    for page in pages:
        publisher = publishers.get(page.path[: -Page.steplen])
        items.append(
            ReportItem(
                record_id=page.pk,
                title=page.title,
                publisher=publisher.title if publisher else "",
                publisher_id=publisher.pk if publisher else 0,
                doi=dois.get(page.pk, ""),
                uri=absolute_url(reverse("record_stable", args=[page.pk])),
                data_type=data_type(page.resource_type.code),
                yop=page.year,
                access_type="Open" if page.pk in public else "Controlled",
                performance=usage[page.pk],
            )
        )
    today = timezone.localdate(header["created"])
    return Report(**header, items=items, exceptions=_exceptions(period, bool(items), today))


def _publishers(pages) -> dict[str, object]:
    """Each record's institution (its parent page), by the institution's path."""
    paths = {page.path[: -Page.steplen] for page in pages}
    institutions = apps.get_model("institutions", "InstitutionPage").objects.filter(path__in=paths)
    return {institution.path: institution for institution in institutions.only("title", "path")}


def platform_report(*, who, period: Period, institution=None, now=None) -> Report:
    """The PR: the same records' usage summed by Data_Type, if `who` may read it."""
    header = _header("PR", who=who, period=period, institution=institution, now=now)
    records = usage_report_records(who, institution)
    usage = _usage_by_record(records, period)
    types = dict(records.filter(pk__in=list(usage)).values_list("pk", "resource_type_id"))
    by_type: dict[str, dict[str, dict[date, int]]] = {}
    for record_id, metrics in usage.items():
        kind = data_type(types.get(record_id, ""))
        for metric, months in metrics.items():
            target = by_type.setdefault(kind, {}).setdefault(metric, {})
            for month, count in months.items():
                target[month] = target.get(month, 0) + count
    platform_rows = [
        PlatformRow(data_type=kind, performance=by_type[kind]) for kind in sorted(by_type)
    ]
    today = timezone.localdate(header["created"])
    return Report(
        **header, rows=platform_rows, exceptions=_exceptions(period, bool(platform_rows), today)
    )
