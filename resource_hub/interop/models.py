"""What the OAI-PMH data provider keeps of its own: each item's datestamp."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OaiItem(models.Model):
    """A record as harvesters know it: released at least once, and when it last changed for them.

    The datestamp is stored, not computed on each request, so that paging
    (keyset on datestamp and id), `from`/`until` and Identify's earliest
    datestamp read one indexed column; `oai.datestamps` keeps it up to date
    from Wagtail's audit log. The row outlives its record: a record deleted
    outright stays a deleted header (Identify promises `persistent`), so the
    link is a plain column with no database constraint, as Wagtail's own log
    entries keep the id of a deleted page.
    """

    record = models.OneToOneField(
        "records.RecordPage",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        primary_key=True,
        related_name="oai_item",
        verbose_name=_("record"),
    )
    datestamp = models.DateTimeField(
        _("datestamp"),
        help_text=_("The last release, unpublishing, withdrawal or change of who may see it."),
    )

    class Meta:
        verbose_name = _("OAI-PMH item")
        verbose_name_plural = _("OAI-PMH items")
        indexes = [models.Index(fields=["datestamp", "record"], name="interop_oai_item_keyset")]

    def __str__(self):
        return f"{self.record_id} @ {self.datestamp:%Y-%m-%dT%H:%M:%SZ}"
