"""files_audit: every stored file is re-read and compared with its row, on S3 and locally."""

import hashlib
import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError

from resource_hub.files.services import document_create

LESSON = "Lesson notes · 教学笔记\n".encode() * 100
SLIDES = "Slides · ស្លាយ\n".encode() * 50


def make_document(world, body, name="教材.txt", institution=None):
    institution = institution or world.inst_a
    user = world.teacher_a if institution == world.inst_a else world.teacher_b
    return document_create(
        user=user, collection=institution.collection, file=ContentFile(body, name=name)
    )


def audit(*args):
    """Run the command; (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("files_audit", *args, stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


def test_a_clean_store_passes_with_a_summary(world, objects):
    make_document(world, LESSON)
    make_document(world, SLIDES, name="slides.txt")

    status, out, err = audit()

    assert status == 0
    total = len(LESSON) + len(SLIDES)
    assert f"Checked 2 files, {total / 1000:.1f} kB: 0 mismatches, 0 missing" in out
    assert "100%" in err  # the progress bar, on stderr


def test_corrupted_bytes_are_a_mismatch_with_expected_and_found(world, objects):
    good = make_document(world, LESSON)
    bad = make_document(world, SLIDES, name="slides.txt")
    corrupted = SLIDES[:-1] + b"!"
    objects.put(bad.file.name, corrupted)

    status, out, _err = audit("--no-progress")

    assert status == 1
    assert f"MISMATCH: document {bad.pk} “slides”" in out
    assert f"key: {bad.file.name}" in out
    assert bad.sha256 in out
    assert hashlib.sha256(corrupted).hexdigest() in out
    assert f"document {good.pk} " not in out
    assert "1 mismatches, 0 missing" in out


def test_a_truncated_object_is_a_size_mismatch(world, objects):
    document = make_document(world, LESSON)
    objects.put(document.file.name, LESSON[:10])

    status, out, _err = audit("--no-progress", "--json")

    assert status == 1
    report = json.loads(out)
    assert report["ok"] is False and report["checked"] == 1
    [problem] = report["problems"]
    assert problem["kind"] == "mismatch" and problem["document_id"] == document.pk
    assert problem["expected"]["size"] == len(LESSON) and problem["found"]["size"] == 10


def test_a_deleted_object_and_a_missing_thumbnail_are_reported(world, objects):
    gone = make_document(world, LESSON)
    thumbless = make_document(world, SLIDES, name="slides.txt")
    objects.delete(gone.file.name)
    thumbless.thumbnail.name = "thumbnails/never-made.png"
    thumbless.save(update_fields=["thumbnail"])

    status, out, _err = audit("--no-progress", "--json")

    assert status == 1
    problems = {(p["kind"], p["document_id"], p["key"]) for p in json.loads(out)["problems"]}
    assert problems == {
        ("missing", gone.pk, gone.file.name),
        ("thumbnail-missing", thumbless.pk, "thumbnails/never-made.png"),
    }


def test_a_present_thumbnail_passes(world, objects):
    document = make_document(world, LESSON)
    objects.put("thumbnails/lesson.png", b"\x89PNG not really")
    document.thumbnail.name = "thumbnails/lesson.png"
    document.save(update_fields=["thumbnail"])

    assert audit("--no-progress")[0] == 0


def test_document_and_institution_select_what_is_checked(world, objects):
    bad = make_document(world, LESSON)
    other = make_document(world, SLIDES, name="slides.txt", institution=world.inst_b)
    objects.delete(bad.file.name)

    status, out, _err = audit("--no-progress", "--document", str(other.pk))
    assert status == 0 and "Checked 1 files" in out

    status, out, _err = audit("--no-progress", "--institution", world.inst_b.slug)
    assert status == 0 and "Checked 1 files" in out

    status, out, _err = audit("--no-progress", "--institution", world.inst_a.slug)
    assert status == 1 and f"MISSING: document {bad.pk}" in out

    status, _out, err = audit("--document", "999999")
    assert status == 1 and "No document with id 999999" in err
    status, _out, err = audit("--institution", "nowhere")
    assert status == 1 and "No institution" in err


@pytest.mark.parametrize("step", [7, 4096])
def test_the_object_is_streamed_in_chunks_not_read_whole(world, objects, monkeypatch, step):
    """A large object is hashed chunk by chunk: no read asks for more than CHUNK_SIZE."""
    from resource_hub.files import audit as audit_module

    document = make_document(world, LESSON)
    monkeypatch.setattr(audit_module, "CHUNK_SIZE", step)
    seen = []
    result = audit_module.audit_documents(
        audit_module.documents_to_audit(ids=[document.pk]), on_bytes=seen.append
    )
    assert result.ok and result.bytes_read == len(LESSON)
    assert max(seen) <= step and sum(seen) == len(LESSON)


def test_a_direct_uploads_key_is_not_misplaced(world, objects):
    """A plain direct upload keeps its object where its parts were assembled
    (documents/uploads/<upload id>/<name>): a key that names no content."""
    from django.core.files.storage import default_storage

    document = make_document(world, LESSON)
    key = default_storage.save("documents/uploads/42/教材.txt", ContentFile(LESSON))
    default_storage.delete(document.file.name)
    document.file.name = key
    document.save(update_fields=["file"])

    status, out, err = audit()

    assert status == 0, out + err
    assert "misplaced" not in (out + err).lower()
