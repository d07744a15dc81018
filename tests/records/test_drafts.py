"""Draft services keep what the author gave: the order of creators and files, keywords."""

import uuid

from resource_hub.files.models import ResourceDocument
from resource_hub.records.models import TeachingResourcePage
from resource_hub.records.services import file_attach, record_create_draft, record_update_draft
from tests.world import record_fields


def document(world, title):
    return ResourceDocument.objects.create(
        title=title,
        file=f"documents/{uuid.uuid4().hex}.pdf",
        collection=world.inst_a.collection,
        uploaded_by_user=world.teacher_a,
    )


def test_creators_keep_the_order_they_were_given_in(world):
    names = ["Nguyễn Văn An", "Somchai Jaidee", "Li Wei"]
    record = record_create_draft(
        user=world.teacher_a,
        institution=world.inst_a,
        record_class=TeachingResourcePage,
        creators=[{"name": name} for name in names],
        **record_fields("material"),
    )

    draft = record.get_latest_revision_as_object()
    assert [c.name for c in sorted(draft.creators.all(), key=lambda c: c.sort_order)] == names
    assert [c.sort_order for c in record.creators.order_by("sort_order")] == [0, 1, 2]


def test_files_are_numbered_in_the_order_they_are_attached(world, make_record):
    record = make_record()
    for title in ("first", "second"):
        file_attach(user=world.teacher_a, record=record, document=document(world, title))

    record.refresh_from_db()
    files = record.get_latest_revision_as_object().files.all()
    assert sorted((f.sort_order, f.document.title) for f in files) == [(0, "first"), (1, "second")]


def test_updating_a_draft_changes_its_keywords(world, make_record):
    record = make_record()

    draft = record_update_draft(user=world.teacher_a, record=record, keywords=["ข้าว", "paddy"])

    assert sorted(draft.keywords.names()) == ["paddy", "ข้าว"]
    record.refresh_from_db()
    saved = record.get_latest_revision_as_object()
    assert sorted(saved.keywords.names()) == ["paddy", "ข้าว"]
