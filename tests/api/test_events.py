"""Events in the API: the list and detail, a record's `event` read and written, the filter."""

import pytest
from django.urls import reverse

from resource_hub.records.models import AccessLevel, RecordPage
from resource_hub.records.services import record_release

from .test_record_writes import call, new_record, no_rate_limits  # noqa: F401 - fixtures


def url(name, *args):
    return reverse(f"api:{name}", args=args)


@pytest.fixture
def week(world, make_event, make_record):
    event = make_event()
    public = record_release(user=world.editor_a, record=make_record(event=event))
    members = make_record(event=event, title="Members only", access_level=AccessLevel.INSTITUTION)
    record_release(user=world.editor_a, record=members)
    make_record(event=event, title="A draft")
    return event, public


def test_events_are_listed_with_what_the_caller_may_open(world, call, week, make_event):  # noqa: F811
    event, _public = week
    make_event(name_en="A week in preparation", publish=False)
    answer = call("anonymous", "get", url("events"))
    assert answer.status_code == 200
    body = answer.json()
    assert [e["name"] for e in body["results"]] == [event.title]
    assert body["results"][0]["record_count"] == 1
    assert body["results"][0]["links"]["records"].endswith(f"?event={event.pk}")
    member = call("member_a", "get", url("events")).json()
    assert member["results"][0]["record_count"] == 2

    detail = call("anonymous", "get", url("event", event.pk)).json()
    assert [a["title"] for a in detail["programme"]] == [
        "Opening ceremony",
        "Vocational skills competition",
    ]
    assert detail["organisers"][0]["id"] == world.inst_a.pk
    assert detail["name_local"] == "2025中国—东盟教育交流周"


def test_an_unreleased_event_is_404(world, call, make_event):  # noqa: F811
    hidden = make_event(publish=False)
    assert call("anonymous", "get", url("event", hidden.pk)).status_code == 404


def test_an_event_behind_a_sign_in_is_shown_to_those_signed_in(world, call, week):  # noqa: F811
    """The event page's own view restriction holds in the API: list, detail, a record's event."""
    from wagtail.models import PageViewRestriction

    event, public = week
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)

    assert call("anonymous", "get", url("events")).json()["results"] == []
    assert call("anonymous", "get", url("event", event.pk)).status_code == 404
    assert call("anonymous", "get", url("record", public.pk)).json()["event"] is None
    assert call("teacher_b", "get", url("event", event.pk)).status_code == 200
    assert call("teacher_b", "get", url("record", public.pk)).json()["event"]["id"] == event.pk


def test_a_record_names_its_event(world, call, week):  # noqa: F811
    event, public = week
    body = call("anonymous", "get", url("record", public.pk)).json()
    assert body["event"]["id"] == event.pk
    assert body["event"]["links"]["self"] == url("event", event.pk)


def test_a_record_is_created_and_changed_with_an_event(world, call, make_event):  # noqa: F811
    event = make_event()
    answer = call("teacher_a", "post", url("record-create"), new_record(event=event.pk))
    assert answer.status_code == 201, answer.content
    record_id = answer.json()["id"]
    assert answer.json()["event"]["id"] == event.pk
    assert RecordPage.objects.get(pk=record_id).event_id == event.pk

    cleared = call("teacher_a", "patch", url("record-update", record_id), {"event": None})
    assert cleared.status_code == 200, cleared.content
    assert cleared.json()["event"] is None


def test_an_unknown_or_unreleased_event_is_refused_naming_the_field(world, call, make_event):  # noqa: F811
    hidden = make_event(publish=False)
    for value in (hidden.pk, 999999):
        answer = call("teacher_a", "post", url("record-create"), new_record(event=value))
        assert answer.status_code == 422
        assert answer.json()["error"]["parameter"] == "event"
        assert answer.json()["error"]["code"] == "unknown_event"
    assert not RecordPage.objects.exists()


def test_records_are_filtered_by_event(world, call, week, settings):  # noqa: F811
    settings.ELASTICSEARCH_URL = ""  # the database search answers the same filter
    event, public = week
    body = call("anonymous", "get", f"{url('records')}?event={event.pk}").json()
    assert [item["id"] for item in body["results"]] == [public.pk]
