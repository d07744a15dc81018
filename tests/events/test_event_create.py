"""Events made through `event_create`: a live page under the index, with its programme."""

import datetime

import pytest

from resource_hub.events.errors import EventError, EventPermissionDenied
from resource_hub.events.models import EventIndexPage, EventPage


def test_an_administrator_creates_a_live_event_with_its_programme(world, make_event):
    event = make_event()
    event.refresh_from_db()
    assert event.live
    assert event.get_parent().specific_class is EventIndexPage
    assert [a.title for a in event.activities.all()] == [
        "Opening ceremony",
        "Vocational skills competition",
    ]
    assert list(event.organisers.all()) == [world.inst_a]
    assert event.name_for("zh-hans") == "2025中国—东盟教育交流周"
    assert event.name_for("th") == "China–ASEAN Education Cooperation Week 2025"


def test_bootstrap_makes_the_events_index_once(world):
    from resource_hub.portal.services import site_bootstrap

    site_bootstrap()
    assert EventIndexPage.objects.count() == 1


def test_a_teacher_may_not_create_an_event(world, make_event):
    with pytest.raises(EventPermissionDenied):
        make_event(user=world.teacher_a)
    assert not EventPage.objects.exists()


def test_the_last_day_cannot_come_before_the_first(world, make_event):
    with pytest.raises(EventError, match="last day"):
        make_event(end_date=datetime.date(2025, 8, 1))
    assert not EventPage.objects.exists()


def test_an_activity_without_a_title_is_refused(world, make_event):
    with pytest.raises(EventError):
        make_event(activities=[{"title": ""}])
    assert not EventPage.objects.exists()


def test_an_event_left_unpublished_is_not_shown(world, make_event, client):
    event = make_event(publish=False)
    assert not EventPage.objects.get(pk=event.pk).live
    assert client.get(event.get_parent().url).status_code == 200
    assert event.title not in client.get(event.get_parent().url).content.decode()
