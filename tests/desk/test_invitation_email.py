"""The editor e-mails an invitation from the membership page: what they are told, what is kept.

The first tests commit for real (as a request does), so the e-mail goes
while the editor's request runs and the page can say whether it went; and the
whole database, task table included, is searched for the raw token.
"""

import re
import socket

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from resource_hub.desk.models import MembershipInvitation
from resource_hub.desk.services import invitation_create, invitation_renew
from resource_hub.desk.services.membership import token_hash
from resource_hub.institutions.selectors import is_member_of
from tests.world import make_user

ADDRESS = "new.teacher@example.org"
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT_TYPES = ("text", "character varying", "character", "json", "jsonb")


def tables_holding(needle: str) -> tuple[list[str], list[str]]:
    """Every text, varchar and JSON column of the database that contains `needle`,
    and every table searched."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND data_type = ANY(%s)",
            [list(TEXT_TYPES)],
        )
        columns = cursor.fetchall()
        found = []
        quote = connection.ops.quote_name
        for table, column in columns:
            # Names from the catalogue, quoted; the value is a parameter.
            where = f"strpos({quote(column)}::text, %s) > 0"
            query = f"SELECT 1 FROM {quote(table)} WHERE {where} LIMIT 1"  # noqa: S608
            cursor.execute(query, [needle])
            if cursor.fetchone():
                found.append(f"{table}.{column}")
    return found, sorted({table for table, _column in columns})


def invite(client, institution, **data):
    return client.post(reverse("desk:invitation-new"), {"institution": institution.pk, **data})


def shown_link(response) -> str:
    return response.context["invitation_link"]["url"].removeprefix("http://testserver")


@committed
def test_the_editor_is_told_it_was_sent_and_the_token_is_stored_nowhere(world, signed_in, settings):
    # Every task queued on the way (the editor hears of the acceptance) lands in the table.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    newcomer = make_user("newcomer", email="someone.else@example.net")
    world.editor_a.email = "editor.a@example.org"  # to hear of the acceptance
    world.editor_a.save(update_fields=["email"])

    response = invite(signed_in(world.editor_a), world.inst_a, email=ADDRESS, language="km")

    page = response.content.decode()
    assert response.status_code == 200
    assert f"The invitation was e-mailed to {ADDRESS}." in page
    path = shown_link(response)  # still shown once, to copy
    token = path.rstrip("/").rsplit("/", 1)[-1]
    [message] = mail.outbox
    assert message.to == [ADDRESS] and f"/km/desk/invitations/{token}/" in message.body

    # Accept through the e-mailed link, with an account under another address.
    accepted = signed_in(newcomer).post(f"/km/desk/invitations/{token}/")
    assert accepted.status_code == 302 and is_member_of(newcomer, world.inst_a)

    found, searched = tables_holding(token)
    assert found == []
    # The search does find what is there: the hash, in its one column.
    assert tables_holding(token_hash(token))[0] == ["desk_membershipinvitation.token_hash"]
    tasks = DBTaskResult._meta.db_table
    assert {MembershipInvitation._meta.db_table, tasks} <= set(searched)
    assert DBTaskResult.objects.exists()  # the acceptance e-mail was queued there, token-free
    stored = MembershipInvitation.objects.get()
    assert stored.token_hash == token_hash(token)
    assert stored.email == ADDRESS and stored.email_status == "sent"


@committed
def test_when_sending_fails_the_editor_is_told_and_copies_the_link(world, signed_in, settings):
    with socket.socket() as probe:  # a loopback port nothing listens on: refused at once
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False

    response = invite(signed_in(world.editor_a), world.inst_a, email=ADDRESS)

    page = response.content.decode()
    assert f"The invitation could not be e-mailed to {ADDRESS}." in page
    assert "/desk/invitations/" in shown_link(response)
    assert MembershipInvitation.objects.get().email_status == "failed"
    listed = signed_in(world.editor_a).get(reverse("desk:membership")).content.decode()
    assert "Could not be e-mailed." in listed and ADDRESS in listed


@pytest.mark.parametrize("address", ["not-an-address", "two@at@example.org", "x@"])
def test_a_bad_address_is_refused_and_nothing_is_made(world, signed_in, address):
    response = invite(signed_in(world.editor_a), world.inst_a, email=address, language="en")

    assert response.status_code == 400
    page = response.content.decode()
    assert "This is not an e-mail address." in page
    assert 'id="desk-invite-email_error"' in page and 'aria-invalid="true"' in page
    assert not MembershipInvitation.objects.exists()
    assert mail.outbox == []


def test_the_service_refuses_a_bad_address_too(world):
    with pytest.raises(Exception, match="is not an e-mail address") as raised:
        invitation_create(user=world.editor_a, institution=world.inst_a, email="nobody@")
    assert raised.value.parameter == "email"
    assert not MembershipInvitation.objects.exists()


def test_the_list_shows_to_whom_each_went(world, signed_in, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(user=world.editor_a, institution=world.inst_a, email=ADDRESS)
        invitation_create(user=world.editor_a, institution=world.inst_a)

    page = signed_in(world.editor_a).get(reverse("desk:membership")).content.decode()

    assert ADDRESS in page and "E-mailed on" in page and "Link only (no address)" in page
    resend = [int(pk) for pk in re.findall(r'id="desk-invitation-resend-(\d+)"', page)]
    assert resend == [MembershipInvitation.objects.get(email=ADDRESS).pk]  # only with an address
    # Another institution's editor sees none of it.
    assert ADDRESS not in signed_in(world.editor_b).get(reverse("desk:membership")).content.decode()


def test_renew_and_send_from_the_list(world, signed_in, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, old_token = invitation_create(
            user=world.editor_a, institution=world.inst_a, email=ADDRESS
        )
    url = reverse("desk:invitation-resend", args=[invitation.pk])

    refused = signed_in(world.editor_b).post(url, follow=True)
    assert "Only the institution" in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(world.editor_a).post(url)

    assert response.status_code == 200
    new_path = shown_link(response)
    assert old_token not in new_path
    assert [message.to for message in mail.outbox] == [[ADDRESS], [ADDRESS]]
    assert new_path in mail.outbox[-1].body
    assert MembershipInvitation.objects.get().token_hash == token_hash(new_path.split("/")[-2])


def test_a_link_only_invitation_cannot_be_renewed(world):
    invitation, _token = invitation_create(user=world.editor_a, institution=world.inst_a)
    with pytest.raises(Exception, match="not sent by e-mail"):
        invitation_renew(user=world.editor_a, invitation=invitation)
