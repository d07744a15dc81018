"""Submitted, approved and sent back: who gets which e-mail, in which language, with which link."""

import re

import pytest

from resource_hub.notifications.models import EmailPreferences
from resource_hub.records.services import record_reject, record_release, record_submit

from .conftest import BASE, client_of, local_path, to, translated

COMMENT = "Please add the English abstract."


def links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def action_link(message) -> str:
    """The e-mail's main link: the first one of its plain text."""
    return links(message.body)[0]


@pytest.fixture
def draft(people, make_record):
    return make_record(title="Rice in Yunnan")


def test_a_submission_is_sent_to_the_institutions_editors_only(people, draft, outbox):
    with outbox() as sent:
        record_submit(user=people.teacher_a, record=draft)

    assert [message.to for message in sent] == [[people.editor_a.email]]
    message = sent[0]
    assert "Rice in Yunnan" in message.subject
    assert "Rice in Yunnan" in message.body
    # Plain text and an HTML alternative, both with the review link.
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    link = action_link(message)
    assert link == f"{BASE}/en/desk/review/{draft.pk}/"  # the editors' review page
    assert f'href="{link}"' in html
    # The link works for the editor.
    assert client_of(people.editor_a).get(local_path(link)).status_code == 200


def test_the_editor_reads_it_in_their_language(people, draft, outbox):
    EmailPreferences.objects.create(user=people.editor_a, language="zh-hans")

    with outbox() as sent:
        record_submit(user=people.teacher_a, record=draft)

    (message,) = to(sent, people.editor_a)
    # "Resource Hub" is translated in every catalogue: the language is really active.
    assert message.subject.startswith(f"[{translated('zh-hans', 'Resource Hub')}] ")
    assert translated("zh-hans", "Resource Hub") != "Resource Hub"
    assert message.subject.endswith(
        translated("zh-hans", "Waiting for your review: “%(title)s”", title="Rice in Yunnan")
    )
    link = action_link(message)
    assert link == f"{BASE}/zh-hans/desk/review/{draft.pk}/"
    assert client_of(people.editor_a).get(local_path(link)).status_code == 200


def test_an_editor_who_turned_review_requests_off_is_not_told(people, draft, outbox):
    EmailPreferences.objects.create(user=people.editor_a, review_requests=False)

    with outbox() as sent:
        record_submit(user=people.teacher_a, record=draft)

    assert sent == []


def test_nothing_is_sent_when_the_submission_is_rolled_back(people, draft, outbox):
    from django.db import transaction

    with outbox() as sent, pytest.raises(RuntimeError), transaction.atomic():
        record_submit(user=people.teacher_a, record=draft)
        raise RuntimeError("the request failed after submitting")

    assert sent == []


def test_approval_is_sent_to_the_author_with_the_records_address(people, draft, outbox):
    record_submit(user=people.teacher_a, record=draft)
    EmailPreferences.objects.create(user=people.teacher_a, language="zh-hans")

    with outbox() as sent:
        record_release(user=people.editor_a, record=draft)

    assert [message.to for message in sent] == [[people.teacher_a.email]]
    message = sent[0]
    assert message.subject.endswith(
        translated("zh-hans", "Approved: “%(title)s”", title="Rice in Yunnan")
    )
    draft.refresh_from_db()
    link = action_link(message)
    assert link.startswith(f"{BASE}/zh-hans/")
    assert client_of(people.teacher_a).get(local_path(link)).status_code == 200


def test_sent_back_is_sent_to_the_author_with_the_comment(people, draft, outbox):
    record_submit(user=people.teacher_a, record=draft)

    with outbox() as sent:
        record_reject(user=people.editor_a, record=draft, comment=COMMENT)

    assert [message.to for message in sent] == [[people.teacher_a.email]]
    message = sent[0]
    assert COMMENT in message.body
    assert COMMENT in message.alternatives[0][0]
    link = action_link(message)
    assert link == f"{BASE}/en/desk/records/{draft.pk}/edit/"
    assert client_of(people.teacher_a).get(local_path(link)).status_code == 200


def test_resubmitting_after_changes_tells_the_editors_again(people, draft, outbox):
    record_submit(user=people.teacher_a, record=draft)
    record_reject(user=people.editor_a, record=draft, comment=COMMENT)

    with outbox() as sent:
        record_submit(user=people.teacher_a, record=draft)

    assert [message.to for message in sent] == [[people.editor_a.email]]


def test_an_author_opted_out_of_outcomes_hears_nothing(people, draft, outbox):
    EmailPreferences.objects.create(user=people.teacher_a, review_outcomes=False)
    record_submit(user=people.teacher_a, record=draft)

    with outbox() as sent:
        record_reject(user=people.editor_a, record=draft, comment=COMMENT)

    assert sent == []


def test_an_editor_releasing_their_own_record_is_not_told(people, make_record, outbox):
    own = make_record(title="The editor's own", author=people.editor_a)
    record_submit(user=people.editor_a, record=own)

    with outbox() as sent:
        record_release(user=people.editor_a, record=own)

    assert sent == []
