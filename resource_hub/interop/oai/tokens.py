"""Resumption tokens: the harvest's position, signed so it cannot be forged.

A token holds the query (format, set, from, until) and the last (datestamp, id)
sent: the next page starts after it (keyset), so records changing meanwhile
neither shift nor repeat the pages.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from .errors import bad_resumption_token

_SALT = "resource_hub.interop.oai.token"


def token_lifetime() -> timedelta:
    return timedelta(seconds=settings.OAI_TOKEN_LIFETIME)


def token_dump(state: dict) -> tuple[str, datetime]:
    """The signed token and when it expires."""
    return signing.dumps(state, salt=_SALT, compress=True), timezone.now() + token_lifetime()


def token_load(token: str) -> dict:
    try:
        state = signing.loads(token, salt=_SALT, max_age=token_lifetime())
    except signing.BadSignature as error:  # SignatureExpired is one too
        raise bad_resumption_token() from error
    if not isinstance(state, dict):
        raise bad_resumption_token()
    return state
