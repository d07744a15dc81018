"""The demo's events (issue 18): two editions of the Week, with programmes, each naming
released public records; made once."""

import pytest

from resource_hub.access.records import is_public
from resource_hub.core.vocabularies import SubjectField
from resource_hub.demo.events import EVENTS
from resource_hub.demo.loader import load_demo
from resource_hub.demo.topics import TOPICS
from resource_hub.events.models import EventPage
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.models import RecordPage, TeachingResourcePage
from resource_hub.records.services import record_create_draft, record_release
from tests.world import record_fields


def test_the_table_has_two_editions_of_the_week():
    assert len(EVENTS) == 2
    assert len({row.year for row in EVENTS}) == 2
    for row in EVENTS:
        assert "demo" in row.name_en and row.programme and row.name_zh


@pytest.mark.django_db
def test_the_loader_makes_two_weeks_with_released_records_once():
    load_demo(records=0)
    assert not EventPage.objects.exists()  # no released record to name yet
    institutions = list(InstitutionPage.objects.order_by("pk"))
    admin = institutions[0].owner
    for n in range(12):
        subject = sorted(TOPICS.values())[n % len(TOPICS)][0]
        record = record_create_draft(
            user=admin,
            institution=institutions[n % len(institutions)],
            record_class=TeachingResourcePage,
            creators=[{"name": "Demo Teacher"}],
            **record_fields(title=f"Demo {n}", subject=SubjectField.objects.get(code=subject)),
        )
        record_release(user=admin, record=record)

    first = load_demo(records=0)
    again = load_demo(records=0)

    assert first.events_created == 2 and again.events_created == 0
    events = EventPage.objects.live().order_by("year")
    assert [event.year for event in events] == [2025, 2026]
    named = set()
    for event in events:
        assert event.activities.count() >= 5
        assert event.organisers.exists()
        records = list(RecordPage.objects.live().filter(event=event))
        assert len(records) >= 2
        assert all(is_public(record) for record in records)
        named |= {record.pk for record in records}
    assert len(named) == RecordPage.objects.filter(event__isnull=False).count()
