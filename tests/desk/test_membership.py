"""Joining an institution: invitation links and requests, both ending in membership_add."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from resource_hub.desk.models import MembershipInvitation, MembershipRequest
from resource_hub.desk.services import invitation_create
from resource_hub.institutions.selectors import is_member_of
from tests.world import make_user


@pytest.fixture
def newcomer(world):
    return make_user("newcomer")


def invite(signed_in, editor, institution):
    """The editor asks for a link on the membership page; returns the link's path."""
    response = signed_in(editor).post(
        reverse("desk:invitation-new"), {"institution": institution.pk}
    )
    assert response.status_code == 200
    link = response.context["invitation_link"]["url"]
    return link.removeprefix("http://testserver")


def test_an_editor_invites_and_the_newcomer_becomes_a_teacher(world, signed_in, newcomer):
    path = invite(signed_in, world.editor_a, world.inst_a)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    stored = MembershipInvitation.objects.get()
    assert token not in stored.token_hash  # only the hash is kept
    assert stored.role == "teacher"

    client = signed_in(newcomer)
    page = client.get(path)
    assert page.status_code == 200
    assert world.inst_a.title in page.content.decode()  # who invites, before accepting
    response = client.post(path)

    assert response.status_code == 302
    assert is_member_of(newcomer, world.inst_a)
    assert newcomer.groups.filter(pk=world.inst_a.teachers_group_id).exists()
    assert not newcomer.groups.filter(pk=world.inst_a.editors_group_id).exists()


def test_an_invitation_works_once(world, signed_in, newcomer):
    path = invite(signed_in, world.editor_a, world.inst_a)
    signed_in(newcomer).post(path)
    latecomer = make_user("latecomer")

    response = signed_in(latecomer).post(path)

    assert response.status_code == 400
    assert "already been used" in response.content.decode()
    assert signed_in(latecomer).get(path).status_code == 404  # the page says so too
    assert not is_member_of(latecomer, world.inst_a)


def test_an_expired_invitation_is_refused(world, signed_in, newcomer):
    path = invite(signed_in, world.editor_a, world.inst_a)
    MembershipInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    response = signed_in(newcomer).post(path)

    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert not is_member_of(newcomer, world.inst_a)


def test_a_wrong_token_or_the_inviting_editor_cannot_use_the_link(world, signed_in, newcomer):
    path = invite(signed_in, world.editor_a, world.inst_a)
    wrong = reverse("desk:invitation", args=["not-the-token"])
    assert signed_in(newcomer).post(wrong).status_code == 400
    assert signed_in(world.editor_a).post(path).status_code == 400
    assert not is_member_of(newcomer, world.inst_a)
    assert MembershipInvitation.objects.get().accepted_at is None


def test_a_member_cannot_spend_an_invitation(world, signed_in):
    path = invite(signed_in, world.editor_a, world.inst_a)
    assert signed_in(world.teacher_a).post(path).status_code == 400
    assert MembershipInvitation.objects.get().accepted_at is None


def test_only_editors_make_invitations(world, signed_in):
    response = signed_in(world.teacher_a).post(
        reverse("desk:invitation-new"), {"institution": world.inst_a.pk}, follow=True
    )
    assert "Only the institution" in response.content.decode()
    assert not MembershipInvitation.objects.exists()
    with pytest.raises(Exception, match="editors"):
        invitation_create(user=world.editor_b, institution=world.inst_a)


def test_anonymous_visitors_are_sent_to_sign_in_before_accepting(world, client, signed_in):
    path = invite(signed_in, world.editor_a, world.inst_a)
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert MembershipInvitation.objects.get().accepted_at is None


def request_membership(signed_in, user, institution, message="Crop science, year 2"):
    return signed_in(user).post(
        reverse("desk:membership-request"), {"institution": institution.pk, "message": message}
    )


def test_a_request_approved_by_the_institutions_editor(world, signed_in, newcomer):
    assert request_membership(signed_in, newcomer, world.inst_a).status_code == 302
    pending = MembershipRequest.objects.get()
    page = signed_in(world.editor_a).get(reverse("desk:membership"))
    assert "Crop science, year 2" in page.content.decode()

    signed_in(world.editor_a).post(
        reverse("desk:membership-answer", args=[pending.pk]), {"decision": "approve"}
    )

    pending.refresh_from_db()
    assert pending.status == MembershipRequest.Status.APPROVED
    assert pending.decided_by == world.editor_a
    assert is_member_of(newcomer, world.inst_a)


def test_a_declined_request_adds_nobody(world, signed_in, newcomer):
    request_membership(signed_in, newcomer, world.inst_a)
    pending = MembershipRequest.objects.get()

    signed_in(world.editor_a).post(
        reverse("desk:membership-answer", args=[pending.pk]), {"decision": "decline"}
    )

    pending.refresh_from_db()
    assert pending.status == MembershipRequest.Status.DECLINED
    assert not is_member_of(newcomer, world.inst_a)


def test_an_editor_of_another_institution_cannot_approve(world, signed_in, newcomer):
    request_membership(signed_in, newcomer, world.inst_a)
    pending = MembershipRequest.objects.get()
    assert (
        "newcomer" not in signed_in(world.editor_b).get(reverse("desk:membership")).content.decode()
    )

    response = signed_in(world.editor_b).post(
        reverse("desk:membership-answer", args=[pending.pk]), {"decision": "approve"}, follow=True
    )

    assert "Only the institution" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == MembershipRequest.Status.PENDING
    assert not is_member_of(newcomer, world.inst_a)
    assert not is_member_of(newcomer, world.inst_b)


def test_one_pending_request_per_institution(world, signed_in, newcomer):
    request_membership(signed_in, newcomer, world.inst_a)
    response = request_membership(signed_in, newcomer, world.inst_a)
    assert response.status_code == 400
    assert MembershipRequest.objects.count() == 1
