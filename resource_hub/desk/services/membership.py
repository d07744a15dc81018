"""Joining an institution: an editor's invitation link, or a request an editor decides.

Both paths end in `membership_add`, called with the editor's authority (the
editor who made the invitation, still an editor when it is accepted; or the
editor who approves the request).

Each step sends a signal (below) that apps built on the desk subscribe to;
the notifications app e-mails the people concerned, after commit.

An invitation with an address is e-mailed right after its transaction
commits, inside the editor's request, not by a background task like the other
notifications: the e-mail carries the link, the link carries the token, and a
task's arguments are stored in the task table in plain text. Sending at once
also lets the page tell the editor whether it went; when it did not, the link
shown once is still there to copy. The token cannot be sent again (only its
hash is kept), so "send again" is `invitation_renew`: a new token replaces
the old one, whose link stops working, and goes to the same address.

Accepting does not require the signed-in account's address to match the
invited one: people are often invited at one address and have their account
under another, and the link is already a secret that works once.
"""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from resource_hub.institutions.selectors import is_editor_of, is_member_of
from resource_hub.institutions.services import Role, membership_add

from ..errors import DeskError, DeskPermissionDenied
from ..models import MembershipInvitation, MembershipRequest

logger = logging.getLogger(__name__)

INVITATION_DAYS = 7

# provides args: request (a new MembershipRequest)
membership_request_created = Signal()
# provides args: request (approved or declined), user (the editor who answered)
membership_request_answered = Signal()
# provides args: invitation (just accepted; accepted_by is the new teacher)
invitation_accepted = Signal()
# provides args: invitation (with `email` and `email_language`), token (the raw token:
# put it in the e-mail, never store it). Sent after commit; a receiver returns True
# once the e-mail is handed to the mail server, or raises.
invitation_mail_requested = Signal()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _require_editor(user, institution) -> None:
    if not (user.is_authenticated and user.is_active and is_editor_of(user, institution)):
        raise DeskPermissionDenied(_("Only the institution's editors can do this."))


def _clean_email(email: str) -> str:
    email = BaseUserManager.normalize_email((email or "").strip())
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError as exc:
        raise DeskError(
            _("“%(email)s” is not an e-mail address. Check it, or leave it empty to copy the link.")
            % {"email": email},
            parameter="email",
        ) from exc
    return email


def _clean_language(language: str) -> str:
    """`language`, else the active one (the editor's), as one of the site's languages."""
    try:
        return translation.get_supported_language_variant(
            language or translation.get_language() or settings.LANGUAGE_CODE
        )
    except LookupError as exc:
        raise DeskError(
            _("The e-mail cannot be written in this language."), parameter="language"
        ) from exc


def _mail_after_commit(invitation: MembershipInvitation, token: str) -> None:
    """E-mail the link once the invitation is saved; record whether it went.

    Runs in the request (no task: it would store the token). A failure never
    undoes the invitation: the editor still has the link to copy.
    """

    def send():
        # send_robust: a mail server that refuses or times out raises in the receiver.
        results = invitation_mail_requested.send_robust(
            sender=MembershipInvitation, invitation=invitation, token=token
        )
        for _receiver, result in results:
            if isinstance(result, Exception):
                logger.error("invitation %s: e-mail not sent: %r", invitation.pk, result)
        sent = any(result is True for _receiver, result in results)
        invitation.email_status = (
            MembershipInvitation.EmailStatus.SENT
            if sent
            else MembershipInvitation.EmailStatus.FAILED
        )
        invitation.emailed_at = timezone.now()
        # Only while the token is still this one (a renewal may have replaced it).
        MembershipInvitation.objects.filter(
            pk=invitation.pk, token_hash=invitation.token_hash
        ).update(email_status=invitation.email_status, emailed_at=invitation.emailed_at)

    transaction.on_commit(send)


@transaction.atomic
def invitation_create(
    *,
    user,
    institution,
    email: str = "",
    language: str = "",
    days: int = INVITATION_DAYS,
) -> tuple[MembershipInvitation, str]:
    """A new single-use invitation to teach at the institution, and its token (shown once).

    With `email`, the link is also e-mailed there in `language` (default: the
    active language, the editor's) right after commit; `email_status` then
    says whether it went. A malformed address raises DeskError, creating nothing.
    """
    _require_editor(user, institution)
    email = _clean_email(email)
    token = secrets.token_urlsafe(32)
    invitation = MembershipInvitation.objects.create(
        institution=institution,
        role=Role.TEACHER,
        token_hash=token_hash(token),
        created_by=user,
        expires_at=timezone.now() + timedelta(days=days),
        email=email,
        email_language=_clean_language(language) if email else "",
        email_status=MembershipInvitation.EmailStatus.SENDING if email else "",
    )
    if email:
        _mail_after_commit(invitation, token)
    return invitation, token


@transaction.atomic
def invitation_renew(
    *, user, invitation: MembershipInvitation, language: str = "", days: int = INVITATION_DAYS
) -> tuple[MembershipInvitation, str]:
    """Send an unused e-mailed invitation again, with a new link: the old link stops working.

    The old token cannot be sent again (only its hash is kept), so a new one
    replaces it, with a new expiry, and is e-mailed to the same address (in
    `language`, default the language it was sent in). The editor who renews it
    becomes the one who invites. Returns the invitation and its new token.
    """
    invitation = (
        MembershipInvitation.objects.select_for_update()
        .select_related("institution")
        .get(pk=invitation.pk)
    )
    _require_editor(user, invitation.institution)
    if invitation.accepted_at is not None:
        raise DeskError(_("This invitation has already been accepted."))
    if not invitation.email:
        raise DeskError(
            _("This invitation was not sent by e-mail. Make a new one with an address.")
        )
    token = secrets.token_urlsafe(32)
    invitation.token_hash = token_hash(token)
    invitation.created_by = user
    invitation.expires_at = timezone.now() + timedelta(days=days)
    invitation.email_language = _clean_language(language or invitation.email_language)
    invitation.email_status = MembershipInvitation.EmailStatus.SENDING
    invitation.save(
        update_fields=[
            "token_hash",
            "created_by",
            "expires_at",
            "email_language",
            "email_status",
        ]
    )
    _mail_after_commit(invitation, token)
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
