"""Side effects of Wagtail's publishing that no single caller owns.

Records go live through our services, through the admin's workflow actions
and through scheduled publishing (`publish_scheduled`); Wagtail's
`page_published` signal is the one point all three pass, so the access level
is applied there.
"""

from wagtail.signals import page_published

from resource_hub.access.levels import record_apply_access

from .models import RecordPage


def _apply_access(sender, instance, **kwargs):

    if isinstance(instance, RecordPage):
        record_apply_access(record=instance)


def connect():
    page_published.connect(_apply_access, dispatch_uid="records.apply_access")
