"""Fixtures for a small world: two institutions, their people and an administrator.

Loaded as a pytest plugin by tests/conftest.py.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from resource_hub.core.vocabularies import Country, Language, Licence, ResourceType
from resource_hub.events.services import event_create
from resource_hub.files.services import document_create
from resource_hub.institutions.services import Role, institution_create, membership_add
from resource_hub.portal.services import site_bootstrap
from resource_hub.records.models import AchievementPage, TeachingResourcePage
from resource_hub.records.services import file_attach, record_create_draft, record_release


@dataclass
class World:
    admin: object
    inst_a: object
    inst_b: object
    teacher_a: object
    teacher_b: object
    editor_a: object
    editor_b: object
    member_a: object  # a second teacher of institution A, not the author


def make_user(username, **extra):
    return get_user_model().objects.create_user(username=username, password="pw", **extra)


@pytest.fixture
def world(db):
    site_bootstrap()
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    inst_a = institution_create(
        user=admin,
        name_en="Yunnan Vocational College of Agriculture",
        name_local="云南农业职业技术学院",
        country=Country.objects.get(code="CN"),
        institution_type="vocational_college",
    )
    inst_b = institution_create(
        user=admin,
        name_en="Chulalongkorn University",
        name_local="จุฬาลงกรณ์มหาวิทยาลัย",
        country=Country.objects.get(code="TH"),
        institution_type="university",
    )
    users = {}
    for name, institution, role in [
        ("teacher_a", inst_a, Role.TEACHER),
        ("member_a", inst_a, Role.TEACHER),
        ("editor_a", inst_a, Role.EDITOR),
        ("teacher_b", inst_b, Role.TEACHER),
        ("editor_b", inst_b, Role.EDITOR),
    ]:
        users[name] = make_user(name)
        membership_add(user=admin, member=users[name], institution=institution, role=role)
    return World(admin=admin, inst_a=inst_a, inst_b=inst_b, **users)


def record_fields(kind="material", **overrides):
    fields = {
        "title": "水稻栽培技术 Rice cultivation techniques",
        "abstract": "A lesson plan for second-year students of crop production.",
        "language": Language.objects.get(code="zh"),
        "resource_type": ResourceType.objects.filter(applies_to=kind).first(),
        "licence": Licence.objects.get(code="CC-BY-4.0"),
        "year": 2025,
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def make_record(world):
    def make(*, author=None, institution=None, record_class=TeachingResourcePage, **overrides):
        kind = "achievement" if record_class is AchievementPage else "material"
        return record_create_draft(
            user=author or world.teacher_a,
            institution=institution or world.inst_a,
            record_class=record_class,
            creators=[{"name": "Li Wei", "orcid": "0000-0002-1825-0097"}],
            keywords=["水稻", "rice"],
            **record_fields(kind, **overrides),
        )

    return make


@pytest.fixture
def released_with_file(world, make_record, s3_storage):
    """Make a record of institution A holding one small text file, released by its editor.

    `released_with_file(**record_fields)` returns (record, document); the file is
    stored in the test's own prefix of the real bucket.
    """

    def make(**overrides):
        record = make_record(**overrides)
        document = document_create(
            user=world.teacher_a,
            collection=world.inst_a.collection,
            file=ContentFile(b"lesson notes\n", name="notes.txt"),
        )
        file_attach(user=world.teacher_a, record=record, document=document)
        record_release(user=world.editor_a, record=record)
        record.refresh_from_db()
        return record, document

    return make


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
def make_cooperation(world, make_record):
    """A cooperation record (agreement by default) of institution A, parties A and B unless told."""

    def make(*, kind="achievement-cooperation-agreement", parties=None, **overrides):
        if parties is None:
            parties = [
                {"institution": world.inst_a, "role": "lead"},
                {"institution": world.inst_b, "role": "party"},
            ]
        fields = {
            "title": "Agreement on vocational teacher exchange",
            "resource_type": ResourceType.objects.get(code=kind),
            "cross_border": True,
            "signed_on": datetime.date(2024, 9, 20),
            "ends_on": datetime.date(2029, 9, 19),
            "year": 2024,
        }
        fields.update(overrides)
        return make_record(record_class=AchievementPage, parties=parties, **fields)

    return make
