import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
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
