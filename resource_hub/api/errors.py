"""The API's one error shape, and the one place errors become it.

Every error answer is
    {"error": {"code": "not_found", "message": "…", "parameter": "year"}}
(`parameter` when a request parameter or body field is at fault). Domain
errors (`resource_hub.core.errors.DomainError` and its kin in each app) carry
their own status and code; `install_error_handlers` registers the handlers
on the NinjaAPI, so no endpoint writes an `except` block to translate them.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from resource_hub.core.errors import DomainError, error_body

logger = logging.getLogger(__name__)

#: Where a ninja validation error points: query and path parameters are
#: "parameters", body members are "fields".
_PARAMETER_SOURCES = frozenset({"query", "path", "header", "cookie"})


class ApiError(DomainError):
    """An error only the API raises (not found, unauthenticated, …), with its status and code."""

    def __init__(self, status: int, code: str, message, *, parameter: str | None = None):
        self.status = status
        self.code = code
        super().__init__(message, parameter=parameter)


def not_found(message=None) -> ApiError:
    return ApiError(404, "not_found", message or _("There is no such thing here."))


def _answer(api, request, status: int, code: str, message, parameter=None):
    response = api.create_response(request, error_body(code, message, parameter), status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def _validation(api, request, exc: NinjaValidationError):
    """Pydantic's complaints, reduced to the first one, named by its parameter or field."""
    first = exc.errors[0] if exc.errors else {}
    location = [str(part) for part in first.get("loc", ())]
    source = location[0] if location else ""
    if first.get("type") == "json_invalid":
        return _answer(api, request, 400, "invalid_json", _("The request body is not valid JSON."))
    # ["body", "payload", "title"] → "title"; ["query", "year"] → "year"
    name = ".".join(location[2:] if source == "body" and len(location) > 2 else location[1:])
    code = "invalid_parameter" if source in _PARAMETER_SOURCES else "invalid_field"
    detail = first.get("msg", "")
    message = _("%(name)s: %(detail)s.") % {"name": name or source, "detail": detail}
    return _answer(api, request, 400, code, message, name or None)


def install_error_handlers(api) -> None:
    def domain(request, exc: DomainError):
        return _answer(api, request, exc.status, exc.code, exc.message, exc.parameter)

    def unauthenticated(request, exc):
        return _answer(api, request, 401, "unauthenticated", _("Sign in, or send an API token."))

    def throttled(request, exc: Throttled):
        return _answer(
            api,
            request,
            429,
            "throttled",
            _("Too many requests; wait as long as Retry-After says, then retry."),
        )

    def http_error(request, exc: HttpError):
        if exc.status_code == 400 and isinstance(exc.__cause__, ValueError):
            # ninja wraps the JSON parser's complaint (params/models.BodyModel)
            message = _("The request body is not valid JSON.")
            return _answer(api, request, 400, "invalid_json", message)
        return _answer(api, request, exc.status_code, "http_error", str(exc))

    def missing(request, exc):
        return _answer(api, request, 404, "not_found", _("There is no such thing here."))

    def denied(request, exc):
        return _answer(
            api, request, 403, "permission_denied", _("You do not have permission to do this.")
        )

    def invalid(request, exc: DjangoValidationError):
        return _answer(api, request, 422, "invalid", " ".join(exc.messages))

    api.add_exception_handler(DomainError, domain)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(Throttled, throttled)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(NinjaValidationError, lambda r, e: _validation(api, r, e))
    api.add_exception_handler(Http404, missing)
    api.add_exception_handler(PermissionDenied, denied)
    api.add_exception_handler(DjangoValidationError, invalid)
