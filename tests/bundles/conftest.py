"""Released records with real files in the real bucket, and a curated collection of them."""

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile

from resource_hub.files.services import document_create
from resource_hub.records.models import AccessLevel, CuratedCollectionItem, CuratedCollectionPage
from resource_hub.records.services import file_attach, record_release


def text_file(label: str, size: int = 20_000) -> bytes:
    """Plain UTF-8 text (the site refuses unrecognised bytes), distinct per label."""
    line = f"{label} · 教学笔记 · บันทึกการสอน\n".encode()
    return (line * (size // len(line) + 1))[:size].rsplit(b"\n", 1)[0] + b"\n"


def add_file(world, record, name: str, body: bytes, *, user=None, label: str = ""):
    user = user or world.teacher_a
    institution = world.inst_a if user in (world.teacher_a, world.member_a) else world.inst_b
    document = document_create(
        user=user, collection=institution.collection, file=ContentFile(body, name=name)
    )
    file_attach(user=user, record=record, document=document, label=label)
    return document


def release(world, record):
    editor = world.editor_a if record.get_parent().pk == world.inst_a.pk else world.editor_b
    record_release(user=editor, record=record)
    record.refresh_from_db()
    return record


def read_zip(response) -> zipfile.ZipFile:
    body = b"".join(response.streaming_content)
    assert len(body) == int(response["Content-Length"])
    return zipfile.ZipFile(io.BytesIO(body))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Shelf:
    """Records of institution A (and one of B), their files' bytes by document id, a collection."""

    public: object
    members_only: object
    draft: object
    other: object  # institution B's, public
    collection: object
    bodies: dict = field(default_factory=dict)


@pytest.fixture
def shelf(world, make_record, s3_storage) -> Shelf:
    bodies = {}

    def with_files(record, files, user=None):
        for name, body in files:
            bodies[add_file(world, record, name, body, user=user).pk] = body
        return record

    public = with_files(
        make_record(title="水稻栽培技术 Rice cultivation techniques"),
        [("教案 第一课.txt", text_file("lesson one")), ("notes.txt", text_file("notes", 5000))],
    )
    members_only = with_files(
        make_record(title="Members-only exam bank", access_level=AccessLevel.INSTITUTION),
        [("exam answers.txt", text_file("answers"))],
    )
    draft = with_files(make_record(title="Draft not for anyone"), [("draft.txt", b"draft\n")])
    other = with_files(
        make_record(
            title="การปลูกข้าว Rice growing in Thailand",
            author=world.teacher_b,
            institution=world.inst_b,
        ),
        [("บทเรียน.txt", text_file("thai lesson", 3000))],
        user=world.teacher_b,
    )
    for record in (public, members_only, other):
        release(world, record)
    collection = world.inst_a.add_child(
        instance=CuratedCollectionPage(title="最佳农业资源 Best of agriculture")
    )
    for position, record in enumerate([members_only, public, draft, other]):
        CuratedCollectionItem.objects.create(
            collection=collection, record=record, sort_order=position
        )
    collection.save_revision(user=world.editor_a).publish()
    collection.refresh_from_db()
    return Shelf(public, members_only, draft, other, collection, bodies)


def manifest_of(archive: zipfile.ZipFile) -> dict:
    return json.loads(archive.read("manifest.json"))
