"""How people join an institution from the desk: an editor's invitation link, or a request.

Both end in `institutions.services.membership_add`; these rows only remember
who asked, who decided and when, so the desk can show it and a link works once.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MembershipInvitation(models.Model):
    """A single-use, expiring link that makes whoever accepts it a teacher of the institution.

    Only the SHA-256 of the token is kept: the link is shown once, to the editor
    who made it, and a database leak does not hand out memberships. When the
    editor gives an address, the link is also e-mailed there, right after commit
    (never queued: a task's arguments would store the token); `email_status`
    remembers whether that worked, so the editor's list can say so.
    """

    class EmailStatus(models.TextChoices):
        NONE = "", _("Link only")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("E-mailed")
        FAILED = "failed", _("Could not be e-mailed")

    institution = models.ForeignKey(
        "institutions.InstitutionPage",
        on_delete=models.CASCADE,
        related_name="desk_invitations",
        verbose_name=_("institution"),
    )
    role = models.CharField(_("role"), max_length=16, default="teacher")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    # Whom the editor sent it to. Accepting does not check it: people sign in
    # with whichever account they have (see desk.services.membership).
    email = models.EmailField(_("invited address"), blank=True)
    email_language = models.CharField(
        _("language of the e-mail"), max_length=16, blank=True, choices=settings.LANGUAGES
    )
    email_status = models.CharField(
        _("e-mail"), max_length=16, blank=True, choices=EmailStatus.choices, default=""
    )
    emailed_at = models.DateTimeField(_("last e-mailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("membership invitation")
        verbose_name_plural = _("membership invitations")

    def __str__(self):
        return f"{self.institution} ({self.role}, {self.expires_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class MembershipRequest(models.Model):
    """A user asks to teach at an institution; one of its editors approves or declines."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an editor")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_membership_requests"
    )
    institution = models.ForeignKey(
        "institutions.InstitutionPage",
        on_delete=models.CASCADE,
        related_name="desk_membership_requests",
        verbose_name=_("institution"),
    )
    message = models.TextField(_("message to the editors"), blank=True, max_length=1000)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("membership request")
        verbose_name_plural = _("membership requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "institution"],
                condition=models.Q(status="pending"),
                name="desk_one_pending_request_per_institution",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.institution} ({self.status})"
