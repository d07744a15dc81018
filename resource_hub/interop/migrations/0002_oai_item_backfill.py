"""Give every record released before OaiItem existed its item and datestamp.

The datestamp is what the provider computed until then: the last release, or
the last logged change of the record (unpublishing, withdrawal, restriction),
whichever is later; then a later restriction change on a page above it.
"""

from django.db import migrations
from django.db.models import DateTimeField, F, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest

# As in resource_hub.interop.oai.datestamps, frozen here as migrations must be.
CHANGES = [
    "wagtail.publish",
    "wagtail.unpublish",
    "wagtail.delete",
    "wagtail.move",
    "records.withdraw",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
]
CHANGES_BELOW = [action for action in CHANGES if action.startswith("wagtail.view_restriction")]
CHANGES_BELOW.append("wagtail.move")


def backfill(apps, schema_editor):
    RecordPage = apps.get_model("records", "RecordPage")
    Page = apps.get_model("wagtailcore", "Page")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    OaiItem = apps.get_model("interop", "OaiItem")
    last_change = (
        PageLogEntry.objects.filter(page_id=OuterRef("pk"), action__in=CHANGES)
        .values("page_id")
        .annotate(last=Max("timestamp"))
        .values("last")
    )
    released = RecordPage.objects.filter(first_published_at__isnull=False).annotate(
        stamp=Coalesce(
            Greatest(F("last_published_at"), Subquery(last_change, output_field=DateTimeField())),
            F("last_published_at"),
            F("first_published_at"),
        )
    )
    rows = released.values_list("pk", "stamp").iterator(chunk_size=2000)
    OaiItem.objects.bulk_create(
        (OaiItem(record_id=pk, datestamp=stamp) for pk, stamp in rows),
        batch_size=2000,
        ignore_conflicts=True,
    )
    record_ids = RecordPage.objects.values("pk")
    above = (
        PageLogEntry.objects.filter(action__in=CHANGES_BELOW)
        .exclude(page_id__in=record_ids)
        .order_by("timestamp")
        .values_list("page_id", "timestamp")
    )
    for page_id, timestamp in above:
        page = Page.objects.filter(pk=page_id).values("path").first()
        if page is None:
            continue
        below = RecordPage.objects.filter(path__startswith=page["path"]).values("pk")
        OaiItem.objects.filter(record__in=below, datestamp__lt=timestamp).update(
            datestamp=timestamp
        )


class Migration(migrations.Migration):
    dependencies = [
        ("interop", "0001_oai_item"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
