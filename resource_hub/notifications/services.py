"""Writes of notifications: queue an e-mail after commit, change preferences, unsubscribe."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction

from .errors import InvalidUnsubscribeLink
from .messages import KINDS
from .models import EmailPreferences, Topic
from .selectors import wanting

UNSUBSCRIBE_SALT = "resource_hub.notifications.unsubscribe"


def notify(*, kind: str, recipients, params: dict, exclude=None) -> list[int]:
    """Queue the `kind` e-mail to each of `recipients` who wants it, once the transaction commits.

    `recipients` are users or their ids; `exclude` (the person who acted) is
    never told about their own action. Sending runs as a background task, so
    a slow mail server never slows the request, and nothing is sent for a
    change that was rolled back. Returns the ids queued.
    """
    from .tasks import send_notification  # inside: tasks imports this module (tokens)

    topic = KINDS[kind].topic
    ids = [getattr(user, "pk", user) for user in recipients]
    excluded = getattr(exclude, "pk", exclude)
    people = [person.pk for person in wanting(ids, topic) if person.pk != excluded]
    for person_id in people:
        transaction.on_commit(
            lambda person_id=person_id: send_notification.enqueue(
                kind=kind, recipient_id=person_id, params=params
            )
        )
    return people


@transaction.atomic
def preferences_update(*, user, language: str, topics: dict[str, bool]) -> EmailPreferences:
    """Save the person's e-mail language and which topics they want."""
    preferences, _created = EmailPreferences.objects.select_for_update().get_or_create(user=user)
    preferences.language = language
    for topic in Topic:
        setattr(preferences, topic.value, bool(topics.get(topic.value, False)))
    preferences.full_clean()
    preferences.save()
    return preferences


def unsubscribe_token(*, user, topic: str) -> str:
    """A signed token naming the person and one topic: the e-mail's unsubscribe link."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"u": user.pk, "t": str(topic)})


def unsubscribe_target(token: str) -> tuple[int, str]:
    """The person's id and topic a token names; InvalidUnsubscribeLink when it was tampered with."""
    try:
        data = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
        topic = Topic(data["t"])
        return int(data["u"]), topic
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise InvalidUnsubscribeLink from exc


@transaction.atomic
def unsubscribe(*, token: str) -> tuple[EmailPreferences, str]:
    """Turn off the topic a signed unsubscribe link names. Idempotent."""
    user_id, topic = unsubscribe_target(token)
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        raise InvalidUnsubscribeLink
    preferences, _created = EmailPreferences.objects.select_for_update().get_or_create(user=user)
    setattr(preferences, topic.value, False)
    preferences.save(update_fields=[topic.value])
    return preferences, topic
