"""Membership asked for, answered and invitations accepted: the people concerned are told."""

import pytest

from resource_hub.desk.services import (
    invitation_accept,
    invitation_create,
    membership_request_create,
    membership_request_decide,
)
from resource_hub.notifications.models import EmailPreferences
from tests.world import make_user

from .conftest import BASE, client_of, local_path, translated


@pytest.fixture
def newcomer(people):
    return make_user("newcomer", email="newcomer@example.org", first_name="Somchai")


def test_a_request_is_sent_to_the_institutions_editors(people, newcomer, outbox):
    with outbox() as sent:
        membership_request_create(user=newcomer, institution=people.inst_a, message="I teach rice.")

    assert [message.to for message in sent] == [[people.editor_a.email]]
    message = sent[0]
    assert "Somchai" in message.subject and "I teach rice." in message.body
    assert f"{BASE}/en/desk/membership/" in message.body
    page = client_of(people.editor_a).get(local_path(f"{BASE}/en/desk/membership/"))
    assert "Somchai" in page.content.decode()


@pytest.mark.parametrize("approve", [True, False])
def test_the_answer_is_sent_to_the_person_who_asked(people, newcomer, outbox, approve):
    EmailPreferences.objects.create(user=newcomer, language="zh-hans")
    request = membership_request_create(user=newcomer, institution=people.inst_a)

    with outbox() as sent:
        membership_request_decide(user=people.editor_a, request=request, approve=approve)

    assert [message.to for message in sent] == [[newcomer.email]]
    msgid = "Welcome to %(institution)s" if approve else "Your request to join %(institution)s"
    expected = translated("zh-hans", msgid, institution=people.inst_a.title)
    assert sent[0].subject == f"[{translated('zh-hans', 'Resource Hub')}] {expected}"
    assert f"{BASE}/zh-hans/desk/" in sent[0].body


def test_the_inviting_editor_hears_that_the_invitation_was_accepted(people, newcomer, outbox):
    _invitation, token = invitation_create(user=people.editor_a, institution=people.inst_a)

    with outbox() as sent:
        invitation_accept(user=newcomer, token=token)

    assert [message.to for message in sent] == [[people.editor_a.email]]
    assert "Somchai" in sent[0].subject


def test_opting_out_of_membership_e_mails(people, newcomer, outbox):
    EmailPreferences.objects.create(user=people.editor_a, membership=False)

    with outbox() as sent:
        membership_request_create(user=newcomer, institution=people.inst_a)

    assert sent == []
