"""The wizard names the event where a record was released, and keeps it when editing."""

from django.urls import reverse

from resource_hub.records.models import TeachingResourcePage
from tests.desk.test_wizard import metadata


def test_the_wizard_lists_released_events_and_saves_the_chosen_one(world, signed_in, make_event):
    event = make_event()
    unreleased = make_event(name_en="A week still in preparation", publish=False)
    teacher = signed_in(world.teacher_a)
    page = teacher.get(reverse("desk:record-new")).content.decode()
    assert "China–ASEAN Education Cooperation Week 2025 (2025)" in page
    assert unreleased.title not in page

    response = teacher.post(
        reverse("desk:record-new"),
        {**metadata(), "institution": world.inst_a.pk, "event": event.pk},
    )
    assert response.status_code == 302
    record = TeachingResourcePage.objects.get()
    assert record.event_id == event.pk

    edit = reverse("desk:record-edit", args=[record.pk])
    assert f'<option value="{event.pk}" selected>' in teacher.get(edit).content.decode()
    # As the edit page sends it: the creator row it shows is an initial form.
    answer = teacher.post(edit, {**metadata(), "event": "", "creators-INITIAL_FORMS": 1})
    assert answer.status_code == 302
    record.refresh_from_db()
    assert record.get_latest_revision_as_object().event_id is None


def test_the_wizard_refuses_an_unreleased_event(world, signed_in, make_event):
    unreleased = make_event(publish=False)
    teacher = signed_in(world.teacher_a)
    response = teacher.post(
        reverse("desk:record-new"),
        {**metadata(), "institution": world.inst_a.pk, "event": unreleased.pk},
    )
    assert response.status_code in (200, 400)  # the form again, with its error
    assert "Select a valid choice" in response.content.decode()
    assert not TeachingResourcePage.objects.exists()


def test_the_review_page_names_the_event(world, signed_in, make_record, make_event):
    from resource_hub.records.services import record_submit

    event = make_event()
    record = make_record(event=event)
    record_submit(user=world.teacher_a, record=record)
    html = signed_in(world.editor_a).get(reverse("desk:review-detail", args=[record.pk]))
    assert "Released or presented at" in html.content.decode()
    assert f"{event.title} (2025)" in html.content.decode()
