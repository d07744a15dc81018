"""Reads for event pages: the event's released records, its facets and figures.

The records come from public search (`search.service.search`) with the event
as a filter, so the access policy decides what each viewer sees exactly as
on the search page (the index's `query_filter`, or `visible_records` in the
database fallback), and the facets count only those records.
"""

import dataclasses
from dataclasses import dataclass

from django.utils.translation import get_language

from resource_hub.access.records import visible_pages, visible_records
from resource_hub.access.viewers import as_viewer
from resource_hub.core.params import InvalidParameter
from resource_hub.records.models import RecordPage
from resource_hub.stats.selectors import Usage, records_usage
from search.display import facet_views, search_cards, url_with
from search.params import SearchParams, parse_params

from .models import EventPage

#: The facets an event page offers (public search has more).
EVENT_FACETS = ("country", "resource_type", "subject", "level")
#: Search's parameters an event page reads; the rest of the query string is ignored.
EVENT_PARAMETERS = ("page", *EVENT_FACETS)
PAGE_SIZE = 20


@dataclass
class EventListing:
    """One page of an event's records as one viewer may see them."""

    result: object  # search.results.SearchResult
    cards: list
    facets: list  # search.display.FacetView, only EVENT_FACETS
    error: str = ""


def event_params(event: EventPage, data, *, who) -> tuple[SearchParams, str]:
    """Search parameters for the event's records: its own filter and the visitor's facets.

    A bad facet value or page number does not break the page: the event's
    records are listed unfiltered, with the reason (the second item).
    """
    viewer = as_viewer(who)
    kept = {name: data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
            for name in EVENT_PARAMETERS}  # fmt: skip
    error = ""
    try:
        params = parse_params(kept, viewer=viewer)
    except InvalidParameter as invalid:
        params, error = SearchParams(viewer=viewer), invalid.message
    filters = {**params.filters, "event": (str(event.pk),)}
    return (
        dataclasses.replace(params, filters=filters, sort="newest", page_size=PAGE_SIZE),
        error,
    )


def event_listing(event: EventPage, data, *, who) -> EventListing:
    """The event's released records `who` may see, newest first, with facets and counts."""
    # Imported here, as search's page view does: the Elasticsearch client loads on first use.
    from search.service import search

    params, error = event_params(event, data, who=who)
    result = search(params)
    facets = [facet for facet in result.facets if facet.name in EVENT_FACETS]
    return EventListing(
        result=result,
        cards=search_cards(result.hits, records=result.records),
        facets=facet_views(facets),
        error=error,
    )


def event_records(who, event: EventPage):
    """Every released record of the event that `who` may open (the access policy's answer)."""
    return visible_records(who, RecordPage.objects.filter(event=event))


def event_usage(who, event: EventPage) -> Usage:
    """Views and downloads of the event's records that `who` may open (stats' daily figures)."""
    return records_usage(who=who, records=RecordPage.objects.filter(event=event))


def event_page_context(event: EventPage, *, request) -> dict:
    data = request.GET
    listing = event_listing(event, data, who=request)
    language = get_language()
    organisers = list(event.organisers.all().select_related("country").order_by("title"))
    return {
        "listing": listing,
        "event_name": event.name_for(language),
        "organisers": [(page, page.name_for(language)) for page in organisers],
        "activities": list(event.activities.all()),
        "usage": event_usage(request, event),
        "chips": [
            {
                "facet": facet.label,
                "label": value.label,
                "remove_url": page_url(request, remove=(facet.name, value.value)),
            }
            for facet in listing.result.facets
            if facet.name in EVENT_FACETS
            for value in facet.selected
        ],  # fmt: skip
        "clear_url": request.path,
        "previous_url": (
            page_url(request, page=listing.result.params.page - 1)
            if listing.result.has_previous
            else ""
        ),
        "next_url": (
            page_url(request, page=listing.result.params.page + 1)
            if listing.result.has_next
            else ""
        ),
        "search_url_query": f"event={event.pk}",
    }


def page_url(request, **changes) -> str:
    """This page's URL with a facet value removed or the page changed (event parameters only)."""
    return url_with(request, keep_only=EVENT_PARAMETERS, **changes)


def live_events():
    """Released events, newest first: what a record may name (the desk's and the API's
    choice of event). What a viewer is shown goes through `visible_events`."""
    return EventPage.objects.live().order_by("-start_date", "-pk")


def visible_events(who):
    """Released events `who` may open (the access policy's `visible_pages`, so an event
    page's own view restriction holds), newest first: the API's events, a record's event
    and an event's ZIP."""
    return visible_pages(who, EventPage.objects.all()).order_by("-start_date", "-pk")
