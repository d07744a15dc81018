"""What each notification says: one builder per kind, in a registry (`KINDS`).

A builder reads the rows it needs (by id: a task may run later, in another
process) and returns a neutral `Message`; `render` turns it into a subject,
a plain-text body and an HTML alternative. Everything runs with the
recipient's language active (see `tasks.py`), links start with SITE_BASE_URL.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from resource_hub.core.site_address import absolute_url
from resource_hub.desk.models import MembershipInvitation, MembershipRequest

from .models import Topic


@dataclass(frozen=True)
class Message:
    topic: str  # a Topic, or "" for an e-mail nobody can turn off (a new password)
    subject: str
    paragraphs: list[str]
    action_label: str
    action_url: str
    quote: str = ""
    quote_label: str = ""
    extra: dict = field(default_factory=dict)


def _name(user) -> str:
    if user is None:
        return _("Someone")
    return user.get_full_name() or user.get_username()


def _user(pk):
    return get_user_model().objects.filter(pk=pk).first() if pk else None


def _record(pk):
    page = Page.objects.filter(pk=pk).first()
    return page.specific if page else None


def _desk(name: str, *args) -> str:
    return absolute_url(reverse(name, args=args))


def review_submitted(*, record_id: int, actor_id: int | None = None, **_params) -> Message | None:
    """To the institution's editors: a record waits for their review."""
    record = _record(record_id)
    if record is None:
        return None
    return Message(
        topic=Topic.REVIEW_REQUESTS,
        subject=_("Waiting for your review: “%(title)s”") % {"title": record.title},
        paragraphs=[
            _("%(name)s sent “%(title)s” for review.")
            % {"name": _name(_user(actor_id)), "title": record.title},
            _("Approve it to release it, or send it back with a comment for its author."),
        ],
        action_label=_("Review it"),
        action_url=_desk("desk:review-detail", record.pk),  # the editors' review page
    )


def review_approved(*, record_id: int, actor_id: int | None = None, **_params) -> Message | None:
    """To the author: an editor approved the record."""
    record = _record(record_id)
    if record is None:
        return None
    if record.live:
        url = record.get_full_url()
        lines = [_("Everyone allowed to see it can now find it on the site.")]
    else:  # approved with a go-live date in the future (embargo)
        url = _desk("desk:record-review", record.pk)
        lines = [_("It will be released on its go-live date.")]
    return Message(
        topic=Topic.REVIEW_OUTCOMES,
        subject=_("Approved: “%(title)s”") % {"title": record.title},
        paragraphs=[
            _("%(name)s approved “%(title)s”.")
            % {"name": _name(_user(actor_id)), "title": record.title},
            *lines,
        ],
        action_label=_("Open the record"),
        action_url=url,
    )


def review_sent_back(
    *, record_id: int, actor_id: int | None = None, comment: str = "", **_params
) -> Message | None:
    """To the author: an editor asks for changes, with their comment."""
    record = _record(record_id)
    if record is None:
        return None
    return Message(
        topic=Topic.REVIEW_OUTCOMES,
        subject=_("Changes requested: “%(title)s”") % {"title": record.title},
        paragraphs=[
            _("%(name)s sent “%(title)s” back to you.")
            % {"name": _name(_user(actor_id)), "title": record.title},
            _("Make the changes, then submit it for review again."),
        ],
        quote=comment,
        quote_label=_("The reviewer’s comment:"),
        action_label=_("Edit the record"),
        action_url=_desk("desk:record-edit", record.pk),
    )


def membership_requested(*, request_id: int, **_params) -> Message | None:
    """To the institution's editors: someone asks to teach there."""
    request = (
        MembershipRequest.objects.select_related("user", "institution")
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        return None
    return Message(
        topic=Topic.MEMBERSHIP,
        subject=_("%(name)s asks to join %(institution)s")
        % {"name": _name(request.user), "institution": request.institution.title},
        paragraphs=[
            _("%(name)s asks to become a teacher of %(institution)s.")
            % {"name": _name(request.user), "institution": request.institution.title}
        ],
        quote=request.message,
        quote_label=_("Their message:"),
        action_label=_("Approve or decline"),
        action_url=_desk("desk:membership"),
    )


def membership_answered(*, request_id: int, **_params) -> Message | None:
    """To the person who asked: an editor approved or declined."""
    request = MembershipRequest.objects.select_related("institution").filter(pk=request_id).first()
    if request is None or request.status == MembershipRequest.Status.PENDING:
        return None
    institution = request.institution.title
    if request.status == MembershipRequest.Status.APPROVED:
        return Message(
            topic=Topic.MEMBERSHIP,
            subject=_("Welcome to %(institution)s") % {"institution": institution},
            paragraphs=[
                _("You are now a teacher of %(institution)s: you can share records.")
                % {"institution": institution}
            ],
            action_label=_("Share a new record"),
            action_url=_desk("desk:record-new"),
        )
    return Message(
        topic=Topic.MEMBERSHIP,
        subject=_("Your request to join %(institution)s") % {"institution": institution},
        paragraphs=[
            _("The editors of %(institution)s declined your request to join.")
            % {"institution": institution}
        ],
        action_label=_("Your membership"),
        action_url=_desk("desk:membership"),
    )


def invitation_accepted(*, invitation_id: int, **_params) -> Message | None:
    """To the editor who made the invitation: it was accepted."""
    invitation = (
        MembershipInvitation.objects.select_related("institution", "accepted_by")
        .filter(pk=invitation_id, accepted_at__isnull=False)
        .first()
    )
    if invitation is None:
        return None
    values = {"name": _name(invitation.accepted_by), "institution": invitation.institution.title}
    return Message(
        topic=Topic.MEMBERSHIP,
        subject=_("%(name)s joined %(institution)s") % values,
        paragraphs=[
            _("%(name)s accepted your invitation and is now a teacher of %(institution)s.") % values
        ],
        action_label=_("Membership"),
        action_url=_desk("desk:membership"),
    )


def membership_invitation(*, invitation: MembershipInvitation, token: str) -> Message:
    """To the address an editor invited: the link to accept, who invites, until when.

    Not in `KINDS`: it goes to an address, not to a person's preferences, and
    is built from the token in hand (invitations.py says why it is never queued).
    """
    values = {
        "name": _name(invitation.created_by),
        "institution": invitation.institution.title,
        "expires": formats.date_format(
            timezone.localtime(invitation.expires_at), "DATETIME_FORMAT"
        ),
        "zone": timezone.get_current_timezone_name(),
    }
    return Message(
        topic=Topic.MEMBERSHIP,
        subject=_("%(name)s invites you to teach at %(institution)s") % values,
        paragraphs=[
            _(
                "%(name)s, an editor of %(institution)s, invites you to join it as a "
                "teacher on Resource Hub, to share teaching materials and achievements."
            )
            % values,
            _("The link works once, until %(expires)s (%(zone)s).") % values,
            _(
                "Open it and sign in with your account, then accept. If you have no "
                "account yet, ask %(name)s how to get one."
            )
            % values,
            _("If you did not expect this invitation, you can ignore this e-mail."),
        ],
        action_label=_("Accept the invitation"),
        action_url=_desk("desk:invitation", token),
    )


def password_reset(*, user, url: str, expires) -> Message:
    """To a person who asked for a new password: the link to choose one, and until when.

    Not in `KINDS` and never queued: the link holds the reset token (a task's
    arguments are stored in plain text), and nobody may opt out of it.
    """
    values = {
        "username": user.get_username(),
        "expires": formats.date_format(timezone.localtime(expires), "DATETIME_FORMAT"),
        "zone": timezone.get_current_timezone_name(),
    }
    return Message(
        topic="",
        subject=_("Choose a new password"),
        paragraphs=[
            _("Someone asked for a new password for your account %(username)s.") % values,
            _("The link works once, until %(expires)s (%(zone)s).") % values,
            _("If it was not you, ignore this e-mail: your password stays as it is."),
        ],
        action_label=_("Choose a new password"),
        action_url=url,
    )


@dataclass(frozen=True)
class Kind:
    topic: str
    build: object  # (**params) -> Message | None


# Each kind's topic is known before its message is built, so opted-out people
# are left out before anything is queued.
KINDS = {
    "review_submitted": Kind(Topic.REVIEW_REQUESTS, review_submitted),
    "review_approved": Kind(Topic.REVIEW_OUTCOMES, review_approved),
    "review_sent_back": Kind(Topic.REVIEW_OUTCOMES, review_sent_back),
    "membership_requested": Kind(Topic.MEMBERSHIP, membership_requested),
    "membership_answered": Kind(Topic.MEMBERSHIP, membership_answered),
    "invitation_accepted": Kind(Topic.MEMBERSHIP, invitation_accepted),
}


def render(message: Message, *, recipient, unsubscribe_url: str = "") -> tuple[str, str, str]:
    """Subject, plain text and HTML of `message` for `recipient` (in the active language)."""
    context = {
        "message": message,
        "recipient_name": _name(recipient) if recipient is not None else "",
        "unsubscribe_url": unsubscribe_url,
        "settings_url": _desk("notifications:settings") if recipient is not None else "",
        "topic_label": Topic(message.topic).label if message.topic else "",
    }
    subject = f"[{_('Resource Hub')}] {message.subject}"
    text = render_to_string("notifications/email/message.txt", context)
    html = render_to_string("notifications/email/message.html", context)
    return " ".join(subject.split()), text, html


def send_message(
    message: Message, *, to: str, recipient, unsubscribe_url: str = "", headers=None
) -> None:
    """Render `message` in the active language and send it to `to`: text, with HTML beside.

    Raises what the mail server's refusal raises; each caller decides what that means.
    """
    subject, text, html = render(message, recipient=recipient, unsubscribe_url=unsubscribe_url)
    email = EmailMultiAlternatives(subject, text, to=[to], headers=headers)
    email.attach_alternative(html, "text/html")
    email.send()
