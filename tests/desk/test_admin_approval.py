"""Approving a record in Wagtail's admin: every "Approve" (the page editor's action menu,
the dashboard's "Awaiting your review", Wagtail's workflow-action URL, the edit form's
own post) leads to a confirmation that names who will see the record and its files;
nothing is released until it is confirmed. Against the real database and bucket."""

import json
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from resource_hub.desk.views.review import release_audience
from resource_hub.files.services import document_create
from resource_hub.records.models import AccessLevel
from resource_hub.records.services import file_attach, record_submit
from tests.files import samples


@pytest.fixture
def submission(world, make_record, s3_storage):
    """A members-only record with a file, waiting for the editors' review."""
    record = make_record(title="Rice in Yunnan", access_level=AccessLevel.INSTITUTION)
    document = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(samples.png(size=(8, 6)), name="paddy-terraces.png"),
    )
    file_attach(user=world.teacher_a, record=record, document=document, label="Field photo")
    record_submit(user=world.teacher_a, record=record)
    record.refresh_from_db()
    return record


def _confirmation_url(record):
    return reverse("desk_admin_approve", args=[record.pk])


def _workflow_action_url(record, action="approve"):
    task_state = record.workflow_states.get().current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[record.pk, action, task_state.pk])


def _audience(html):
    return html.split('id="admin-approve-audience">', 1)[1].split("<", 1)[0]


def _released(record) -> bool:
    record.refresh_from_db()
    return record.live


def test_the_edit_pages_approve_items_open_the_confirmation(world, signed_in, submission):
    editor = signed_in(world.editor_a)
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[submission.pk])).content.decode()
    confirmation = _confirmation_url(submission)
    # Both of Wagtail's items ("Approve", "Approve with comment") lead there, as links.
    assert html.count(f'href="{confirmation}?next=') == 2
    assert 'data-workflow-action-name="approve"' not in html
    assert 'data-workflow-action-name="reject"' in html  # Wagtail's own "Request changes"


def test_an_admin_approve_shows_the_audience_and_releases_only_when_confirmed(
    world, signed_in, submission
):
    editor = signed_in(world.editor_a)
    edit_url = reverse("wagtailadmin_pages:edit", args=[submission.pk])

    response = editor.get(_confirmation_url(submission), {"next": edit_url})
    assert response.status_code == 200
    html = response.content.decode()
    # The audience in the words of the desk's confirmation (the same function).
    draft = submission.get_latest_revision_as_object()
    expected = release_audience(draft, world.inst_a)
    assert _audience(html) == expected == f"Members of {world.inst_a.title}"
    assert "Field photo" in html and "paddy-terraces" in html  # the file to become downloadable
    assert f'href="{edit_url}" id="admin-approve-cancel"' in html  # cancel: back, nothing done
    assert not _released(submission)

    unconfirmed = editor.post(_confirmation_url(submission), {"comment": "Fine."})
    assert unconfirmed.status_code == 400
    assert "Confirm the release on this page." in unconfirmed.content.decode()
    assert not _released(submission)
    assert submission.workflow_states.get().status == WorkflowState.STATUS_IN_PROGRESS

    done = editor.post(
        _confirmation_url(submission),
        {"confirm": "yes", "comment": "Well documented.", "next": edit_url},
    )
    assert done.status_code == 302 and done.url == edit_url
    assert _released(submission)
    state = submission.workflow_states.get()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert [(task.status, task.comment) for task in state.task_states.all()] == [
        ("approved", "Well documented.")
    ]


def test_the_dashboard_lists_the_record_and_its_approve_leads_to_the_confirmation(
    world, signed_in, submission
):
    editor = signed_in(world.editor_a)
    dashboard = editor.get(reverse("wagtailadmin_home")).content.decode()
    action_url = _workflow_action_url(submission)
    assert action_url in dashboard  # "Awaiting your review": Wagtail's buttons post here

    # "Approve": posted by the dashboard's script, with the dashboard as the way back.
    home = reverse("wagtailadmin_home")
    posted = editor.post(action_url, {"next": home})
    assert posted.status_code == 302
    assert posted.url == f"{_confirmation_url(submission)}?next=%2Fadmin%2F"
    assert not _released(submission)

    # "Approve with comment": opened in Wagtail's modal, which follows the redirect.
    modal = editor.get(action_url, headers={"x-requested-with": "XMLHttpRequest"})
    answer = json.loads(modal.content)
    assert answer["step"] == "success"
    assert answer["redirect"].startswith(_confirmation_url(submission))
    # Its form, posted straight to the URL with a comment, releases nothing either.
    editor.post(
        action_url,
        {"comment": "ok", "next": home},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert not _released(submission)

    confirmation = editor.get(posted.url).content.decode()
    assert _audience(confirmation) == f"Members of {world.inst_a.title}"
    editor.post(posted.url.split("?")[0], {"confirm": "yes", "next": home})
    assert _released(submission)


def test_request_changes_stays_wagtails_own(world, signed_in, submission):
    editor = signed_in(world.editor_a)
    response = editor.post(
        _workflow_action_url(submission, "reject"), {"comment": "Add the slides, please."}
    )
    assert response.status_code == 302
    assert submission.workflow_states.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not _released(submission)


def test_the_edit_forms_own_approve_is_turned_to_the_confirmation(world, signed_in, submission):
    editor = signed_in(world.editor_a)
    edit_url = reverse("wagtailadmin_pages:edit", args=[submission.pk])
    response = editor.post(
        edit_url,
        {"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    assert response.status_code == 302
    assert response.url.startswith(_confirmation_url(submission))
    assert not _released(submission)
    assert submission.workflow_states.get().status == WorkflowState.STATUS_IN_PROGRESS


def test_a_public_record_is_released_to_everyone(world, signed_in, make_record):
    record = make_record(title="Open lesson")
    record_submit(user=world.teacher_a, record=record)
    html = signed_in(world.editor_a).get(_confirmation_url(record)).content.decode()
    assert _audience(html).startswith("Everyone, without signing in")
    assert 'id="admin-approve-no-files"' in html


def test_an_embargoed_record_says_when_it_appears_and_only_schedules(world, signed_in, make_record):
    go_live = timezone.now() + timedelta(days=30)
    record = make_record(
        title="Later lesson", access_level=AccessLevel.REGISTERED, go_live_at=go_live
    )
    record_submit(user=world.teacher_a, record=record)
    editor = signed_in(world.editor_a)
    html = editor.get(_confirmation_url(record)).content.decode()
    assert _audience(html) == "Everyone signed in to the site"
    assert 'id="admin-approve-embargo"' in html
    editor.post(_confirmation_url(record), {"confirm": "yes"})
    assert not _released(record)  # scheduled for its go-live date
    assert record.get_latest_revision().approved_go_live_at is not None


def test_editors_of_another_institution_and_teachers_are_refused(world, signed_in, submission):
    for user in (world.editor_b, world.teacher_a):
        client = signed_in(user)
        # Wagtail answers a refusal in its admin with a redirect to the dashboard.
        for url in (_confirmation_url(submission), _workflow_action_url(submission)):
            response = client.post(url, {"confirm": "yes"})
            assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        assert not _released(submission)
