"""Cooperation records through the services: parties, dates and the cross-border rule (issue 18)."""

import datetime

import pytest

from resource_hub.core.vocabularies import Country, ResourceType
from resource_hub.institutions.services import institution_create
from resource_hub.records.cooperation import Status, status_of
from resource_hub.records.errors import RecordError
from resource_hub.records.models import AchievementPage, RecordPage, RecordParty
from resource_hub.records.services import record_release, record_update_draft


@pytest.fixture
def japanese(world):
    return institution_create(
        user=world.admin,
        name_en="Hiroshima University",
        name_local="広島大学",
        country=Country.objects.get(code="JP"),
        institution_type="university",
    )


def test_the_cooperation_types_are_achievement_types(db):
    codes = set(
        ResourceType.objects.filter(applies_to="achievement").values_list("code", flat=True)
    )
    assert {
        "achievement-cooperation-agreement",
        "achievement-alliance",
        "achievement-centre",
        "achievement-training-base",
    } <= codes
    assert (
        ResourceType.objects.get(code="achievement-training-base").labels["zh-hans"] == "培训基地"
    )


def test_a_cross_border_agreement_keeps_its_parties_in_order(world, make_cooperation):
    record = make_cooperation()

    rows = list(RecordParty.objects.filter(record=record).order_by("sort_order"))
    assert [(row.institution_id, row.role) for row in rows] == [
        (world.inst_a.pk, "lead"),
        (world.inst_b.pk, "party"),
    ]
    saved = AchievementPage.objects.get(pk=record.pk)
    assert saved.cross_border and saved.signed_on == datetime.date(2024, 9, 20)


def test_a_china_only_cross_border_agreement_is_refused_and_writes_nothing(world, make_cooperation):
    before = (RecordPage.objects.count(), RecordParty.objects.count())

    with pytest.raises(RecordError) as refused:
        make_cooperation(parties=[{"institution": world.inst_a}])

    assert "at least one party from China and at least one from an ASEAN member" in str(
        refused.value
    )
    assert refused.value.parameter == "parties" and refused.value.status == 422
    assert (RecordPage.objects.count(), RecordParty.objects.count()) == before


def test_an_asean_party_must_be_of_a_member_state(world, make_cooperation, japanese):
    with pytest.raises(RecordError, match="ASEAN member state"):
        make_cooperation(parties=[{"institution": world.inst_a}, {"institution": japanese}])


def test_without_the_cross_border_mark_one_country_is_enough(world, make_cooperation):
    record = make_cooperation(parties=[{"institution": world.inst_a}], cross_border=False)
    assert record.parties.count() == 1


def test_only_cooperation_records_name_parties(world, make_record):
    with pytest.raises(RecordError, match="Only a cooperation agreement"):
        make_record(
            record_class=AchievementPage,
            resource_type=ResourceType.objects.get(code="achievement-paper"),
            parties=[{"institution": world.inst_b}],
        )


def test_dates_must_hold_together(world, make_cooperation):
    with pytest.raises(RecordError, match="end date is before"):
        make_cooperation(signed_on=datetime.date(2025, 1, 1), ends_on=datetime.date(2024, 1, 1))
    with pytest.raises(RecordError, match="left before it joined"):
        make_cooperation(
            kind="achievement-alliance",
            parties=[
                {"institution": world.inst_a, "role": "lead"},
                {
                    "institution": world.inst_b,
                    "role": "member",
                    "joined": datetime.date(2025, 3, 1),
                    "left": datetime.date(2024, 3, 1),
                },
            ],
        )
    with pytest.raises(RecordError, match="only once"):
        make_cooperation(parties=[{"institution": world.inst_a}, {"institution": world.inst_a}])


def test_an_update_replaces_the_parties_and_is_checked_too(world, make_cooperation):
    record = make_cooperation()

    with pytest.raises(RecordError, match="ASEAN member"):
        record_update_draft(
            user=world.teacher_a, record=record, parties=[{"institution": world.inst_a}]
        )
    record_update_draft(
        user=world.teacher_a,
        record=record,
        parties=[{"institution": world.inst_b, "role": "lead"}, {"institution": world.inst_a}],
    )
    record_release(user=world.editor_a, record=record)

    rows = RecordParty.objects.filter(record=record).order_by("sort_order")
    assert [(row.institution_id, row.role) for row in rows] == [
        (world.inst_b.pk, "lead"),
        (world.inst_a.pk, "party"),
    ]


@pytest.mark.parametrize(
    ("signed", "ends", "today", "status"),
    [
        (
            datetime.date(2024, 1, 1),
            datetime.date(2026, 12, 31),
            datetime.date(2026, 12, 31),
            Status.IN_FORCE,
        ),
        (
            datetime.date(2024, 1, 1),
            datetime.date(2026, 12, 31),
            datetime.date(2027, 1, 1),
            Status.EXPIRED,
        ),
        (datetime.date(2024, 1, 1), None, datetime.date(2040, 1, 1), Status.IN_FORCE),
        (datetime.date(2027, 1, 1), None, datetime.date(2026, 1, 1), Status.PENDING),
        (None, None, datetime.date(2026, 1, 1), Status.UNDATED),
    ],
)
def test_the_status_follows_the_dates(signed, ends, today, status):
    assert status_of(signed_on=signed, ends_on=ends, today=today) == status
