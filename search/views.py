"""The public search page, `/search/`: a GET form that works without JavaScript.

Views only parse parameters and call `service`; the links for chips, facet
checkboxes and pages are built from the request's own query string, so
every state of the page is a shareable URL.
"""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from resource_hub.access.viewers import as_viewer
from resource_hub.core.params import InvalidParameter, without_control_characters

from .display import facet_views, search_cards, url_with
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
            "clear_url": url_with(request, keep_only=("q", "sort")),
            "previous_url": url_with(request, page=params.page - 1) if result.has_previous else "",
            "next_url": url_with(request, page=params.page + 1) if result.has_next else "",
            "suggestion_url": url_with(request, q=result.suggestion) if result.suggestion else "",
        },
    )


def _sorts():
    return [(value, label) for value, (label, _sort) in SORTS.items()]


def _chips(request, result) -> list[dict]:
    """One removable chip per selected facet value."""
    return [
        {
            "facet": facet.label,
            "label": value.label,
            "remove_url": url_with(request, remove=(facet.name, value.value)),
        }
        for facet in result.facets
        for value in facet.selected
    ]
