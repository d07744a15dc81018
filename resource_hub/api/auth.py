"""Who is calling: a Wagtail API token (`Authorization: Bearer wagtail_…`) or the session.

Tokens are Wagtail's own (`wagtail.models.APIToken`: made in the admin under
Account → API tokens, or with `manage.py api_tokens create --user U --name N`);
only their digest is stored. A token acts with its user's permissions.
"""

from django.conf import settings
from django.utils import timezone
from wagtail.models import APIToken


def token_user(token: str):
    """The active user of a token, or None (unknown, revoked, malformed, inactive user)."""
    if not APIToken.validate_token_format(token):
        return None
    row = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
        .first()
    )
    if row is None or not row.user.is_active:
        return None
    interval = getattr(settings, "WAGTAILAPI_TOKEN_LAST_USED_INTERVAL", 60)
    now = timezone.now()
    if interval is not None and (
        row.last_used_at is None or (now - row.last_used_at).total_seconds() >= interval
    ):
        APIToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user
