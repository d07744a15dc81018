"""Keep each item's datestamp: the moment it last changed as a harvester sees it.

Wagtail's audit log is the one point every such change passes: our release,
unpublish and withdraw services, the admin's workflow actions, scheduled
publishing, deleting a page, and the admin's privacy dialog (view restrictions
log themselves when saved or deleted through the model). A change on a page
above records (an institution made private, or moved) changes every record
below it: a harvester must learn that those records are now deleted.
"""

from wagtail.models import Page

from resource_hub.interop.models import OaiItem
from resource_hub.records.models import RecordPage

#: Audit log actions that change an item as a harvester sees it.
CHANGES = frozenset(
    {
        "wagtail.publish",
        "wagtail.unpublish",
        "wagtail.delete",
        "wagtail.move",
        "records.withdraw",
        "wagtail.view_restriction.create",
        "wagtail.view_restriction.edit",
        "wagtail.view_restriction.delete",
    }
)
#: Actions on a page above records that change the records below it.
CHANGES_BELOW = frozenset(
    {
        "wagtail.move",
        "wagtail.view_restriction.create",
        "wagtail.view_restriction.edit",
        "wagtail.view_restriction.delete",
    }
)


def item_touch(*, page_id: int, action: str, timestamp) -> int:
    """Give the item of `page_id` (or the items below it) the datestamp `timestamp`.

    A record becomes an item when first released and stays one for ever; a
    draft never released is none. Returns how many items changed.
    """
    if action not in CHANGES:
        return 0
    record = RecordPage.objects.filter(pk=page_id).values("first_published_at").first()
    if record is not None:
        if record["first_published_at"] is None:
            return 0
        OaiItem.objects.bulk_create(
            [OaiItem(record_id=page_id, datestamp=timestamp)],
            update_conflicts=True,
            update_fields=["datestamp"],
            unique_fields=["record"],
        )
        return 1
    page = Page.objects.filter(pk=page_id).values("path").first()
    if page is None or action not in CHANGES_BELOW:
        return 0
    below = RecordPage.objects.filter(path__startswith=page["path"]).values("pk")
    return OaiItem.objects.filter(record__in=below).update(datestamp=timestamp)
