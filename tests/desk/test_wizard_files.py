"""The wizard's files step: a label given with a file is kept and shown beside it."""

import pytest
from django.urls import reverse

from resource_hub.files.models import ResourceDocument


@pytest.fixture
def teacher(world, signed_in):
    return signed_in(world.teacher_a)


def test_a_file_attached_with_a_label_shows_it_on_the_files_step(world, teacher, make_record):
    record = make_record()
    document = ResourceDocument.objects.create(
        title="week-1.pdf",
        file="documents/week-1.pdf",
        collection=world.inst_a.collection,
        uploaded_by_user=world.teacher_a,
    )

    response = teacher.post(
        reverse("desk:record-attach", args=[record.pk]),
        {"document": document.pk, "label": "Slides"},
    )

    assert response.status_code == 201
    assert response.json()["label"] == "Slides"
    record.refresh_from_db()
    draft = record.get_latest_revision_as_object()
    assert [(f.document_id, f.label) for f in draft.files.all()] == [(document.pk, "Slides")]
    page = teacher.get(reverse("desk:record-files", args=[record.pk])).content.decode()
    assert '<strong class="desk-file__label">Slides:</strong> week-1.pdf' in page
    assert 'id="desk-file-label"' in page
