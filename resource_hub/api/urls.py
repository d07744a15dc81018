"""/api/v1/: the JSON API (see docs/api/)."""

from django.http import JsonResponse
from django.urls import re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .app import api
from .errors import error_body


@csrf_exempt  # it changes nothing, and its answer must be the API's for any method
def unknown_address(request, rest=""):
    """Anything under /api/v1/ that no endpoint answers: the API's 404, not the site's page."""
    body = error_body("not_found", _("There is no such API address; see /api/v1/docs."))
    response = JsonResponse(body, status=404)
    response["Cache-Control"] = "private, no-store"
    return response


urlpatterns = [*api.urls[0], re_path(r"^(?P<rest>[\s\S]*)$", unknown_address)]
app_name = "api"
