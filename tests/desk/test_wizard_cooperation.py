"""The wizard's cooperation fields (issue 18): parties, dates, the cross-border mark."""

import datetime

from django.urls import reverse

from resource_hub.core.vocabularies import ResourceType
from resource_hub.records.models import AchievementPage, RecordPage

from .test_wizard import metadata


def agreement(world, **overrides):
    fields = {
        "kind": "achievement",
        "institution": world.inst_a.pk,
        "title": "Agreement on teacher exchange",
        "resource_type": ResourceType.objects.get(code="achievement-cooperation-agreement").pk,
        "cross_border": "on",
        "signed_on": "2025-09-20",
        "ends_on": "2030-09-19",
        "parties": [world.inst_a.pk, world.inst_b.pk],
    }
    return metadata(**{**fields, **overrides})


def test_a_china_only_agreement_is_refused_with_the_message(world, signed_in):
    teacher = signed_in(world.teacher_a)
    before = RecordPage.objects.count()

    response = teacher.post(reverse("desk:record-new"), agreement(world, parties=[world.inst_a.pk]))

    assert response.status_code == 400
    assert (
        "at least one party from China and at least one from an ASEAN" in response.content.decode()
    )
    assert RecordPage.objects.count() == before


def test_an_agreement_is_made_with_its_parties_and_edited_keeping_roles(
    world, signed_in, make_cooperation
):
    teacher = signed_in(world.teacher_a)
    response = teacher.post(reverse("desk:record-new"), agreement(world))

    assert response.status_code == 302, response.content.decode()[:2000]
    record = AchievementPage.objects.get(title="Agreement on teacher exchange")
    assert record.cross_border and record.ends_on == datetime.date(2030, 9, 19)
    # Checkboxes have no order: a new record's parties come by name.
    assert [p.institution_id for p in record.parties.order_by("sort_order")] == [
        world.inst_b.pk,  # Chulalongkorn University
        world.inst_a.pk,  # Yunnan Vocational College of Agriculture
    ]

    existing = make_cooperation(title="Alliance charter", kind="achievement-alliance")
    page = teacher.get(reverse("desk:record-edit", args=[existing.pk])).content.decode()
    assert 'id="desk-cooperation"' in page and 'value="2024-09-20"' in page
    data = agreement(
        world, kind="", title="Alliance charter", parties=[world.inst_b.pk, world.inst_a.pk]
    )
    data["resource_type"] = ResourceType.objects.get(code="achievement-alliance").pk
    assert teacher.post(reverse("desk:record-edit", args=[existing.pk]), data).status_code == 302
    draft = AchievementPage.objects.get(pk=existing.pk).get_latest_revision_as_object()
    assert [(p.institution_id, p.role) for p in draft.parties.all()] == [
        (world.inst_a.pk, "lead"),
        (world.inst_b.pk, "party"),
    ]


def test_a_material_has_no_cooperation_fields(world, signed_in, make_record):
    teacher = signed_in(world.teacher_a)
    record = make_record()
    page = teacher.get(reverse("desk:record-edit", args=[record.pk])).content.decode()
    assert 'id="desk-cooperation"' not in page
