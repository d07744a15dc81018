import sys

from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health
from .errors import error_body


@never_cache
@require_GET
def healthz(request):
    """200 while the database and storage answer, 503 otherwise; search may be degraded."""
    status, body = health.overall()
    return JsonResponse(body, status=status)


#: Seconds a client is asked to wait before trying again while the database is away.
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """The 500 page (and the API's JSON error), or a 503 while the database does not answer.

    Django calls this inside its exception handler, so the exception is still
    at hand. A database that is restarting or unreachable is not a fault of
    the page: the visitor is told to try again shortly (Retry-After), and
    scripts get the API's error shape. Renders without the database.
    """
    exception = sys.exc_info()[1]
    unavailable = isinstance(exception, (OperationalError, InterfaceError))
    status = 503 if unavailable else 500
    if request.path.startswith("/api/"):
        if unavailable:
            body = error_body(
                "database_unavailable",
                _("The database is not answering; try again in a minute."),
            )
        else:
            body = error_body("server_error", _("Something went wrong on our side."))
        response = JsonResponse(body, status=status)
    else:
        page = loader.get_template("500.html").render({"unavailable": unavailable})
        response = HttpResponse(page, status=status)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception):
    """Django's 400 (a SuspiciousOperation): the site's page, or the API's JSON error.

    A request for a host name this site does not serve (ALLOWED_HOSTS) gets a
    short answer without the layout: the layout builds absolute links from the
    host, which Django refuses to read, and failing there turned every such
    request (scanners send them all day) into a 500 with an error logged.
    """
    wrong_host = isinstance(exception, DisallowedHost)
    if request.path.startswith("/api/"):
        if wrong_host:
            body = error_body("invalid_host", _("This site does not answer to that host name."))
        else:
            body = error_body("bad_request", _("This request cannot be answered as sent."))
        return JsonResponse(body, status=400)
    if wrong_host:
        return HttpResponseBadRequest(
            _("This site does not answer to that host name."),
            content_type="text/plain; charset=utf-8",
        )
    return defaults.bad_request(request, exception)
