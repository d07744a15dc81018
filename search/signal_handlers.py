"""Wagtail's own actions that change what the index should hold.

Publishing (our services, the admin's workflow, scheduled publishing),
unpublishing, moving and deleting pages, and view restrictions edited in the
admin's privacy dialog all happen inside Wagtail; its signals are the one
point they all pass. Changes made by our own services (records, files) call
`index_later` through `resource_hub.core.indexing`, which search's AppConfig
points at `search.services`.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from resource_hub.records.models import RecordPage

from .fallback_index import on_published
from .services import index_later, records_under


def _is_record(page) -> bool:
    return isinstance(page, RecordPage)


def _record_changed(sender, instance, **kwargs):
    """Published (a new live revision) or unpublished: index that record.

    An event published or unpublished: its records, whose documents carry its name.
    """
    if _is_record(instance):
        index_later([instance.pk])
    elif isinstance(instance, RecordPage._meta.get_field("event").related_model):
        index_later(
            list(RecordPage.objects.filter(event_id=instance.pk).values_list("pk", flat=True))
        )


def _record_deleted(sender, instance, **kwargs):
    # Sent once per model of the record's inheritance chain; duplicates are harmless.
    if _is_record(instance):
        index_later([instance.pk])


def _page_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    """A record, or an institution with its records, moved: institution and URL change."""
    if url_path_before != url_path_after:
        index_later(records_under(instance))


def _restriction_changed(sender, instance, **kwargs):
    """A view restriction of a record, or of a page above records, was added, edited or removed."""
    page = Page.objects.filter(pk=instance.page_id).only("path").first()
    if page is not None:  # None: the page itself is being deleted (handled above)
        index_later(records_under(page))


def _restriction_groups_changed(sender, instance, action, **kwargs):
    """The groups a restriction admits changed (the privacy dialog sets them after saving)."""
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(
        instance, PageViewRestriction
    ):
        _restriction_changed(sender, instance)


def connect():
    page_published.connect(_record_changed, dispatch_uid="search.index_published")
    # The database search's entry, in the publishing transaction (not queued).
    page_published.connect(on_published, dispatch_uid="search.fallback_published")
    page_unpublished.connect(_record_changed, dispatch_uid="search.index_unpublished")
    post_delete.connect(_record_deleted, dispatch_uid="search.index_deleted")
    post_page_move.connect(_page_moved, dispatch_uid="search.index_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search.index_restriction_{signal is post_save}",
        )
    m2m_changed.connect(
        _restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="search.index_restriction_groups",
    )
