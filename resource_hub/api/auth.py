"""Who is calling: a Wagtail API token (`Authorization: Bearer wagtail_…`) or the session.

Tokens are Wagtail's own (`wagtail.models.APIToken`: made in the admin under
Account → API tokens, or with `manage.py api_tokens create --user U --name N`);
only their digest is stored. A token acts as its user with exactly the
user's permissions: `request.user` becomes that user, so every service and
the access policy see the same person the admin would.

Browsers use their session; writes then need the CSRF token (X-CSRFToken).
`PUBLIC` lets anonymous callers through (as AnonymousUser), `SIGNED_IN` does not.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import APIKeyCookie, HttpBearer
from wagtail.models import APIToken

from .errors import ApiError

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def token_user(token: str):
    """The active user of a token, or None (unknown, revoked, malformed, inactive user)."""
    row = token_row(token)
    return row.user if row is not None else None


def token_row(token: str):
    """The valid APIToken row of a token whose user is active, or None."""
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
    return row


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>`; any other Authorization header is refused, not ignored."""

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if not header:
            return None
        scheme, _sep, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "unauthenticated", _("Use: Authorization: Bearer <token>."))
        return self.authenticate(request, token.strip())

    def authenticate(self, request, token):
        row = token_row(token)
        if row is None:
            raise ApiError(
                401, "unauthenticated", _("This API token is unknown or no longer valid.")
            )
        request.user = row.user
        request.api_token_id = row.pk  # rate limits count per token
        return row.user


class SessionAuth(APIKeyCookie):
    """The browser's session; writes must carry the CSRF token.

    Who is signed in is checked first: an anonymous caller is not asked for
    a CSRF token it could not have used (it gets 401 or, on a public
    endpoint, goes on as anonymous).
    """

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self):
        super().__init__(csrf=False)

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        exempt = getattr(request, "_ninja_csrf_exempt", False)
        if request.method not in SAFE_METHODS and not exempt and _csrf_refused(request):
            raise ApiError(
                403,
                "csrf_failed",
                _("The CSRF token is missing or wrong; reload the page and retry."),
            )
        return user


def _csrf_refused(request) -> bool:
    check = CsrfViewMiddleware(lambda _request: None)
    check.process_request(request)
    return check.process_view(request, None, (), {}) is not None


def anonymous(request):
    """Lets a public endpoint answer callers with neither token nor session."""
    request.user = getattr(request, "user", None) or AnonymousUser()
    return request.user  # AnonymousUser is truthy: ninja goes on


SIGNED_IN = [BearerToken(), SessionAuth()]
PUBLIC = [*SIGNED_IN, anonymous]
