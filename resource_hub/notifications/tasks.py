"""Sending one notification e-mail, in its recipient's language, as a background task."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from resource_hub.core.site_address import absolute_url

from .messages import KINDS, send_message
from .selectors import preferences_for
from .services import unsubscribe_token


@task()
def send_notification(kind: str, recipient_id: int, params: dict) -> bool:
    """Build and send the `kind` e-mail to one person. Returns whether it was sent.

    Re-checks the person's preferences (they may have unsubscribed since it
    was queued). Safe to re-run: at worst the person gets the e-mail twice.
    """
    recipient = get_user_model().objects.filter(pk=recipient_id, is_active=True).first()
    if recipient is None or not recipient.email:
        return False
    kind_ = KINDS[kind]
    preferences = preferences_for(recipient)
    if not preferences.wants(kind_.topic):
        return False
    with translation.override(preferences.language_or_default):
        message = kind_.build(**params)
        if message is None:  # the record or request is gone
            return False
        token = unsubscribe_token(user=recipient, topic=kind_.topic)
        unsubscribe_url = absolute_url(reverse("notifications:unsubscribe", args=[token]))
        send_message(
            message,
            to=recipient.email,
            recipient=recipient,
            unsubscribe_url=unsubscribe_url,
            # RFC 8058: mail clients offer "unsubscribe" and POST to the link themselves.
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
    return True
