"""Wagtail's audit log entries, as they are written, update the items' datestamps."""

from django.db.models.signals import post_save
from wagtail.models import PageLogEntry

from .datestamps import CHANGES, item_touch


def _logged(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.action in CHANGES:
        item_touch(page_id=instance.page_id, action=instance.action, timestamp=instance.timestamp)


def connect():
    post_save.connect(_logged, sender=PageLogEntry, dispatch_uid="interop.oai_datestamp")
