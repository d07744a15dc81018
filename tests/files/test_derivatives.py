"""derive_document: text, page count and thumbnail made after a document is created."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image

from resource_hub.files.derivatives import document_derive
from resource_hub.files.models import DocumentText, ResourceDocument
from resource_hub.files.services import document_create

from . import samples
from .factories import UserFactory

pytestmark = pytest.mark.django_db

CHINESE = "水稻栽培技术：第一课"
THAI = "การปลูกข้าว บทเรียนที่หนึ่ง"


@pytest.fixture
def create(uploader, collection, django_capture_on_commit_callbacks):
    """document_create, then what runs on commit (the queued task, run inline in tests)."""

    def create(content: bytes, name: str) -> ResourceDocument:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            document = document_create(
                user=uploader, collection=collection, file=ContentFile(content, name=name)
            )
        assert len(callbacks) == 1  # exactly one task queued, after commit
        document.refresh_from_db()
        return document

    return create


def test_a_pdf_on_s3_gets_text_and_a_thumbnail_in_the_bucket(
    create, bucket_keys, s3_client, s3_storage, settings
):
    content = samples.pdf_with_text([("zh", CHINESE), ("th", THAI)])

    document = create(content, "课程 第一课.pdf")

    assert document.derivatives_state == "done", document.derivatives_error
    assert document.derivatives_error == ""
    assert document.page_count == 2
    text = DocumentText.objects.get(document=document)
    assert text.text.splitlines() == [CHINESE, THAI]
    assert text.truncated is False
    assert document.thumbnail.name == f"thumbnails/{document.sha256}.webp"
    assert sorted(bucket_keys()) == sorted([document.file.name, document.thumbnail.name])
    stored = s3_client.get_object(
        Bucket=settings.S3_BUCKET, Key=f"{s3_storage}/{document.thumbnail.name}"
    )
    assert stored["ContentType"] == "image/webp"
    assert Image.open(io.BytesIO(stored["Body"].read())).width == 480


def test_deriving_again_replaces_rather_than_adds(create, bucket_keys):
    document = create(samples.docx_with([CHINESE]), "notes.docx")
    keys_before = bucket_keys()

    state = document_derive(document=ResourceDocument.objects.get(pk=document.pk))

    assert state == "done"
    assert DocumentText.objects.filter(document=document).count() == 1
    assert bucket_keys() == keys_before  # same thumbnail key, overwritten in place
    assert ResourceDocument.objects.get(pk=document.pk).thumbnail.name == document.thumbnail.name


@pytest.mark.parametrize(
    ("ending", "text_reason", "thumbnail_reason"),
    [
        # No trailer: not even handed to pypdf or PDFium (they would scan every byte).
        (b"", "The PDF is damaged (it does not end with a trailer)", "The PDF is damaged"),
        # A trailer pointing nowhere: both libraries try, fail, and say so.
        (b"\nstartxref\n9\n%%EOF\n", "The PDF could not be read", "PDFium could not open"),
    ],
)
def test_a_damaged_pdf_fails_with_reasons_and_nothing_crashes(
    create, ending, text_reason, thumbnail_reason
):
    content = b"%PDF-1.7\n" + b"\x00garbage" * 500 + ending

    document = create(content, "broken.pdf")

    assert document.derivatives_state == "failed"
    assert f"text: {text_reason}" in document.derivatives_error
    assert f"thumbnail: {thumbnail_reason}" in document.derivatives_error
    assert not DocumentText.objects.filter(document=document).exists()
    assert not document.thumbnail


def test_one_failing_step_keeps_the_others_result(create, bucket_keys):
    broken_preview = b"\x89PNG\r\n\x1a\nnot an image"
    body = f"<office:presentation><text:p>{CHINESE}</text:p></office:presentation>"

    document = create(samples.odf("presentation", body, thumbnail=broken_preview), "slides.odp")

    assert document.derivatives_state == "failed"
    assert document.derivatives_error.startswith("thumbnail: ")
    assert DocumentText.objects.get(document=document).text == CHINESE
    assert not document.thumbnail


def test_files_without_text_or_picture_have_nothing_to_derive(create, local_storage):
    document = create(samples.wav(), "lesson.wav")

    assert document.derivatives_state == "none"
    assert not DocumentText.objects.filter(document=document).exists()


def test_local_storage_gets_text_and_thumbnail_too(create, local_storage):
    document = create(samples.pptx_with([("第一课", THAI)]), "lesson.pptx")

    assert document.derivatives_state == "done", document.derivatives_error
    assert document.text.text.splitlines() == ["第一课", THAI]
    assert (local_storage / "thumbnails" / f"{document.sha256}.webp").is_file()


def test_a_missing_object_is_a_failure_with_a_reason(create, s3_storage):
    document = create(samples.png(), "photo.png")
    document.file.storage.delete(document.file.name)

    state = document_derive(document=document)

    document.refresh_from_db()
    assert state == document.derivatives_state == "failed"
    assert "could not be read" in document.derivatives_error


def test_the_admin_multiple_uploader_queues_derivatives(
    client, collection, s3_storage, django_capture_on_commit_callbacks
):
    user = UserFactory(can_add_documents_to=collection, can_add_documents_to__admin=True)
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        data = client.post(
            reverse("wagtaildocs:add_multiple"),
            {
                "files[]": SimpleUploadedFile("课程.docx", samples.docx_with([CHINESE, THAI])),
                "title": "Lesson",
                "collection": collection.pk,
            },
        ).json()

    assert data["success"], data
    document = ResourceDocument.objects.get(pk=data["doc_id"])
    assert document.derivatives_state == "done", document.derivatives_error
    assert document.text.text.splitlines() == [CHINESE, THAI]


def test_the_admin_edit_view_rederives_a_replaced_file(
    client, collection, local_storage, django_capture_on_commit_callbacks
):
    user = UserFactory(can_add_documents_to=collection, can_add_documents_to__admin=True)
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Data",
                "file": SimpleUploadedFile("a.txt", b"old"),
                "collection": collection.pk,
            },
        )
    document = ResourceDocument.objects.get()
    assert document.text.text == "old"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": "Data",
                "file": SimpleUploadedFile("b.txt", THAI.encode()),
                "collection": collection.pk,
            },
        )

    assert response.status_code == 302
    assert DocumentText.objects.get(document=document).text == THAI


def test_files_derive_command(create, local_storage):
    done = create(samples.docx_with(["hello"]), "a.docx")
    waiting = create(samples.docx_with(["world"]), "b.docx")
    ResourceDocument.objects.filter(pk=waiting.pk).update(derivatives_state="pending")
    DocumentText.objects.filter(document=waiting).delete()
    out = io.StringIO()

    call_command("files_derive", "--pending", stdout=out)

    assert out.getvalue().splitlines() == [
        f"[1/1] #{waiting.pk} b: done",
        "1 documents: done 1",
    ]
    assert DocumentText.objects.get(document=waiting).text == "world"
    out = io.StringIO()
    call_command("files_derive", "--all", stdout=out)
    assert out.getvalue().splitlines()[-1] == "2 documents: done 2"
    assert f"#{done.pk} a: done" in out.getvalue()
    out = io.StringIO()
    call_command("files_derive", str(done.pk), stdout=out)
    assert out.getvalue().splitlines() == [f"[1/1] #{done.pk} a: done", "1 documents: done 1"]
    with pytest.raises(CommandError, match="Say which documents"):
        call_command("files_derive")
    with pytest.raises(CommandError, match="not both"):
        call_command("files_derive", str(done.pk), "--all")
