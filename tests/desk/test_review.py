"""Editors' "Awaiting my review", and the reviewer's comment on "My submissions".

The review page itself (details, files, changes, the confirmation) is in
test_review_page.py; the conversation in test_conversation.py.
"""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from resource_hub.records.services import record_reject, record_submit

COMMENT = "Please add the English abstract."


@pytest.fixture
def submitted(world, make_record):
    record = make_record(title="Rice in Yunnan")
    record_submit(user=world.teacher_a, record=record)
    other = make_record(
        title="Chulalongkorn lecture", author=world.teacher_b, institution=world.inst_b
    )
    record_submit(user=world.teacher_b, record=other)
    return record, other


def test_the_queue_lists_only_the_editors_institution(world, signed_in, submitted):
    page = signed_in(world.editor_a).get(reverse("desk:review")).content.decode()
    assert "Rice in Yunnan" in page
    assert "Chulalongkorn lecture" not in page
    page_b = signed_in(world.editor_b).get(reverse("desk:review")).content.decode()
    assert "Chulalongkorn lecture" in page_b
    assert "Rice in Yunnan" not in page_b
    assert (
        "Rice in Yunnan"
        not in signed_in(world.teacher_a).get(reverse("desk:review")).content.decode()
    )


def test_approve_releases_the_record(world, signed_in, submitted):
    record, _other = submitted
    signed_in(world.editor_a).post(
        reverse("desk:review-approve", args=[record.pk]), {"confirm": "yes"}
    )
    record.refresh_from_db()
    assert record.live
    assert record.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    page = signed_in(world.teacher_a).get(reverse("desk:submissions")).content.decode()
    assert 'data-state="released"' in page


def test_an_editor_of_another_institution_cannot_approve(world, signed_in, submitted):
    record, _other = submitted
    response = signed_in(world.editor_b).post(
        reverse("desk:review-approve", args=[record.pk]), {"confirm": "yes"}
    )
    assert response.status_code == 404
    record.refresh_from_db()
    assert not record.live


def test_reject_needs_a_comment(world, signed_in, submitted):
    record, _other = submitted
    response = signed_in(world.editor_a).post(
        reverse("desk:review-reject", args=[record.pk]), {"comment": "  "}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_comment_error"' in html
    assert record.workflow_states.get().status == WorkflowState.STATUS_IN_PROGRESS


def test_reject_sends_the_comment_to_my_submissions(world, signed_in, submitted):
    record, _other = submitted
    signed_in(world.editor_a).post(
        reverse("desk:review-reject", args=[record.pk]), {"comment": COMMENT}
    )
    assert record.workflow_states.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    page = signed_in(world.teacher_a).get(reverse("desk:submissions")).content.decode()
    assert 'data-state="changes_requested"' in page
    assert COMMENT in page
    assert reverse("desk:record-edit", args=[record.pk]) in page


def test_a_comment_made_in_the_admin_shows_too(world, signed_in, submitted):
    record, _other = submitted
    record_reject(user=world.editor_a, record=record, comment=COMMENT)
    review = signed_in(world.teacher_a).get(reverse("desk:record-review", args=[record.pk]))
    assert COMMENT in review.content.decode()
