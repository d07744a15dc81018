"""An editor's invitation e-mailed to the address they give: language, link, what it says."""

import re

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from resource_hub.desk.models import MembershipInvitation
from resource_hub.desk.services import invitation_accept, invitation_create, invitation_renew
from resource_hub.institutions.selectors import is_member_of
from tests.world import make_user

from .conftest import BASE, client_of, local_path, translated

ADDRESS = "somchai.work@example.org"


@pytest.fixture
def newcomer(people):
    # Their account's address is not the one the editor invites: accepting does not ask.
    return make_user("newcomer", email="somchai@example.net", first_name="Somchai")


def link_in(message) -> str:
    links = re.findall(rf"{re.escape(BASE)}/\S+/desk/invitations/[^/\s]+/", message.body)
    assert len(links) == 1, message.body
    return links[0]


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def test_the_invitation_is_e_mailed_in_the_language_the_editor_picks(people, newcomer, outbox):
    editor = people.editor_a
    editor.first_name, editor.last_name = "Li", "Wei"
    editor.save()

    with outbox() as sent:
        invitation, token = invitation_create(
            user=editor, institution=people.inst_a, email=f"  {ADDRESS} ", language="th"
        )

    assert [message.to for message in sent] == [[ADDRESS]]
    message = sent[0]
    title = people.inst_a.title
    subject = translated(
        "th", "%(name)s invites you to teach at %(institution)s", name="Li Wei", institution=title
    )
    assert message.subject == f"[{translated('th', 'Resource Hub')}] {subject}"
    assert "ศูนย์รวมทรัพยากร" in message.subject  # "Resource Hub" in Thai
    with translation.override("th"):
        expires = formats.date_format(timezone.localtime(invitation.expires_at), "DATETIME_FORMAT")
    assert "Li Wei" in message.body and title in message.body and expires in message.body
    assert link_in(message) == f"{BASE}/th/desk/invitations/{token}/"
    html = html_of(message)
    assert '<html lang="th">' in html and f'href="{BASE}/th/desk/invitations/{token}/"' in html
    assert "ตอบรับคำเชิญ" in html  # "Accept the invitation"
    # One message an editor chose to send to one address: no list to leave.
    assert "List-Unsubscribe" not in message.extra_headers

    invitation.refresh_from_db()
    assert invitation.email == ADDRESS and invitation.email_language == "th"
    assert invitation.email_status == MembershipInvitation.EmailStatus.SENT
    assert invitation.emailed_at is not None


def test_the_link_in_the_e_mail_makes_the_person_who_accepts_a_teacher(people, newcomer, outbox):
    with outbox() as sent:
        invitation_create(user=people.editor_a, institution=people.inst_a, email=ADDRESS)
    path = local_path(link_in(sent[0]))
    client = client_of(newcomer)  # signed in with an account under another address

    assert people.inst_a.title in client.get(path).content.decode()
    response = client.post(path)

    assert response.status_code == 302
    assert is_member_of(newcomer, people.inst_a)
    assert MembershipInvitation.objects.get().accepted_by == newcomer


def test_the_editors_current_language_is_the_default(people, outbox):
    client = client_of(people.editor_a)
    with outbox() as sent:
        response = client.post(
            "/zh-hans" + reverse("desk:invitation-new").removeprefix("/en"),
            {"institution": people.inst_a.pk, "email": ADDRESS},
        )

    assert response.status_code == 200
    assert [message.to for message in sent] == [[ADDRESS]]
    assert '<html lang="zh-hans">' in html_of(sent[0])
    assert f"{BASE}/zh-hans/desk/invitations/" in sent[0].body
    assert MembershipInvitation.objects.get().email_language == "zh-hans"


def test_a_link_only_invitation_sends_nothing(people, outbox):
    with outbox() as sent:
        invitation, _token = invitation_create(user=people.editor_a, institution=people.inst_a)

    assert sent == []
    assert invitation.email == "" and invitation.email_status == ""


def test_renew_and_send_replaces_the_link(people, newcomer, outbox):
    with outbox() as sent:
        invitation, old_token = invitation_create(
            user=people.editor_a, institution=people.inst_a, email=ADDRESS, language="vi"
        )
    old_hash = MembershipInvitation.objects.get().token_hash

    with outbox() as sent:
        _invitation, new_token = invitation_renew(user=people.editor_a, invitation=invitation)

    assert [message.to for message in sent] == [[ADDRESS]]
    assert link_in(sent[0]) == f"{BASE}/vi/desk/invitations/{new_token}/"  # same language
    stored = MembershipInvitation.objects.get()
    assert stored.token_hash not in (old_hash, new_token) and new_token != old_token
    with pytest.raises(Exception, match="not valid"):
        invitation_accept(user=newcomer, token=old_token)  # the first link stopped working
    invitation_accept(user=newcomer, token=new_token)
    assert is_member_of(newcomer, people.inst_a)


def test_a_mail_server_that_refuses_leaves_the_invitation_and_says_so(
    people, outbox, settings, unused_port
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", unused_port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False

    with outbox() as sent:
        invitation, _token = invitation_create(
            user=people.editor_a, institution=people.inst_a, email=ADDRESS
        )

    assert sent == []
    invitation.refresh_from_db()
    assert invitation.email_status == MembershipInvitation.EmailStatus.FAILED
    page = client_of(people.editor_a).get(reverse("desk:membership")).content.decode()
    assert ADDRESS in page and "Could not be e-mailed." in page


@pytest.fixture
def unused_port():
    """A loopback port nothing listens on: connecting is refused at once."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
