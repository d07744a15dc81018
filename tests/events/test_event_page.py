"""The event page: its released records through public search, as each viewer may see them."""

import pytest

from resource_hub.core.vocabularies import Country
from resource_hub.events.selectors import event_listing
from resource_hub.records.models import AccessLevel
from search import lifecycle


@pytest.fixture
def event_world(world, make_event, make_record, release):
    """An event with a public record, a members-only record and a draft of institution A,
    a public record of institution B, and a public record of A not at the event."""
    event = make_event()
    made = {
        "public": release(make_record(title="Rice lesson released at the Week", event=event)),
        "members": release(
            make_record(
                title="Members-only slides of the Week",
                event=event,
                access_level=AccessLevel.INSTITUTION,
            )
        ),
        "draft": make_record(title="Draft poster of the Week", event=event),
        "partner": release(
            make_record(
                title="Thai partner's report at the Week",
                event=event,
                author=world.teacher_b,
                institution=world.inst_b,
            ),
        ),
        "elsewhere": release(make_record(title="A lesson released elsewhere")),
    }
    return event, made


def _titles(listing) -> set[str]:
    return {hit.title for hit in listing.result.hits}


def _check_listing(event, made, world):
    anonymous = event_listing(event, {}, who=None)
    assert _titles(anonymous) == {
        "Rice lesson released at the Week",
        "Thai partner's report at the Week",
    }
    assert anonymous.result.total == 2
    member = event_listing(event, {}, who=world.member_a)
    assert _titles(member) == {
        "Rice lesson released at the Week",
        "Members-only slides of the Week",
        "Thai partner's report at the Week",
    }
    # The author sees their draft in the desk, never in a listing of released records.
    author = event_listing(event, {}, who=world.teacher_a)
    assert "Draft poster of the Week" not in _titles(author)
    outsider = event_listing(event, {}, who=world.teacher_b)
    assert "Members-only slides of the Week" not in _titles(outsider)
    return anonymous


def _facet(listing, name) -> dict[str, int | None]:
    for facet in listing.result.facets:
        if facet.name == name:
            return {value.value: value.count for value in facet.values}
    return {}


def test_the_event_lists_what_each_viewer_may_see_from_the_index(es_client, event_world, world):
    event, made = event_world
    for record in made.values():
        record.refresh_from_db()
    lifecycle.rebuild()
    anonymous = _check_listing(event, made, world)
    assert not anonymous.result.degraded
    assert _facet(anonymous, "country") == {"CN": 1, "TH": 1}
    assert {facet.name for facet in anonymous.facets} <= {
        "country",
        "resource_type",
        "subject",
        "level",
    }
    narrowed = event_listing(event, {"country": ["TH"]}, who=None)
    assert _titles(narrowed) == {"Thai partner's report at the Week"}


def test_the_event_lists_what_each_viewer_may_see_from_the_database(settings, event_world, world):
    settings.ELASTICSEARCH_URL = ""
    event, made = event_world
    anonymous = _check_listing(event, made, world)
    assert anonymous.result.degraded
    narrowed = event_listing(event, {"country": ["TH"]}, who=None)
    assert _titles(narrowed) == {"Thai partner's report at the Week"}


def test_the_event_page_shows_its_records_programme_and_download(
    settings, event_world, world, client
):
    settings.ELASTICSEARCH_URL = ""
    event, made = event_world
    html = client.get(event.url).content.decode()
    assert "Rice lesson released at the Week" in html
    assert "Thai partner&#x27;s report at the Week" in html
    assert "Members-only slides" not in html
    assert "Draft poster" not in html
    assert "A lesson released elsewhere" not in html
    assert "Vocational skills competition" in html
    assert f"/events/{event.pk}/files.zip" in html
    client.force_login(world.member_a)
    assert "Members-only slides of the Week" in client.get(event.url).content.decode()


def test_a_bad_facet_value_lists_the_event_unfiltered_with_the_reason(
    settings, event_world, client
):
    settings.ELASTICSEARCH_URL = ""
    event, _made = event_world
    response = client.get(event.url, {"country": "not a country"})
    assert response.status_code == 200
    assert "Rice lesson released at the Week" in response.content.decode()
    assert 'role="alert"' in response.content.decode()


def test_the_event_facet_of_public_search(es_client, event_world, world):
    from resource_hub.access.viewers import viewer_of
    from search.params import parse_params
    from search.service import search

    event, _made = event_world
    lifecycle.rebuild()
    result = search(parse_params({"event": [str(event.pk)]}, viewer=viewer_of(None)))
    assert {hit.title for hit in result.hits} == {
        "Rice lesson released at the Week",
        "Thai partner's report at the Week",
    }
    everything = search(parse_params({}, viewer=viewer_of(None)))
    facet = next(f for f in everything.facets if f.name == "event")
    assert [(v.value, v.label, v.count) for v in facet.values] == [(str(event.pk), event.title, 2)]


def test_the_event_facet_of_the_database_search(settings, event_world):
    from resource_hub.access.viewers import viewer_of
    from search.params import parse_params
    from search.service import search

    settings.ELASTICSEARCH_URL = ""
    event, _made = event_world
    everything = search(parse_params({}, viewer=viewer_of(None)))
    assert everything.degraded
    facet = next(f for f in everything.facets if f.name == "event")
    assert [(v.value, v.count) for v in facet.values] == [(str(event.pk), 2)]
    only = search(parse_params({"event": [str(event.pk)]}, viewer=viewer_of(None)))
    assert only.total == 2


def test_the_index_document_names_the_event(es_client, event_world):
    from search.indexing import documents_for, indexable_records

    event, made = event_world
    [document] = documents_for(indexable_records().filter(pk=made["public"].pk))
    assert document["event"] == {
        "id": str(event.pk),
        "name": event.title,
        "name_local": event.name_local,
        "year": 2025,
    }
    [other] = documents_for(indexable_records().filter(pk=made["elsewhere"].pk))
    assert other["event"] is None
    assert Country.objects.filter(code="CN").exists()


def test_a_record_page_names_its_released_event(world, make_event, make_record, release, client):
    event = make_event()
    record = release(make_record(event=event))
    html = client.get(record.url).content.decode()
    assert "Released at" in html and f'href="{event.url}"' in html
    hidden = make_event(name_en="A week in preparation", publish=False)
    other = release(make_record(title="Another lesson", event=hidden))
    assert "Released at" not in client.get(other.url).content.decode()


def test_the_zip_of_an_event_behind_a_sign_in_is_for_those_signed_in(event_world, client, world):
    """The event page's own view restriction holds for its "Download all files" too."""
    from django.urls import reverse
    from wagtail.models import PageViewRestriction

    event, _made = event_world
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    url = reverse("bundles:event_files", args=[event.pk])

    assert client.get(url).status_code == 404
    client.force_login(world.teacher_b)
    assert client.get(url).status_code == 200
