"""Reads of notifications: preferences, and who is told about what."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from .models import EmailPreferences


def preferences_for(user) -> EmailPreferences:
    """The person's preferences; an unsaved row with every topic on when they changed nothing."""
    found = EmailPreferences.objects.filter(user=user).first()
    return found or EmailPreferences(user=user)


def reachable(users) -> QuerySet:
    """Of `users` (ids or a queryset), the active ones with an e-mail address."""
    return get_user_model().objects.filter(pk__in=users, is_active=True).exclude(email="")


def wanting(users, topic: str) -> list:
    """Reachable users who did not turn `topic` off, preferences loaded in one query."""
    people = list(reachable(users).select_related("email_preferences"))
    result = []
    for person in people:
        try:
            preferences = person.email_preferences
        except EmailPreferences.DoesNotExist:
            preferences = EmailPreferences(user=person)
        if preferences.wants(topic):
            result.append(person)
    return result
