"""The review page per submission (issue 14, part 1): what an editor sees before deciding,
and the two decisions (approve after a confirmation naming who will see it, send back
with a comment). Against the real database and bucket."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import WorkflowState

from resource_hub.files.derivatives import document_derive
from resource_hub.files.services import document_create
from resource_hub.records.models import AccessLevel
from resource_hub.records.services import (
    file_attach,
    record_release,
    record_submit,
    record_update_draft,
)
from tests.files import samples


def _png(world, name):
    document = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(samples.png(size=(8, 6)), name=f"{name}.png"),
    )
    document_derive(document=document)  # the task runs after commit; here, now
    document.refresh_from_db()
    return document


@pytest.fixture
def submission(world, make_record, s3_storage):
    """A teacher's record with a PNG (and its thumbnail), waiting for review."""
    record = make_record(title="Rice in Yunnan", access_level=AccessLevel.INSTITUTION)
    document = _png(world, "paddy-terraces")
    file_attach(user=world.teacher_a, record=record, document=document, label="Field photo")
    record_submit(user=world.teacher_a, record=record)
    return record, document


def _url(record, name="desk:review-detail"):
    return reverse(name, args=[record.pk])


def test_the_queue_shows_type_author_date_and_files_and_links_the_review_page(
    world, signed_in, submission
):
    record, _document = submission
    response = signed_in(world.editor_a).get(reverse("desk:review"))
    html = response.content.decode()
    row = html.split(f'id="desk-review-{record.pk}"', 1)[1].split("</li>", 1)[0]
    assert f'href="{_url(record)}"' in row
    assert record.resource_type.label in row
    assert "by teacher_a" in row
    assert "1 file" in row
    state = record.workflow_states.get()
    assert state.current_task_state.started_at.strftime("%Y") in row
    # No blind approval from the queue any more: deciding happens on the review page.
    assert reverse("desk:review-approve", args=[record.pk]) not in html


def test_an_editor_sees_metadata_and_files_with_their_previews(world, signed_in, submission):
    record, document = submission
    response = signed_in(world.editor_a).get(_url(record))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rice in Yunnan" in html
    assert "A lesson plan for second-year students of crop production." in html  # abstract
    assert "Li Wei" in html and "0000-0002-1825-0097" in html  # creators
    assert "CC-BY-4.0" in html or record.licence.label in html
    assert "Members of the institution" in html  # the access level, as readers see it
    assert "Field photo" in html
    for name in ("thumbnail", "preview", "download"):
        assert reverse(f"files:{name}", args=[document.pk]) in html
    # The URLs the page gives work for the editor: the policy lets them have the file.
    thumbnail = signed_in(world.editor_a).get(reverse("files:thumbnail", args=[document.pk]))
    assert thumbnail.status_code == 302
    assert 'id="desk-review-never-released"' in html  # never released: nothing to compare
    assert reverse("desk:review-approve", args=[record.pk]) in html
    assert 'id="desk-reject"' in html


def test_the_review_page_speaks_the_viewers_language(world, signed_in, submission):
    record, _document = submission
    with translation.override("zh-hans"):
        url = _url(record)
        type_label = record.resource_type.label_for("zh-hans")
    assert url.startswith("/zh-hans/")
    html = signed_in(world.editor_a).get(url).content.decode()
    assert type_label in html and type_label != record.resource_type.label_for("en")


def test_the_review_page_shows_what_changed_since_the_last_release(world, signed_in, make_record):
    record = make_record(title="Irrigation basics")
    record_release(user=world.editor_a, record=record)
    record_update_draft(
        user=world.teacher_a, record=record, title="Irrigation basics, second edition"
    )
    record_submit(user=world.teacher_a, record=record)

    html = signed_in(world.editor_a).get(_url(record)).content.decode()

    changes = html.split('id="desk-review-changes"', 1)[1].split("</section>", 1)[0]
    assert "Title" in changes or "title" in changes
    assert 'class="addition"' in changes and "second edition" in changes
    assert "Abstract" not in changes  # unchanged fields are not listed


def test_a_file_added_since_the_release_is_listed_as_added(
    world, signed_in, make_record, s3_storage
):
    record = make_record(title="Irrigation basics")
    record_release(user=world.editor_a, record=record)
    file_attach(
        user=world.teacher_a, record=record, document=_png(world, "canal"), label="Canal map"
    )
    record_submit(user=world.teacher_a, record=record)

    html = signed_in(world.editor_a).get(_url(record)).content.decode()

    changes = html.split('id="desk-review-changes"', 1)[1].split("</section>", 1)[0]
    added = changes.split("desk-changes__child addition", 1)[1]
    assert "Added" in added and "canal" in added and "Canal map" in added


def test_approve_asks_for_a_confirmation_that_names_who_will_see_it(world, signed_in, submission):
    record, _document = submission
    editor = signed_in(world.editor_a)

    confirmation = editor.get(_url(record, "desk:review-approve"))
    assert confirmation.status_code == 200
    html = confirmation.content.decode()
    audience = html.split('id="desk-audience">', 1)[1].split("<", 1)[0]
    assert audience == f"Members of {world.inst_a.title}"

    unconfirmed = editor.post(_url(record, "desk:review-approve"), {})
    assert unconfirmed.status_code == 400
    assert "Confirm the release on this page." in unconfirmed.content.decode()
    record.refresh_from_db()
    assert not record.live

    done = editor.post(
        _url(record, "desk:review-approve"), {"confirm": "yes", "comment": "Well documented."}
    )
    assert done.status_code == 302
    record.refresh_from_db()
    assert record.live
    assert record.workflow_states.get().status == WorkflowState.STATUS_APPROVED


def test_a_public_record_is_released_to_everyone(world, signed_in, make_record):
    record = make_record(title="Open lesson")
    record_submit(user=world.teacher_a, record=record)
    html = signed_in(world.editor_a).get(_url(record, "desk:review-approve")).content.decode()
    assert html.split('id="desk-audience">', 1)[1].startswith("Everyone, without signing in")


def test_send_back_needs_a_comment(world, signed_in, submission):
    record, _document = submission
    editor = signed_in(world.editor_a)
    response = editor.post(_url(record, "desk:review-reject"), {"comment": "   "})
    assert response.status_code == 400
    assert 'id="id_comment_error"' in response.content.decode()
    assert record.workflow_states.get().status == WorkflowState.STATUS_IN_PROGRESS

    editor.post(_url(record, "desk:review-reject"), {"comment": "Add the English abstract."})
    assert record.workflow_states.get().status == WorkflowState.STATUS_NEEDS_CHANGES


@pytest.mark.parametrize("who", ["teacher_b", "editor_b", "member_a"])
def test_people_outside_the_review_are_refused(world, signed_in, submission, who):
    record, _document = submission
    client = signed_in(getattr(world, who))
    assert client.get(_url(record)).status_code == 404
    assert client.get(_url(record, "desk:review-approve")).status_code == 404
    response = client.post(_url(record, "desk:review-approve"), {"confirm": "yes"})
    assert response.status_code == 404
    record.refresh_from_db()
    assert not record.live


def test_an_anonymous_visitor_is_asked_to_sign_in(world, client, submission):
    record, _document = submission
    response = client.get(_url(record))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "Rice in Yunnan" not in client.get(_url(record), follow=True).content.decode()


def test_the_author_is_sent_to_their_own_page_of_the_record(world, signed_in, submission):
    record, _document = submission
    response = signed_in(world.teacher_a).get(_url(record))
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:record-review", args=[record.pk])


def test_the_review_page_reads_a_bounded_number_of_queries(world, signed_in, submission):
    """A fixed number of queries, whatever the conversation's length; each file of the draft
    adds exactly the two that Wagtail's own revision loading makes (it checks that the file
    row's record and document still exist); the documents themselves are read in one query."""
    from resource_hub.desk.services.conversation import record_comment

    record, _document = submission
    editor = signed_in(world.editor_a)
    editor.get(_url(record))  # warm the caches (content types, site, vocabularies)
    with CaptureQueriesContext(connection) as first:
        assert editor.get(_url(record)).status_code == 200

    for n in range(5):
        record_comment(user=world.editor_a, record=record, comment=f"Note {n}")
    with CaptureQueriesContext(connection) as talked:
        assert editor.get(_url(record)).status_code == 200

    for n in range(3):
        document = _png(world, f"more-{n}")
        file_attach(user=world.editor_a, record=record, document=document)  # locked for its author
    with CaptureQueriesContext(connection) as more_files:
        assert editor.get(_url(record)).status_code == 200

    assert len(first) <= 55, len(first)
    assert len(talked) == len(first)
    assert len(more_files) == len(first) + 2 * 3


def test_the_queue_reads_the_same_queries_for_one_submission_or_many(
    world, signed_in, make_record, submission
):
    editor = signed_in(world.editor_a)
    editor.get(reverse("desk:review"))  # warm the caches
    with CaptureQueriesContext(connection) as one:
        editor.get(reverse("desk:review"))
    for n in range(3):
        record_submit(user=world.teacher_a, record=make_record(title=f"Lesson {n}"))
    with CaptureQueriesContext(connection) as four:
        html = editor.get(reverse("desk:review")).content.decode()
    assert html.count('class="desk-submission"') == 4
    assert len(four) == len(one) <= 15
