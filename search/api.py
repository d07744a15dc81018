"""/api/v1/search and /api/v1/search/suggest (see docs/api/search.md)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

from resource_hub.api.views import ApiError, api_view

from .params import InvalidSearchParameter, parse_params

MAX_SUGGESTIONS = 10


@api_view(("GET",), login_required=False)
def search_records(request):
    from .service import search, viewer_for  # on first use: see search.views

    try:
        params = parse_params(request.GET, viewer=viewer_for(request.user))
    except InvalidSearchParameter as error:
        raise ApiError(400, "invalid_parameter", str(error), parameter=error.parameter) from None
    result = search(params, user=request.user)
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
    if len(prefix) > 100:
        raise ApiError(
            400, "invalid_parameter", _("q is too long: at most 100 characters."), parameter="q"
        )
    try:
        size = int(request.GET.get("size", 8))
    except ValueError:
        size = 0
    if not 1 <= size <= MAX_SUGGESTIONS:
        raise ApiError(
            400,
            "invalid_parameter",
            _("size must be a whole number from 1 to %(max)d.") % {"max": MAX_SUGGESTIONS},
            parameter="size",
        )
    from .service import autocomplete  # on first use: see search.views

    suggestions, degraded = autocomplete(prefix, user=request.user, size=size)
    return JsonResponse({"q": prefix, "suggestions": suggestions, "degraded": degraded})
