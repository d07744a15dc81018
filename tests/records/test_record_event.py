"""A record names the event where it was released: through the services, kept in revisions."""

from resource_hub.records.models import RecordPage
from resource_hub.records.services import record_release, record_update_draft


def test_a_draft_names_its_event_and_a_release_keeps_it(world, make_record, make_event):
    event = make_event()
    record = make_record(event=event)
    assert RecordPage.objects.get(pk=record.pk).event_id == event.pk
    record_release(user=world.editor_a, record=record)
    assert list(event.records.live().values_list("pk", flat=True)) == [record.pk]


def test_a_changed_event_waits_for_the_next_release(world, make_record, make_event):
    first = make_event()
    second = make_event(name_en="China–ASEAN Education Cooperation Week 2026", year=2026)
    record = record_release(user=world.editor_a, record=make_record(event=first))
    record_update_draft(user=world.teacher_a, record=record, event=second)
    assert RecordPage.objects.get(pk=record.pk).event_id == first.pk
    record_release(user=world.editor_a, record=record)
    assert RecordPage.objects.get(pk=record.pk).event_id == second.pk


def test_deleting_an_event_leaves_its_records_without_one(world, make_record, make_event):
    event = make_event()
    record = make_record(event=event)
    event.delete()
    assert RecordPage.objects.get(pk=record.pk).event_id is None


def test_the_admin_edit_form_chooses_among_events_only(client, world, make_record, make_event):
    from django.urls import reverse

    from resource_hub.events.models import EventPage

    event = make_event()
    unreleased = make_event(name_en="A week in preparation", publish=False)
    record = make_record(event=event)
    client.force_login(world.editor_a)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[record.pk]))
    assert response.status_code == 200
    widget = response.context["form"].fields["event"].widget
    assert list(widget.target_models) == [EventPage]
    assert event.title in response.content.decode()  # the chosen event, named

    body = client.get(
        reverse("wagtailadmin_choose_page_child", args=[event.get_parent().pk]),
        {"page_type": "events.eventpage"},
    ).json()["html"]
    assert event.title in body
    assert unreleased.title not in body  # an editor knows only released events
