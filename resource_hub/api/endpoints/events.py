"""Events where records are released (docs/api/catalogue.md, "Events"; issue 18).

Released events are public pages: everyone sees the same list. The records of
an event are the access policy's answer for the caller, counted as the event's
page counts them, and listed by GET /records?event=<id> (search).
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from resource_hub.api.auth import PUBLIC
from resource_hub.api.errors import not_found
from resource_hub.api.schemas import CodeLabel, errors
from resource_hub.core.params import MAX_ID
from resource_hub.events.models import EventPage
from resource_hub.events.selectors import event_records, visible_events

from .catalogue import _paging
from .catalogue_schemas import PageQuery, Paging

router = Router(tags=["catalogue"], auth=PUBLIC)


class EventLinks(Schema):
    self: str
    html: str | None
    records: str = Field(description="The event's records in GET /records.")


class ActivityOut(Schema):
    title: str
    date: str | None = Field(description="YYYY-MM-DD.")
    place: str | None
    description: str | None


class OrganiserOut(Schema):
    id: int
    name: str
    links: dict[str, str]


class EventOut(Schema):
    id: int
    name: str = Field(description="The English name.")
    name_local: str | None = Field(description="The name in the event's own language.")
    language: str | None = Field(description="ISO 639 code of `name_local`.")
    edition: str | None
    year: int
    start_date: str = Field(description="YYYY-MM-DD.")
    end_date: str = Field(description="YYYY-MM-DD.")
    place: str
    country: CodeLabel | None
    organisers: list[OrganiserOut]
    other_organisers: str | None
    description: str | None
    record_count: int = Field(description="Released records of the event the caller may open.")
    links: EventLinks


class EventDetailOut(EventOut):
    programme: list[ActivityOut]


class EventsOut(Paging):
    results: list[EventOut]


def _event_json(request, event: EventPage, *, programme: bool = False) -> dict:
    language = translation.get_language()
    data = {
        "id": event.pk,
        "name": event.title,
        "name_local": event.name_local or None,
        "language": event.language_id,
        "edition": event.edition or None,
        "year": event.year,
        "start_date": event.start_date.isoformat(),
        "end_date": event.end_date.isoformat(),
        "place": event.place,
        "country": (
            {"code": event.country_id, "label": event.country.label} if event.country else None
        ),
        "organisers": [
            {
                "id": page.pk,
                "name": page.name_for(language),
                "links": {"self": reverse("api:institution", args=[page.pk])},
            }
            for page in event.organisers.all().order_by("title")
        ],
        "other_organisers": event.other_organisers or None,
        "description": event.description or None,
        "record_count": event_records(request, event).count(),
        "links": {
            "self": reverse("api:event", args=[event.pk]),
            "html": event.get_url(),
            "records": f"{reverse('api:records')}?event={event.pk}",
        },
    }
    if programme:
        data["programme"] = [
            {
                "title": activity.title,
                "date": activity.date.isoformat() if activity.date else None,
                "place": activity.place or None,
                "description": activity.description or None,
            }
            for activity in event.activities.all()
        ]
    return data


@router.get("/events", response={200: EventsOut, **errors(400, 401, 429)}, url_name="events")
def event_list(request, query: Query[PageQuery]):
    """Released events, newest first."""
    events = visible_events(request).select_related("country")
    offset, limit, paging = _paging(request, "api:events", events.count())
    results = [_event_json(request, event) for event in events[offset : offset + limit]]
    return {**paging, "results": results}


@router.get(
    "/events/{id}",
    response={200: EventDetailOut, **errors(400, 401, 404, 429)},
    url_name="event",
)
def event_detail(request, id: int = Path(..., ge=1, le=MAX_ID)):  # noqa: A002
    """One released event, with its programme."""
    event = visible_events(request).select_related("country").filter(pk=id).first()
    if event is None:
        raise not_found(_("There is no such event."))
    return _event_json(request, event, programme=True)
