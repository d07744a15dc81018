"""Joining an institution: an editor's invitation link, or a request an editor decides.

Both paths end in `membership_add`, called with the editor's authority (the
editor who made the invitation, still an editor when it is accepted; or the
editor who approves the request).

Each step sends a signal (below) that apps built on the desk subscribe to;
the notifications app e-mails the people concerned, after commit.
"""

import hashlib
import secrets
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from resource_hub.institutions.selectors import is_editor_of, is_member_of
from resource_hub.institutions.services import Role, membership_add

from ..errors import DeskError, DeskPermissionDenied
from ..models import MembershipInvitation, MembershipRequest

INVITATION_DAYS = 7

# provides args: request (a new MembershipRequest)
membership_request_created = Signal()
# provides args: request (approved or declined), user (the editor who answered)
membership_request_answered = Signal()
# provides args: invitation (just accepted; accepted_by is the new teacher)
invitation_accepted = Signal()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _require_editor(user, institution) -> None:
    if not (user.is_authenticated and user.is_active and is_editor_of(user, institution)):
        raise DeskPermissionDenied(_("Only the institution's editors can do this."))


@transaction.atomic
def invitation_create(
    *, user, institution, days: int = INVITATION_DAYS
) -> tuple[MembershipInvitation, str]:
    """A new single-use invitation to teach at the institution, and its token (shown once)."""
    _require_editor(user, institution)
    token = secrets.token_urlsafe(32)
    invitation = MembershipInvitation.objects.create(
        institution=institution,
        role=Role.TEACHER,
        token_hash=token_hash(token),
        created_by=user,
        expires_at=timezone.now() + timedelta(days=days),
    )
    return invitation, token


@transaction.atomic
def invitation_accept(*, user, token: str) -> MembershipInvitation:
    """Make the signed-in user a teacher of the invitation's institution; the link is spent."""
    if not (user.is_authenticated and user.is_active):
        raise DeskPermissionDenied(_("Sign in to accept an invitation."))
    invitation = (
        MembershipInvitation.objects.select_for_update()
        .select_related("institution", "created_by")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None:
        raise DeskError(_("This invitation link is not valid. Ask the editor for a new one."))
    if invitation.accepted_at is not None:
        raise DeskError(_("This invitation has already been used. Ask the editor for a new one."))
    if invitation.expires_at <= timezone.now():
        raise DeskError(_("This invitation has expired. Ask the editor for a new one."))
    if invitation.created_by_id == user.pk:
        raise DeskError(_("You made this invitation: send the link to the person you invite."))
    institution = invitation.institution
    if is_member_of(user, institution):
        raise DeskError(
            _("You are already a member of %(institution)s.") % {"institution": institution}
        )
    if not is_editor_of(invitation.created_by, institution):
        raise DeskError(_("The editor who made this invitation no longer edits this institution."))
    membership_add(
        user=invitation.created_by, member=user, institution=institution, role=invitation.role
    )
    invitation.accepted_by = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_by", "accepted_at"])
    MembershipRequest.objects.filter(
        user=user, institution=institution, status=MembershipRequest.Status.PENDING
    ).update(status=MembershipRequest.Status.APPROVED, decided_at=timezone.now())
    invitation_accepted.send(sender=MembershipInvitation, invitation=invitation)
    return invitation


@transaction.atomic
def membership_request_create(*, user, institution, message: str = "") -> MembershipRequest:
    """Ask the institution's editors to make the user a teacher there."""
    if not (user.is_authenticated and user.is_active):
        raise DeskPermissionDenied(_("Sign in to ask for membership."))
    if is_member_of(user, institution):
        raise DeskError(
            _("You are already a member of %(institution)s.") % {"institution": institution}
        )
    request = MembershipRequest(user=user, institution=institution, message=message.strip())
    request.full_clean(validate_constraints=False)  # the unique constraint answers below
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError as exc:
        raise DeskError(
            _("You have already asked to join %(institution)s; an editor will answer.")
            % {"institution": institution}
        ) from exc
    membership_request_created.send(sender=MembershipRequest, request=request)
    return request


@transaction.atomic
def membership_request_decide(*, user, request: MembershipRequest, approve: bool):
    """Approve (the user becomes a teacher) or decline a pending request. Its editors only."""
    request = MembershipRequest.objects.select_for_update().get(pk=request.pk)
    _require_editor(user, request.institution)
    if request.status != MembershipRequest.Status.PENDING:
        raise DeskError(_("This request has already been answered."))
    if approve:
        membership_add(
            user=user, member=request.user, institution=request.institution, role=Role.TEACHER
        )
    request.status = (
        MembershipRequest.Status.APPROVED if approve else MembershipRequest.Status.DECLINED
    )
    request.decided_by = user
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    membership_request_answered.send(sender=MembershipRequest, request=request, user=user)
    return request
