"""Submit → review → release, and every refusal along the way."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry, PageViewRestriction, WorkflowState

from resource_hub.records.errors import InvalidTransition, RecordError, RecordPermissionDenied
from resource_hub.records.models import AccessLevel, TeachingResourcePage
from resource_hub.records.services import (
    record_create_draft,
    record_reject,
    record_release,
    record_submit,
    record_unpublish,
    record_update_draft,
    record_withdraw,
)
from tests.world import record_fields


def actions(record):
    return list(
        PageLogEntry.objects.filter(page=record).order_by("pk").values_list("action", flat=True)
    )


def test_teacher_drafts_submits_editor_releases(world, make_record):
    record = make_record()
    assert not record.live
    assert record.owner == world.teacher_a
    assert sorted(TeachingResourcePage.objects.get(pk=record.pk).keywords.names()) == [
        "rice",
        "水稻",
    ]

    record_submit(user=world.teacher_a, record=record)
    assert record.workflow_states.get().status == WorkflowState.STATUS_IN_PROGRESS

    record_release(user=world.editor_a, record=record, comment="Well described.")
    record.refresh_from_db()

    assert record.live
    assert record.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    assert actions(record) == [
        "wagtail.create",
        "wagtail.workflow.start",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ]


def test_rejection_comment_reaches_the_teacher_who_resubmits(world, make_record):
    record = make_record()
    record_submit(user=world.teacher_a, record=record)

    record_reject(user=world.editor_a, record=record, comment="Add the English abstract, please.")

    state = record.workflow_states.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Add the English abstract, please."
    assert "wagtail.workflow.reject" in actions(record)

    record_update_draft(
        user=world.teacher_a, record=record, abstract="Now with an English abstract."
    )
    record_submit(user=world.teacher_a, record=record)
    assert record.workflow_states.get().status == WorkflowState.STATUS_IN_PROGRESS
    assert "wagtail.workflow.resume" in actions(record)


def test_teacher_cannot_create_in_another_institution(world):
    with pytest.raises(RecordPermissionDenied, match="own institution"):
        record_create_draft(
            user=world.teacher_a,
            institution=world.inst_b,
            record_class=TeachingResourcePage,
            creators=[{"name": "Li Wei"}],
            **record_fields(),
        )
    assert not TeachingResourcePage.objects.exists()


@pytest.mark.parametrize(
    ("who", "error"),
    [("teacher_a", RecordPermissionDenied), ("editor_b", RecordPermissionDenied)],
)
def test_only_own_editors_release(world, make_record, who, error):
    record = make_record()
    record_submit(user=world.teacher_a, record=record)

    with pytest.raises(error):
        record_release(user=getattr(world, who), record=record)

    record.refresh_from_db()
    assert not record.live
    assert record.workflow_states.get().status == WorkflowState.STATUS_IN_PROGRESS


def test_invalid_transitions_are_refused_and_change_nothing(world, make_record):
    record = make_record()
    with pytest.raises(InvalidTransition, match="under review"):
        record_reject(user=world.editor_a, record=record, comment="No")
    with pytest.raises(InvalidTransition, match="not released"):
        record_unpublish(user=world.editor_a, record=record)

    record_submit(user=world.teacher_a, record=record)
    with pytest.raises(InvalidTransition, match="already waiting"):
        record_submit(user=world.teacher_a, record=record)
    with pytest.raises(RecordError, match="comment"):
        record_reject(user=world.editor_a, record=record, comment="  ")

    record_release(user=world.editor_a, record=record)
    with pytest.raises(InvalidTransition, match="already released"):
        record_release(user=world.editor_a, record=record)
    with pytest.raises(InvalidTransition, match="no changes"):
        record_submit(user=world.teacher_a, record=record)

    record.refresh_from_db()
    assert record.live
    assert actions(record).count("wagtail.publish") == 1


def test_editor_unpublishes_and_withdraws_with_reason(world, make_record):
    record = make_record()
    record_release(user=world.editor_a, record=record)

    record_withdraw(user=world.editor_a, record=record, reason="Duplicate of another record.")

    record.refresh_from_db()
    assert not record.live
    entry = PageLogEntry.objects.filter(page=record, action="records.withdraw").get()
    assert entry.data == {"reason": "Duplicate of another record."}
    assert entry.user == world.editor_a

    with pytest.raises(RecordPermissionDenied):
        record_release(user=world.teacher_a, record=record)


def test_teacher_cannot_unpublish(world, make_record):
    record = make_record()
    record_release(user=world.editor_a, record=record)

    with pytest.raises(RecordPermissionDenied):
        record_unpublish(user=world.teacher_a, record=record)
    assert TeachingResourcePage.objects.get(pk=record.pk).live


def test_embargo_schedules_release_until_go_live(world, make_record):
    go_live = timezone.now() + timedelta(days=30)
    record = make_record(go_live_at=go_live)

    record_release(user=world.editor_a, record=record)

    record.refresh_from_db()
    assert not record.live
    scheduled = record.get_latest_revision().approved_go_live_at
    assert abs(scheduled - go_live) < timedelta(milliseconds=1)  # revisions keep milliseconds
    assert "wagtail.publish.schedule" in actions(record)


@pytest.mark.parametrize(
    ("level", "restriction"),
    [
        (AccessLevel.PUBLIC, None),
        (AccessLevel.REGISTERED, PageViewRestriction.LOGIN),
        (AccessLevel.INSTITUTION, PageViewRestriction.GROUPS),
    ],
)
def test_release_applies_the_access_level(world, make_record, level, restriction):
    record = make_record(access_level=level)

    record_release(user=world.editor_a, record=record)

    restrictions = list(PageViewRestriction.objects.filter(page=record))
    assert [r.restriction_type for r in restrictions] == ([restriction] if restriction else [])
    if restriction == PageViewRestriction.GROUPS:
        assert set(restrictions[0].groups.all()) == {
            world.inst_a.teachers_group,
            world.inst_a.editors_group,
        }


def test_access_change_applies_only_when_released(world, make_record):
    record = make_record(access_level=AccessLevel.INSTITUTION)
    record_release(user=world.editor_a, record=record)

    record_update_draft(user=world.teacher_a, record=record, access_level=AccessLevel.PUBLIC)
    assert PageViewRestriction.objects.filter(page=record).exists()  # draft changes nothing yet

    record_release(user=world.editor_a, record=record)
    assert not PageViewRestriction.objects.filter(page=record).exists()


def test_wrong_resource_type_kind_is_refused(world):
    from resource_hub.core.vocabularies import ResourceType

    with pytest.raises(RecordError, match="cannot be used for a record of this kind"):
        record_create_draft(
            user=world.teacher_a,
            institution=world.inst_a,
            record_class=TeachingResourcePage,
            creators=[{"name": "Li Wei"}],
            **record_fields(resource_type=ResourceType.objects.get(code="achievement-patent")),
        )
    assert not TeachingResourcePage.objects.exists()


def test_bad_orcid_is_refused_with_a_clear_message(world):
    with pytest.raises(RecordError, match="orcid: .*ORCID"):
        record_create_draft(
            user=world.teacher_a,
            institution=world.inst_a,
            record_class=TeachingResourcePage,
            creators=[{"name": "Li Wei", "orcid": "0000-0002-1825-0098"}],
            **record_fields(),
        )
    assert not TeachingResourcePage.objects.exists()


@pytest.mark.parametrize(
    ("title", "english", "slug"),
    [
        ("水稻栽培技术", None, "水稻栽培技术"),
        ("การปลูกข้าวอินทรีย์", "Organic rice farming", "organic-rice-farming"),
        ("ធនធានសិក្សា", None, "record"),
        ("Marine biology field guide", None, "marine-biology-field-guide"),
    ],
)
def test_record_urls_stay_readable_in_every_script(world, make_record, title, english, slug):
    from resource_hub.core.vocabularies import Language

    translations = (
        [{"language": Language.objects.get(code="en"), "title": english}] if english else []
    )

    def create():
        return record_create_draft(
            user=world.teacher_a,
            institution=world.inst_a,
            record_class=TeachingResourcePage,
            creators=[{"name": "Li Wei"}],
            translations=translations,
            **record_fields(title=title),
        )

    record, twin = create(), create()

    assert record.slug == slug
    assert twin.slug.startswith(f"{slug}-") and twin.slug != record.slug
