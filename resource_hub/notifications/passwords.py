"""A forgotten password: the e-mail with the link to choose a new one, and its limits.

Django's password views do the work (tokens that work once and expire after
PASSWORD_RESET_TIMEOUT, no answer that tells whether an address has an
account); this module gives them the site's e-mail and a limit on how often
one may be asked for.

The e-mail is built like every notification (messages.py), in the language
its recipient chose for e-mails (else the page's), and its link starts with SITE_BASE_URL,
never with the host the request named. It is sent at once, not queued: the
link holds the token, and a task's arguments are stored in plain text.
"""

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from resource_hub.api.throttling import count_request
from resource_hub.core.client_address import client_ip_address
from resource_hub.core.site_address import absolute_url

from .errors import NotificationError
from .messages import password_reset, send_message
from .selectors import preferences_for

logger = logging.getLogger(__name__)

#: Requests for a new password in an hour: per address typed, and per client address.
PER_EMAIL_AN_HOUR = 3
PER_CLIENT_AN_HOUR = 10
_HOUR = 3600


class TooManyResets(NotificationError):
    def __init__(self, seconds: float):
        self.minutes = max(1, round(seconds / 60))
        super().__init__(
            ngettext(
                "A new password was asked for too often. Try again in %(minutes)d minute.",
                "A new password was asked for too often. Try again in %(minutes)d minutes.",
                self.minutes,
            )
            % {"minutes": self.minutes}
        )


def count_reset_request(request, email: str) -> None:
    """Count one request for a new password; TooManyResets over either limit.

    Counted whether or not the address has an account, so the limit says
    nothing about which addresses do.
    """
    # The address as a digest: the same key however it is capitalised, within the
    # table's 100 characters whatever its length, and no address kept in the table.
    typed = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    limits = (
        (f"password-reset:email:{typed}", PER_EMAIL_AN_HOUR),
        (f"password-reset:client:{client_ip_address(request)}", PER_CLIENT_AN_HOUR),
    )
    for key, limit in limits:
        count, remaining = count_request(key, window_seconds=_HOUR)
        if count > limit:
            raise TooManyResets(remaining)


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, sending the site's own e-mail instead of its templates."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        user = context["user"]
        # The language they chose for e-mails, else the one of the page they asked from.
        language = preferences_for(user).language or translation.get_language()
        with translation.override(language or settings.LANGUAGE_CODE):
            path = reverse(
                "password_reset_confirm",
                kwargs={"uidb64": context["uid"], "token": context["token"]},
            )
            expires = timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
            message = password_reset(user=user, url=absolute_url(path), expires=expires)
            try:
                send_message(message, to=context["email"], recipient=user)
            except Exception:
                # As Django's own form: the page answers as for any address (a failure
                # shown only for addresses with an account would tell which have one).
                logger.exception("the new-password e-mail to user %s was not sent", user.pk)
