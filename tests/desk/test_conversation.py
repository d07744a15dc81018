"""The conversation on a record between its author and its reviewers (issue 14, part 1):
on the teacher's pages and the review page, kept in Wagtail's audit log, the same
whether the reviewer acted on the desk or in the admin."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from resource_hub.desk.selectors import record_conversation
from resource_hub.desk.services.conversation import COMMENT_ACTION, record_comment
from resource_hub.records.errors import RecordError, RecordPermissionDenied
from resource_hub.records.services import record_reject, record_submit

SENT_BACK = "Please add the English abstract."
REPLY = "Done: the English abstract is in."


@pytest.fixture
def sent_back(world, make_record):
    record = make_record(title="Rice in Yunnan")
    record_submit(user=world.teacher_a, record=record)
    record_reject(user=world.editor_a, record=record, comment=SENT_BACK)
    return record


def _comments(record):
    return list(
        PageLogEntry.objects.filter(page_id=record.pk, action=COMMENT_ACTION)
        .order_by("timestamp", "pk")
        .values_list("data__comment", flat=True)
    )


def test_the_teacher_sees_the_sent_back_comment_on_the_edit_page(world, signed_in, sent_back):
    html = signed_in(world.teacher_a).get(reverse("desk:record-edit", args=[sent_back.pk]))
    page = html.content.decode()
    assert 'id="desk-reviewer-comment"' in page and SENT_BACK in page
    thread = page.split('id="desk-conversation"', 1)[1].split("</section>", 1)[0]
    assert 'data-event="submitted"' in thread
    assert 'data-event="sent_back"' in thread and SENT_BACK in thread
    assert "editor_a" in thread and "(reviewer)" in thread
    assert 'id="desk-reply-resubmit"' in thread  # answer and resubmit in one step


def test_the_teacher_answers_and_resubmits_and_the_editor_reads_it(world, signed_in, sent_back):
    teacher = signed_in(world.teacher_a)
    response = teacher.post(
        reverse("desk:record-comment", args=[sent_back.pk]),
        {"comment": REPLY, "back": "edit", "resubmit": "1"},
    )
    assert response.status_code == 302
    # Under review the draft is locked for its author: back to their page of it, not Edit.
    assert response["Location"].startswith(reverse("desk:record-review", args=[sent_back.pk]))
    assert sent_back.workflow_states.get().status == WorkflowState.STATUS_IN_PROGRESS
    assert _comments(sent_back) == [REPLY]

    entries = record_conversation(sent_back)
    assert [entry.event for entry in entries] == ["submitted", "sent_back", "resubmitted"]
    assert entries[-1].comment == REPLY and entries[-1].is_author  # the reply with its change

    review = signed_in(world.editor_a).get(reverse("desk:review-detail", args=[sent_back.pk]))
    thread = review.content.decode().split('id="desk-conversation"', 1)[1]
    assert thread.index(SENT_BACK) < thread.index(REPLY)


def test_a_plain_reply_leaves_the_record_where_it_was(world, signed_in, sent_back):
    signed_in(world.teacher_a).post(
        reverse("desk:record-comment", args=[sent_back.pk]), {"comment": "Which abstract?"}
    )
    assert sent_back.workflow_states.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    assert record_conversation(sent_back)[-1].event == "comment"
    # The editor answers from the review page, which the comment form returns to.
    response = signed_in(world.editor_a).post(
        reverse("desk:record-comment", args=[sent_back.pk]),
        {"comment": "The one on the record page.", "back": "review"},
    )
    assert response["Location"].startswith(reverse("desk:review-detail", args=[sent_back.pk]))
    assert _comments(sent_back) == ["Which abstract?", "The one on the record page."]


def test_an_empty_comment_is_refused(world, signed_in, sent_back):
    response = signed_in(world.teacher_a).post(
        reverse("desk:record-comment", args=[sent_back.pk]), {"comment": "  ", "resubmit": "1"}
    )
    assert response.status_code == 302
    assert _comments(sent_back) == []
    assert sent_back.workflow_states.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    with pytest.raises(RecordError):
        record_comment(user=world.teacher_a, record=sent_back, comment="   ")


@pytest.mark.parametrize("who", ["teacher_b", "editor_b", "member_a"])
def test_only_those_who_may_see_the_draft_read_or_post(world, signed_in, sent_back, who):
    user = getattr(world, who)
    client = signed_in(user)
    for url in (
        reverse("desk:record-review", args=[sent_back.pk]),
        reverse("desk:review-detail", args=[sent_back.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert SENT_BACK not in response.content.decode()
    posted = client.post(reverse("desk:record-comment", args=[sent_back.pk]), {"comment": "Hi"})
    assert posted.status_code == 404
    with pytest.raises(RecordPermissionDenied):
        record_comment(user=user, record=sent_back, comment="Hi")
    assert _comments(sent_back) == []


def test_an_anonymous_visitor_is_asked_to_sign_in(world, client, sent_back):
    response = client.post(reverse("desk:record-comment", args=[sent_back.pk]), {"comment": "Hi"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert _comments(sent_back) == []


def test_every_comment_is_in_the_audit_log_and_the_admin_history(world, signed_in, sent_back):
    record_comment(user=world.teacher_a, record=sent_back, comment=REPLY)
    entry = PageLogEntry.objects.get(page_id=sent_back.pk, action=COMMENT_ACTION)
    assert entry.user == world.teacher_a and entry.data["comment"] == REPLY
    history = signed_in(world.editor_a).get(
        reverse("wagtailadmin_pages:history", args=[sent_back.pk])
    )
    assert history.status_code == 200
    html = history.content.decode()
    assert REPLY in html and SENT_BACK in html


def test_the_admin_workflow_and_the_desk_agree(world, signed_in, make_record):
    """A rejection in the admin's moderation view is in the desk's conversation; an approval
    there ends in the same state as the desk's; the admin links to the review page."""
    record = make_record(title="Admin reviewed")
    record_submit(user=world.teacher_a, record=record)
    editor = signed_in(world.editor_a)
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[record.pk])).content.decode()
    assert reverse("desk:review-detail", args=[record.pk]) in edit

    def admin_action(name):
        task_state = record.workflow_states.order_by("-pk").first().current_task_state
        response = editor.post(
            reverse("wagtailadmin_pages:workflow_action", args=[record.pk, name, task_state.pk]),
            {"comment": f"{name} in the admin"},
        )
        if name == "approve":  # a record's approval asks first (desk/views/admin_approval.py)
            confirmation = reverse("desk_admin_approve", args=[record.pk])
            assert response.url.startswith(confirmation)
            response = editor.post(
                confirmation, {"confirm": "yes", "comment": f"{name} in the admin"}
            )
        return response

    admin_action("reject")
    assert record.workflow_states.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    teacher_page = signed_in(world.teacher_a).get(reverse("desk:record-edit", args=[record.pk]))
    assert "reject in the admin" in teacher_page.content.decode()

    record_comment(user=world.teacher_a, record=record, comment=REPLY, resubmit=True)
    admin_action("approve")
    record.refresh_from_db()
    assert record.live
    assert record.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    events = [(entry.event, entry.comment) for entry in record_conversation(record)]
    assert events == [
        ("submitted", ""),
        ("sent_back", "reject in the admin"),
        ("resubmitted", REPLY),
        ("approved", "approve in the admin"),
    ]


def test_the_editor_is_not_shown_the_admin_link_for_another_institution(
    world, signed_in, make_record
):
    record = make_record(title="Not theirs")
    record_submit(user=world.teacher_a, record=record)
    page = signed_in(world.editor_b).get(reverse("wagtailadmin_pages:edit", args=[record.pk]))
    assert reverse("desk:review-detail", args=[record.pk]) not in page.content.decode()
