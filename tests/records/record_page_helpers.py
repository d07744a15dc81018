"""Released records with several creators, translations and files, for the record page tests."""

from django.core.files.base import ContentFile

from resource_hub.core.vocabularies import Language, Licence, ResourceType
from resource_hub.files.services import document_create
from resource_hub.records.models import TeachingResourcePage
from resource_hub.records.services import file_attach, record_create_draft, record_release

CREATORS = [
    {"name": "李伟", "orcid": "0000-0002-1825-0097"},
    {"name": "Nguyễn Văn An"},
    {"name": "Somchai Jaidee"},
    {"name": "王芳"},
]


def full_record(world, *, record_class=TeachingResourcePage, release=True, files=(), **fields):
    """A record of institution A by teacher A, released by editor A unless `release=False`."""
    kind = fields.pop("kind", "material")
    values = {
        "title": "水稻栽培技术",
        "abstract": "面向作物生产专业二年级学生的教案。",
        "language": Language.objects.get(code="zh"),
        "resource_type": ResourceType.objects.get(code=f"{kind}-lesson-plan")
        if kind == "material"
        else ResourceType.objects.get(code="achievement-paper"),
        "licence": Licence.objects.get(code="CC-BY-4.0"),
        "year": 2025,
    }
    values.update(fields)
    record = record_create_draft(
        user=world.teacher_a,
        institution=world.inst_a,
        record_class=record_class,
        creators=values.pop("creators", CREATORS),
        keywords=values.pop("keywords", ["水稻", "rice"]),
        translations=values.pop(
            "translations",
            [
                {
                    "language": Language.objects.get(code="en"),
                    "title": "Rice cultivation techniques",
                    "abstract": "A lesson plan for second-year students of crop production.",
                },
                {"language": Language.objects.get(code="th"), "title": "เทคนิคการปลูกข้าว"},
            ],
        ),
        **values,
    )
    for name, body in files:
        document = document_create(
            user=world.teacher_a,
            collection=world.inst_a.collection,
            file=ContentFile(body, name=name),
        )
        file_attach(user=world.teacher_a, record=record, document=document)
    if release:
        record_release(user=world.editor_a, record=record)
        record.refresh_from_db()
    return record
