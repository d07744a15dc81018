"""The policy's per-record form for pages already read (search hits, autocomplete):
the same answers as the listing's SQL form, in the order given, drafts never."""

from django.contrib.auth.models import AnonymousUser

from resource_hub.access.records import visible_among, visible_records
from resource_hub.records.models import AccessLevel, RecordPage
from resource_hub.records.services import record_release


def test_it_keeps_what_the_listing_keeps_in_the_order_given(world, make_record):
    public = make_record(title="Open rice lesson")
    registered = make_record(title="Members' rice lesson", access_level=AccessLevel.REGISTERED)
    draft = make_record(title="Unfinished rice lesson")
    for record in (public, registered):
        record_release(user=world.editor_a, record=record)
    ids = [draft.pk, registered.pk, public.pk]

    for who in (AnonymousUser(), world.teacher_b, world.teacher_a):
        read = RecordPage.objects.filter(pk__in=ids).order_by("-pk")
        kept = [record.pk for record in visible_among(who, read)]
        listed = set(
            visible_records(who, RecordPage.objects.filter(pk__in=ids)).values_list("pk", flat=True)
        )
        assert set(kept) == listed
        assert kept == sorted(kept, reverse=True)
        assert draft.pk not in kept  # not released: not even its author sees it here

    assert [
        r.pk for r in visible_among(AnonymousUser(), RecordPage.objects.filter(pk__in=ids))
    ] == [public.pk]
