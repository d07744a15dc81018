"""The public search page, `/search/`: a GET form that works without JavaScript.

Views only parse parameters and call `service`; the links for chips, facet
checkboxes and pages are built from the request's own query string, so
every state of the page is a shareable URL.
"""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from resource_hub.access.viewers import as_viewer
from resource_hub.core.params import InvalidParameter, without_control_characters

from .display import facet_views, search_cards
from .facets import SORTS
from .params import parse_params


@require_GET
def search_page(request):
    # Imported here: the Elasticsearch client (~18 MiB) loads in a worker when it
    # first serves a search, not in every process that imports the URLconf.
    from .service import search

    try:
        params = parse_params(request.GET, viewer=as_viewer(request))
        # Elasticsearch may still refuse a value (a forged cursor): also a 400.
        result = search(params)
    except InvalidParameter as error:
        q = without_control_characters(request.GET.get("q", ""))[:200]
        context = {"error": error.message, "q": q, "sorts": _sorts()}
        return render(request, "search/search_page.html", context, status=400)
    return render(
        request,
        "search/search_page.html",
        {
            "result": result,
            "cards": search_cards(result.hits, records=result.records),
            "facets": facet_views(result.facets),
            "selected_count": sum(len(facet.selected) for facet in result.facets),
            "q": params.q,
            "sorts": _sorts(),
            "chips": _chips(request, result),
            "clear_url": _url(request, keep_only=("q", "sort")),
            "previous_url": _url(request, page=params.page - 1) if result.has_previous else "",
            "next_url": _url(request, page=params.page + 1) if result.has_next else "",
            "suggestion_url": _url(request, q=result.suggestion) if result.suggestion else "",
        },
    )


def _sorts():
    return [(value, label) for value, (label, _sort) in SORTS.items()]


def _url(request, *, keep_only=None, remove=None, **changes) -> str:
    """This page's URL with parameters changed; any change but `page` goes back to page 1."""
    query = request.GET.copy()
    if keep_only is not None:
        for key in list(query):
            if key not in keep_only:
                del query[key]
    if remove:
        name, value = remove
        query.setlist(name, [v for v in query.getlist(name) if v != value])
    for key, value in changes.items():
        query[key] = str(value)
    if "page" not in changes:
        query.pop("page", None)
    for key in [key for key, values in query.lists() if not any(values)]:
        del query[key]
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


def _chips(request, result) -> list[dict]:
    """One removable chip per selected facet value."""
    return [
        {
            "facet": facet.label,
            "label": value.label,
            "remove_url": _url(request, remove=(facet.name, value.value)),
        }
        for facet in result.facets
        for value in facet.selected
    ]
