"""What a person wants to hear from the site by e-mail, and in which language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    """What an e-mail is about; each can be turned off on its own (settings page, unsubscribe)."""

    REVIEW_REQUESTS = "review_requests", _("Records waiting for my review")
    REVIEW_OUTCOMES = "review_outcomes", _("My records approved or sent back")
    MEMBERSHIP = "membership", _("Membership requests, invitations and answers")


class EmailPreferences(models.Model):
    """One row per person who changed a setting; without a row, every topic is on.

    The language is the e-mails' (the site's pages follow the address's prefix);
    empty means the site's default language.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    language = models.CharField(
        _("language of e-mails"),
        max_length=16,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Empty: the site's default language."),
    )
    review_requests = models.BooleanField(Topic.REVIEW_REQUESTS.label, default=True)
    review_outcomes = models.BooleanField(Topic.REVIEW_OUTCOMES.label, default=True)
    membership = models.BooleanField(Topic.MEMBERSHIP.label, default=True)

    class Meta:
        verbose_name = _("e-mail preferences")
        verbose_name_plural = _("e-mail preferences")

    def __str__(self):
        return str(self.user)

    def wants(self, topic: str) -> bool:
        return bool(getattr(self, Topic(topic).value))

    @property
    def language_or_default(self) -> str:
        return self.language or settings.LANGUAGE_CODE
