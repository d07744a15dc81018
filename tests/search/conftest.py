import uuid

import pytest

from resource_hub.core.vocabularies import Language
from resource_hub.files.models import DocumentText, ResourceDocument
from resource_hub.records.services import file_attach, record_release


@pytest.fixture
def release(world):
    """Release a record as its institution's editor."""

    def release(record):
        return record_release(user=world.editor_a, record=record)

    return release


@pytest.fixture
def text_document(world):
    """A document row of institution A with extracted text (no stored bytes are read)."""

    def make(text: str, title: str = "Lesson notes"):
        document = ResourceDocument.objects.create(
            title=title,
            file=f"documents/{uuid.uuid4().hex}.pdf",
            collection=world.inst_a.collection,
            uploaded_by_user=world.teacher_a,
        )
        DocumentText.objects.create(document=document, text=text)
        return document

    return make


@pytest.fixture
def full_record(world, make_record, release, text_document):
    """A released record with a translation, a partner institution and a file with text."""

    def make(title="水稻栽培技术 Rice cultivation techniques", text="稻田水分管理 paddy water"):
        record = make_record(
            title=title,
            translations=[
                {
                    "language": Language.objects.get(code="th"),
                    "title": "เทคนิคการปลูกข้าว",
                    "abstract": "แผนการสอนสำหรับนักศึกษา",
                }
            ],
            contributing_institutions=[world.inst_b],
        )
        file_attach(user=world.teacher_a, record=record, document=text_document(text))
        return release(record)

    return make
