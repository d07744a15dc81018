"""document_create against the real S3 server: the row and the object, or neither."""

import hashlib
import io
import unicodedata

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from resource_hub.files.errors import (
    EmptyFile,
    FileError,
    FilePermissionDenied,
    FileTooLarge,
    FileTypeNotAllowed,
    InvalidFile,
)
from resource_hub.files.models import ResourceDocument
from resource_hub.files.services import document_create

from . import samples
from .factories import CollectionFactory, UserFactory

pytestmark = pytest.mark.django_db


def key_of(content: bytes, name: str) -> str:
    sha256 = hashlib.sha256(content).hexdigest()
    return f"documents/{sha256[:2]}/{sha256}/{name}"


def test_the_object_lands_under_its_content_key_with_the_exact_bytes(
    uploader, collection, s3_storage, s3_client, settings
):
    content = samples.pdf(pages=4)
    upload = SimpleUploadedFile("Syllabus 2024.pdf", content, content_type="text/html")

    document = document_create(user=uploader, collection=collection, file=upload)

    expected_key = key_of(content, "Syllabus 2024.pdf")
    assert document.file.name == expected_key
    stored = s3_client.get_object(Bucket=settings.S3_BUCKET, Key=f"{s3_storage}/{expected_key}")
    assert stored["Body"].read() == content
    assert stored["ContentType"] == "application/pdf"  # ours, not the browser's claim

    row = ResourceDocument.objects.get(pk=document.pk)
    assert row.sha256 == hashlib.sha256(content).hexdigest()
    assert row.size == row.file_size == len(content)
    assert row.file_hash == hashlib.sha1(content).hexdigest()  # noqa: S324 - Wagtail's ETag
    assert row.mime_type == "application/pdf"
    assert row.page_count == 4
    assert row.original_filename == "Syllabus 2024.pdf"
    assert row.title == "Syllabus 2024"
    assert row.collection == collection
    assert row.uploaded_by_user == uploader


def test_a_plain_file_object_and_an_explicit_title_and_name(uploader, collection, s3_storage):
    content = samples.xlsx()

    document = document_create(
        user=uploader,
        collection=collection,
        file=io.BytesIO(content),
        title="  Enrolment figures  ",
        original_filename="enrolment.xlsx",
    )

    assert document.title == "Enrolment figures"
    assert document.file.name == key_of(content, "enrolment.xlsx")
    assert document.mime_type.endswith("spreadsheetml.sheet")
    assert document.page_count is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", samples.windows_exe(), "is a program"),
        ("lesson.docx", samples.elf(), "is a program"),
        ("slides.pptx", samples.jar(), "is a program"),
        ("notes.txt", b"#!/bin/sh\nrm -rf ~\n", "is a program"),
        ("data.csv", bytes(range(256)) * 8, "not recognised"),
    ],
)
def test_programs_and_unrecognised_content_are_refused_whatever_the_name(
    uploader, collection, s3_storage, bucket_keys, name, content, message
):
    with pytest.raises(FileTypeNotAllowed, match=message):
        document_create(
            user=uploader, collection=collection, file=SimpleUploadedFile(name, content)
        )

    assert not ResourceDocument.objects.exists()
    assert bucket_keys() == []


def test_a_file_over_the_size_limit_is_refused(
    uploader, collection, s3_storage, bucket_keys, settings
):
    settings.FILES_MAX_UPLOAD_SIZE = 1000

    with pytest.raises(FileTooLarge, match="largest file the site accepts is 1000"):
        document_create(
            user=uploader, collection=collection, file=SimpleUploadedFile("big.txt", b"a" * 1001)
        )

    assert not ResourceDocument.objects.exists()
    assert bucket_keys() == []


def test_html_is_kept_but_never_served_as_html(
    uploader, collection, s3_storage, s3_client, settings
):
    content = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"

    document = document_create(
        user=uploader, collection=collection, file=SimpleUploadedFile("page.html", content)
    )

    assert document.mime_type == "text/html"
    stored = s3_client.head_object(
        Bucket=settings.S3_BUCKET, Key=f"{s3_storage}/{document.file.name}"
    )
    assert stored["ContentType"] == "application/octet-stream"


def test_the_same_bytes_twice_make_two_rows_and_two_objects_under_one_prefix(
    uploader, collection, s3_storage, bucket_keys
):
    content = samples.docx()

    first = document_create(
        user=uploader, collection=collection, file=SimpleUploadedFile("a.docx", content)
    )
    second = document_create(
        user=uploader, collection=collection, file=SimpleUploadedFile("a.docx", content)
    )

    assert first.sha256 == second.sha256
    assert first.file.name != second.file.name  # deleting one must not delete the other's bytes
    prefix = key_of(content, "")
    assert [key.startswith(prefix) for key in bucket_keys()] == [True, True]


def test_a_zero_byte_file_leaves_no_row_and_no_object(
    uploader, collection, s3_storage, bucket_keys
):
    with pytest.raises(EmptyFile) as raised:
        document_create(
            user=uploader, collection=collection, file=SimpleUploadedFile("empty.pdf", b"")
        )

    assert "empty" in str(raised.value)
    assert isinstance(raised.value, FileError)
    assert not ResourceDocument.objects.exists()
    assert bucket_keys() == []


@pytest.mark.parametrize("who", ["stranger", "other institution", "anonymous", "inactive"])
def test_a_user_without_permission_leaves_no_row_and_no_object(
    who, collection, s3_storage, bucket_keys
):
    user = {
        "stranger": lambda: UserFactory(),
        "other institution": lambda: UserFactory(can_add_documents_to=CollectionFactory()),
        "anonymous": AnonymousUser,
        "inactive": lambda: UserFactory(can_add_documents_to=collection, is_active=False),
    }[who]()

    with pytest.raises(FilePermissionDenied, match="permission"):
        document_create(
            user=user, collection=collection, file=SimpleUploadedFile("a.pdf", samples.pdf())
        )

    assert not ResourceDocument.objects.exists()
    assert bucket_keys() == []


def test_permission_on_a_parent_collection_reaches_its_children(s3_storage):
    parent = CollectionFactory()
    child = CollectionFactory(parent=parent)
    user = UserFactory(can_add_documents_to=parent)

    document = document_create(
        user=user, collection=child, file=SimpleUploadedFile("a.txt", b"hi\n")
    )

    assert document.collection == child
    assert document.mime_type == "text/plain"


def test_a_failed_row_save_deletes_the_object(
    uploader, collection, s3_storage, bucket_keys, monkeypatch
):
    written = []
    real_save = ResourceDocument.save

    def failing_save(self, *args, **kwargs):
        written.extend(bucket_keys())  # the object is there when the row is saved...
        raise DatabaseError("the database went away")

    monkeypatch.setattr(ResourceDocument, "save", failing_save)

    with pytest.raises(DatabaseError):
        document_create(
            user=uploader, collection=collection, file=SimpleUploadedFile("a.pdf", samples.pdf())
        )

    monkeypatch.setattr(ResourceDocument, "save", real_save)
    assert len(written) == 1
    assert bucket_keys() == []  # ...and gone afterwards
    assert not ResourceDocument.objects.exists()


def test_a_row_that_does_not_validate_is_refused_before_anything_is_stored(
    uploader, collection, s3_storage, bucket_keys, settings
):
    settings.WAGTAILDOCS_EXTENSIONS = ["pdf", "docx"]

    with pytest.raises(InvalidFile, match="exe"):
        document_create(
            user=uploader, collection=collection, file=SimpleUploadedFile("setup.exe", b"MZ...")
        )

    assert not ResourceDocument.objects.exists()
    assert bucket_keys() == []


LONG_NAME = "ก" * 10_000 + ".pdf"


@pytest.mark.parametrize(
    ("original", "stored"),
    [
        (LONG_NAME, "ก" * 58 + ".pdf"),  # 178 bytes of UTF-8
        ("../../etc/passwd", "etcpasswd"),
        ("教学大纲（2024 秋季）.pdf", "教学大纲（2024 秋季）.pdf"),
        ("แผนการสอน วิชาภาษาไทย ที่ ๑.pdf", "แผนการสอน วิชาภาษาไทย ที่ ๑.pdf"),
        ("មេរៀនទី១ ភាសាខ្មែរ.pdf", "មេរៀនទី១ ភាសាខ្មែរ.pdf"),
        (unicodedata.normalize("NFD", "Giáo trình Tiếng Việt.pdf"), "Giáo trình Tiếng Việt.pdf"),
    ],
)
def test_names_come_out_safe_and_the_original_is_kept(
    original, stored, uploader, collection, s3_storage, s3_client, settings
):
    content = samples.pdf()

    document = document_create(
        user=uploader, collection=collection, file=io.BytesIO(content), original_filename=original
    )

    assert document.file.name == key_of(content, stored)
    assert document.filename == stored
    kept = unicodedata.normalize("NFC", original) if original != LONG_NAME else "ก" * 251 + ".pdf"
    assert document.original_filename == kept  # capped at the column's 255 characters
    stored_object = s3_client.get_object(
        Bucket=settings.S3_BUCKET, Key=f"{s3_storage}/{document.file.name}"
    )
    assert stored_object["Body"].read() == content


def test_queries_do_not_grow_with_the_file(uploader, collection, s3_storage):
    """The bytes go to S3 in chunks; the database sees one row, whatever the size.

    (Most of the queries are Wagtail's own search and reference indexing; the
    first upload also fills Django's content-type cache, hence the warm-up.)
    """
    document_create(user=uploader, collection=collection, file=io.BytesIO(b"warm-up\n"))
    counts = []
    for content in (b"one line\n", b"lesson line\n" * 300_000):  # 9 bytes, then 3.6 MB
        with CaptureQueriesContext(connection) as queries:
            document = document_create(
                user=uploader, collection=collection, file=io.BytesIO(content)
            )
        assert document.size == len(content)
        counts.append(len(queries))

    assert counts[0] == counts[1] <= 25
