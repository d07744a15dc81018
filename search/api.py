"""/api/v1/search and /api/v1/search/suggest (see docs/api/search.md)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

from resource_hub.access.viewers import as_viewer
from resource_hub.api.views import ApiError, api_view
from resource_hub.core.params import InvalidParameter, clean_integer, clean_text

from .params import parse_params

MAX_SUGGESTIONS = 10
MAX_PREFIX_LENGTH = 100


@api_view(("GET",), login_required=False)
def search_records(request):
    from .service import search  # on first use: see search.views

    try:
        params = parse_params(request.GET, viewer=as_viewer(request))
        # Elasticsearch may still refuse a value (a forged cursor): also a 400.
        result = search(params)
    except InvalidParameter as error:
        raise _invalid(error) from None
    if result.degraded and params.search_after:
        raise ApiError(
            503,
            "search_unavailable",
            _(
                "The search engine is unreachable and cursors need it; retry later, "
                "or page with page= meanwhile."
            ),
        )
    return JsonResponse(result.as_json())


@api_view(("GET",), login_required=False)
def suggest(request):
    prefix = request.GET.get("q", "").strip()
    if not prefix:
        raise ApiError(400, "invalid_parameter", _("Give q, the start of a title."), parameter="q")
    try:
        clean_text("q", prefix, max_length=MAX_PREFIX_LENGTH)
        size = clean_integer("size", request.GET.get("size", "8"), low=1, high=MAX_SUGGESTIONS)
    except InvalidParameter as error:
        raise _invalid(error) from None
    from .service import autocomplete  # on first use: see search.views

    try:
        suggestions, degraded = autocomplete(prefix, viewer=as_viewer(request), size=size)
    except InvalidParameter as error:  # refused by Elasticsearch
        raise _invalid(error) from None
    return JsonResponse({"q": prefix, "suggestions": suggestions, "degraded": degraded})


def _invalid(error: InvalidParameter) -> ApiError:
    return ApiError(400, "invalid_parameter", error.message, parameter=error.parameter)
