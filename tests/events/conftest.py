import datetime

import pytest

from resource_hub.core.vocabularies import Country, Language
from resource_hub.events.services import event_create
from resource_hub.records.services import record_release


@pytest.fixture
def make_event(world):
    def make(**overrides):
        fields = {
            "user": world.admin,
            "name_en": "China–ASEAN Education Cooperation Week 2025",
            "name_local": "2025中国—东盟教育交流周",
            "language": Language.objects.get(code="zh"),
            "edition": "18th",
            "year": 2025,
            "start_date": datetime.date(2025, 9, 1),
            "end_date": datetime.date(2025, 9, 5),
            "place": "Guiyang",
            "country": Country.objects.get(code="CN"),
            "organisers": [world.inst_a],
            "activities": [
                {"title": "Opening ceremony", "date": datetime.date(2025, 9, 1), "place": "Hall A"},
                {"title": "Vocational skills competition", "place": "Training base"},
            ],
        }
        fields.update(overrides)
        return event_create(**fields)

    return make


@pytest.fixture
def release(world):
    """Release a record as its institution's editor."""

    def release(record):
        editor = world.editor_b if record.get_parent().pk == world.inst_b.pk else world.editor_a
        return record_release(user=editor, record=record)

    return release
