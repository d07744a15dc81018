"""The API's plumbing: authentication, CSRF, JSON bodies and JSON errors.

Every endpoint answers JSON, errors included:
    {"error": {"code": "not_found", "message": "…"}}
A browser calls it with its session (and the CSRF token in X-CSRFToken on
writes); a script sends `Authorization: Bearer rh_…` (see `api_token`).
"""

import functools
import json

from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .auth import token_user

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class ApiError(Exception):
    """An error the API reports as JSON with an HTTP status."""

    def __init__(self, status: int, code: str, message: str, **extra):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra


def error_response(status: int, code: str, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": str(message), **extra}}, status=status)


def json_body(request) -> dict:
    """The request's JSON object body ({} when empty)."""
    if not request.body:
        return {}
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "invalid_json", _("The request body is not valid JSON.")) from None
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_json", _("The request body must be a JSON object."))
    return data


def _authenticate(request):
    """Bearer token first; else the session. Returns (user, via_token)."""
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _sep, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "unauthenticated", _("Use: Authorization: Bearer <token>."))
        user = token_user(token.strip())
        if user is None:
            raise ApiError(
                401, "unauthenticated", _("This API token is unknown or no longer valid.")
            )
        return user, True
    return getattr(request, "user", AnonymousUser()), False


def _csrf_refusal(request):
    check = CsrfViewMiddleware(lambda _request: None)
    check.process_request(request)
    return check.process_view(request, None, (), {})


def api_view(methods: tuple[str, ...], *, login_required: bool = True, csrf: bool = True):
    """Wrap a view as a JSON API endpoint.

    Checks the method, authenticates (token or session), enforces CSRF for
    session writes (unless `csrf=False`: for URLs whose signature is the
    credential), and turns ApiError into its JSON answer.
    """

    allowed = frozenset(m.upper() for m in methods)

    def decorator(view):
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in allowed:
                response = error_response(
                    405, "method_not_allowed", _("This endpoint does not accept this method.")
                )
                response["Allow"] = ", ".join(sorted(allowed))
                return response
            try:
                user, via_token = _authenticate(request)
                request.user = user
                needs_csrf = csrf and not via_token and request.method not in SAFE_METHODS
                if needs_csrf and _csrf_refusal(request) is not None:
                    raise ApiError(
                        403,
                        "csrf_failed",
                        _("The CSRF token is missing or wrong; reload the page and retry."),
                    )
                if login_required and not user.is_authenticated:
                    raise ApiError(401, "unauthenticated", _("Sign in, or send an API token."))
                response = view(request, *args, **kwargs)
            except ApiError as error:
                response = error_response(error.status, error.code, error.message, **error.extra)
            response["Cache-Control"] = "private, no-store"
            return response

        return wrapper

    return decorator
