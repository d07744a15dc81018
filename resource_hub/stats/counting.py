"""The COUNTER R5.1 counting rules, as pure functions over one day's raw events.

Applied when a day is aggregated, never on the request path (Code of
Practice R5.1, section 7, "Processing Rules for Underlying COUNTER Reporting
Data"):

- **Item.** The record is the item: COUNTER identifies an item by the work,
  whatever its format, and a record's files are its formats and parts. The
  daily rows are `record × day × metric`.
- **Investigations and requests.** A request (a file or a bundle
  downloaded) is also an investigation, so it counts in both
  Total_Item_Investigations and Total_Item_Requests; a record page view is an
  investigation only.
- **Double clicks (7.2).** Two clicks on the same link by the same user with
  at most 30 seconds between them are one action: the earlier is removed and
  the later kept, and so on along a chain (a click at 10:01:00 and one at
  10:01:29 are one action; at 10:01:00 and 10:01:35, two). "The same link" is
  the same item kind, record, document and metric; "the same user" is the
  visitor key (session cookie, else address + user agent; see recording.py).
  This gives Total_Item_Investigations and Total_Item_Requests.
- **Unique items (7.3).** Several qualifying events for the same item in one
  user-session count once: Unique_Item_Investigations and
  Unique_Item_Requests. A user-session is the logged session ID + the date
  when there is a session cookie, and otherwise the surrogate COUNTER
  prescribes: IP address + user agent + date + hour of day (the day cut into
  24 one-hour slices; e.g. 192.1.1.168|Mozilla/5.0|2024-06-15|13). Our visitor
  key already holds the date (its salt is the day's), so the session is the
  key for a cookie, and the key + the local hour otherwise.
- **Files.** A record page also says how often each file was downloaded, so
  the same rules run a second time with the file as the item, over the file
  downloads only (`ItemKind.FILE` requests; not bundles, which are no one
  file): Total_Item_Requests and Unique_Item_Requests per record × file
  (`count_file_requests`). Double clicks are already per file ("the same
  link" names the document).
- **Robots and machines** are never recorded (the COUNTER robots list; recording.py).

Only events of one day are counted together: visitor keys change with the
day's salt, so nothing links two days.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby

from django.utils import timezone

from .models import CounterMetric, ItemKind, Metric

#: COUNTER's double-click window: a second click at most this many seconds after the first
DOUBLE_CLICK_SECONDS = 30


@dataclass(frozen=True)
class Event:
    """A raw event as counting needs it (the fields of `UsageEvent`)."""

    visitor: str
    timestamp: datetime
    metric: str
    kind: str
    record_id: int
    document_id: int | None = None
    by_session: bool = False

    @property
    def link(self) -> tuple:
        """What a double click repeats: the same item kind, record, document and metric."""
        return (self.kind, self.record_id, self.document_id or 0, self.metric)

    @property
    def session(self) -> tuple:
        """The COUNTER user-session (within the day the key belongs to)."""
        if self.by_session:
            return (self.visitor,)
        return (self.visitor, timezone.localtime(self.timestamp).hour)


def without_double_clicks(events: Iterable[Event]) -> list[Event]:
    """One visitor's events less the earlier of every double click (COUNTER 7.2)."""
    kept = []
    ordered = sorted(events, key=lambda event: (event.link, event.timestamp))
    for _link, clicks in groupby(ordered, key=lambda event: event.link):
        clicks = list(clicks)
        for click, following in zip(clicks, clicks[1:] + [None], strict=True):
            if following is not None and (
                (following.timestamp - click.timestamp).total_seconds() <= DOUBLE_CLICK_SECONDS
            ):
                continue  # the later click stands for both
            kept.append(click)
    return kept


def count_visitor(events: Iterable[Event], counts: Counter) -> None:
    """Add one visitor's events of one day to `counts`, keyed by (record id, COUNTER metric)."""
    _count_records(without_double_clicks(events), counts)


def _count_records(kept: list[Event], counts: Counter) -> None:
    investigated, requested = set(), set()
    for event in kept:
        counts[(event.record_id, CounterMetric.TOTAL_ITEM_INVESTIGATIONS)] += 1
        investigated.add((event.record_id, event.session))
        if event.metric == Metric.REQUEST:
            counts[(event.record_id, CounterMetric.TOTAL_ITEM_REQUESTS)] += 1
            requested.add((event.record_id, event.session))
    for record_id, _session in investigated:
        counts[(record_id, CounterMetric.UNIQUE_ITEM_INVESTIGATIONS)] += 1
    for record_id, _session in requested:
        counts[(record_id, CounterMetric.UNIQUE_ITEM_REQUESTS)] += 1


def _count_files(kept: list[Event], counts: Counter) -> None:
    requested = set()
    for event in kept:
        if (
            event.kind == ItemKind.FILE
            and event.metric == Metric.REQUEST
            and event.document_id is not None  # a file's row names its file
        ):
            item = (event.record_id, event.document_id)
            counts[(*item, CounterMetric.TOTAL_ITEM_REQUESTS)] += 1
            requested.add((item, event.session))
    for item, _session in requested:
        counts[(*item, CounterMetric.UNIQUE_ITEM_REQUESTS)] += 1


@dataclass(frozen=True)
class DayCounts:
    """A day's COUNTER figures: by record, and by file."""

    #: (record id, metric) → count
    records: Counter = field(default_factory=Counter)
    #: (record id, document id, metric) → count, requests only
    files: Counter = field(default_factory=Counter)


def count_day(events: Iterable[Event]) -> DayCounts:
    """The day's figures by record and by file, in one pass over events ordered by visitor.

    Ordered by visitor (the database sorts them), so only one visitor's
    events are held at a time, whatever the size of the day; each visitor's
    double clicks are removed once for both.
    """
    counts = DayCounts()
    for _visitor, visits in groupby(events, key=lambda event: event.visitor):
        kept = without_double_clicks(visits)
        _count_records(kept, counts.records)
        _count_files(kept, counts.files)
    return counts


def count_events(events: Iterable[Event]) -> Counter:
    """The day's COUNTER figures by (record id, metric), from events ordered by visitor."""
    return count_day(events).records


def count_file_requests(events: Iterable[Event]) -> Counter:
    """The day's file downloads by (record id, document id, metric), from events ordered by visitor.

    Total_Item_Requests and Unique_Item_Requests with the file as the item.
    """
    return count_day(events).files
