"""Usage events as they happen, and the daily COUNTER figures made from them.

Records and documents are named by plain integer ids, not foreign keys: the
stats app sits below records and files (they call it), and an event must cost
one small INSERT with no constraint to check. Figures of a deleted record stay
behind, unseen: every public figure is read through the access policy's
`visible_records`, which no longer lists it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Metric(models.TextChoices):
    """What the visitor did, in COUNTER's words (every request is also an investigation)."""

    #: looked at the item or something about it: the record page, a preview, an export
    INVESTIGATION = "investigation", _("Investigation")
    #: retrieved the item's content: a file, a bundle of the record's files
    REQUEST = "request", _("Request")


class ItemKind(models.TextChoices):
    """What was looked at or retrieved: the record itself, one of its files, or all of them."""

    RECORD = "record", _("Record")
    FILE = "file", _("File")
    BUNDLE = "bundle", _("Bundle")


class AgentClass(models.TextChoices):
    """A coarse class of the browser, kept instead of its user-agent string."""

    DESKTOP = "desktop", _("Desktop browser")
    MOBILE = "mobile", _("Mobile browser")
    OTHER = "other", _("Other")


class CounterMetric(models.TextChoices):
    """The COUNTER R5.1 Metric_Types the daily rows hold."""

    TOTAL_ITEM_INVESTIGATIONS = "Total_Item_Investigations", _("Total item investigations")
    UNIQUE_ITEM_INVESTIGATIONS = "Unique_Item_Investigations", _("Unique item investigations")
    TOTAL_ITEM_REQUESTS = "Total_Item_Requests", _("Total item requests")
    UNIQUE_ITEM_REQUESTS = "Unique_Item_Requests", _("Unique item requests")


class UsageEvent(models.Model):
    """One view or download, raw: written on the request path, read only by the aggregation.

    `visitor` is a salted hash that cannot be turned back into an address
    (see `recording.visitor_key`); raw events are pruned after
    STATS_RAW_EVENT_DAYS. One index only (the time, for aggregating a day
    and pruning), so the INSERT stays small.
    """

    timestamp = models.DateTimeField(_("time"), db_index=True)
    metric = models.CharField(_("metric"), max_length=16, choices=Metric.choices)
    kind = models.CharField(_("item kind"), max_length=8, choices=ItemKind.choices)
    record_id = models.IntegerField(_("record id"))
    document_id = models.IntegerField(_("document id"), null=True, blank=True)
    visitor = models.CharField(_("visitor key"), max_length=32)
    #: the key came from a session cookie (a COUNTER session of its own); otherwise
    #: from the address and user agent, whose session is one clock hour
    by_session = models.BooleanField(_("from a session cookie"), default=False)
    agent = models.CharField(_("user agent class"), max_length=8, choices=AgentClass.choices)

    class Meta:
        verbose_name = _("usage event")
        verbose_name_plural = _("usage events")

    def __str__(self):
        return f"{self.metric} {self.kind} {self.record_id} at {self.timestamp:%Y-%m-%d %H:%M:%S}"


class DailyUsage(models.Model):
    """A record's count of one COUNTER metric on one day (replaced whole when the day is re-run)."""

    record_id = models.IntegerField(_("record id"))
    day = models.DateField(_("day"))
    metric = models.CharField(_("metric"), max_length=32, choices=CounterMetric.choices)
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        verbose_name = _("daily usage")
        verbose_name_plural = _("daily usage")
        constraints = [
            models.UniqueConstraint(
                fields=["record_id", "day", "metric"], name="daily_usage_unique"
            )
        ]
        indexes = [models.Index(fields=["day"], name="daily_usage_day")]

    def __str__(self):
        return f"{self.record_id} {self.day} {self.metric}: {self.count}"


class DailyFileUsage(models.Model):
    """A file's downloads of one day, by the COUNTER rules with the file as the item.

    Kept beside `DailyUsage` (whose item is the record) so a record page can
    say how often each of its files was fetched once the raw events are
    pruned: Total_Item_Requests and Unique_Item_Requests only, from the day's
    file downloads (`ItemKind.FILE`), keyed by the record the file was
    downloaded from. Replaced whole with the day's `DailyUsage` rows. The
    unique constraint leads with the record, so its index is the one that
    reads a record's files.
    """

    record_id = models.IntegerField(_("record id"))
    document_id = models.IntegerField(_("document id"))
    day = models.DateField(_("day"))
    metric = models.CharField(_("metric"), max_length=32, choices=CounterMetric.choices)
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        verbose_name = _("daily file usage")
        verbose_name_plural = _("daily file usage")
        constraints = [
            models.UniqueConstraint(
                fields=["record_id", "document_id", "day", "metric"],
                name="daily_file_usage_unique",
            )
        ]
        # The aggregation replaces a day's rows: find them without a scan.
        indexes = [models.Index(fields=["day"], name="daily_file_usage_day")]

    def __str__(self):
        return f"{self.record_id}/{self.document_id} {self.day} {self.metric}: {self.count}"


class AggregatedDay(models.Model):
    """A day the aggregation has counted, and when: the clock's "is yesterday done?"."""

    day = models.DateField(_("day"), unique=True)
    aggregated_at = models.DateTimeField(_("aggregated at"))
    events = models.PositiveIntegerField(_("raw events read"))

    class Meta:
        verbose_name = _("aggregated day")
        verbose_name_plural = _("aggregated days")

    def __str__(self):
        return f"{self.day} ({self.events} events)"
