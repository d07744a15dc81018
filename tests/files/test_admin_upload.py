"""Uploads through Wagtail's own admin record the same facts as document_create."""

import hashlib
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from resource_hub.files.models import ResourceDocument

from . import samples
from .factories import UserFactory

pytestmark = pytest.mark.django_db


def key_of(content: bytes, name: str) -> str:
    sha256 = hashlib.sha256(content).hexdigest()
    return f"documents/{sha256[:2]}/{sha256}/{name}"


@pytest.fixture
def editor_client(client, collection):
    """Logged in to the admin as a teacher who may add documents to `collection`."""
    user = UserFactory(can_add_documents_to=collection, can_add_documents_to__admin=True)
    client.force_login(user)
    client.user = user
    return client


def test_the_add_view_measures_the_upload(
    editor_client, collection, s3_storage, s3_client, settings
):
    content = samples.pdf(pages=2)
    upload = SimpleUploadedFile("教学大纲 2024.pdf", content, content_type="text/html")

    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Syllabus", "file": upload, "collection": collection.pk},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    document = ResourceDocument.objects.get()
    assert document.file.name == key_of(content, "教学大纲 2024.pdf")
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert document.size == document.file_size == len(content)
    assert (document.mime_type, document.page_count) == ("application/pdf", 2)
    assert document.original_filename == "教学大纲 2024.pdf"
    assert document.uploaded_by_user == editor_client.user
    stored = s3_client.get_object(
        Bucket=settings.S3_BUCKET, Key=f"{s3_storage}/{document.file.name}"
    )
    assert stored["Body"].read() == content
    assert stored["ContentType"] == "application/pdf"


def test_the_multiple_uploader_measures_the_upload(editor_client, collection, s3_storage):
    content = samples.pptx()

    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("ការបង្រៀន.pptx", content),
            "title": "Lesson",
            "collection": collection.pk,
        },
    )

    data = response.json()
    assert data["success"], data
    document = ResourceDocument.objects.get(pk=data["doc_id"])
    assert document.file.name == key_of(content, "ការបង្រៀន.pptx")
    assert document.mime_type.endswith("presentationml.presentation")
    assert document.original_filename == "ការបង្រៀន.pptx"


def test_the_add_view_refuses_an_empty_file(editor_client, collection, s3_storage, bucket_keys):
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Nothing",
            "file": SimpleUploadedFile("empty.pdf", b""),
            "collection": collection.pk,
        },
    )

    assert response.status_code == 200
    assert "empty" in response.content.decode()
    assert not ResourceDocument.objects.exists()
    assert bucket_keys() == []


def test_upload_first_fields_later_ends_under_the_content_key(
    editor_client, collection, s3_storage, bucket_keys
):
    """When another field is invalid, Wagtail keeps the file aside and asks again."""
    content = samples.docx()
    first = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("notes.docx", content),
            "title": "t" * 300,  # too long: the file is kept as an UploadedFile
            "collection": collection.pk,
        },
    ).json()
    assert first["success"] and "uploaded_file_id" in first, first
    upload_id = first["uploaded_file_id"]

    second = editor_client.post(
        reverse("wagtaildocs:create_multiple_from_uploaded_document", args=[upload_id]),
        {
            f"uploaded-document-{upload_id}-title": "Notes",
            f"uploaded-document-{upload_id}-collection": collection.pk,
        },
    ).json()

    assert second["success"], second
    document = ResourceDocument.objects.get(pk=second["doc_id"])
    assert document.file.name == key_of(content, "notes.docx")
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert document.mime_type.endswith("wordprocessingml.document")
    assert bucket_keys() == [document.file.name]  # nothing left under unhashed/ or uploads


def test_replacing_the_file_in_the_edit_view_measures_the_new_one(
    editor_client, collection, s3_storage, bucket_keys
):
    editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Data",
            "file": SimpleUploadedFile("a.csv", b"a,b\n1,2\n"),
            "collection": collection.pk,
        },
    )
    document = ResourceDocument.objects.get()
    content = samples.xlsx()

    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Data",
            "file": SimpleUploadedFile("b.xlsx", content),
            "collection": collection.pk,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    assert document.file.name == key_of(content, "b.xlsx")
    assert document.mime_type.endswith("spreadsheetml.sheet")
    assert (document.original_filename, document.size) == ("b.xlsx", len(content))
    assert bucket_keys() == [document.file.name]  # the old file is gone


def test_admin_upload_of_a_disguised_program_is_refused(editor_client, collection, s3_storage):
    upload = SimpleUploadedFile("syllabus.pdf", samples.windows_exe())

    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Syllabus", "file": upload, "collection": collection.pk},
    )

    assert response.status_code == 200
    assert "is a program" in response.content.decode()
    assert not ResourceDocument.objects.exists()


def test_the_upload_page_offers_the_collections_one_may_add_to(editor_client, collection):
    response = editor_client.get(reverse("files_upload"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<option value="{collection.pk}">{collection.name}</option>' in page
    assert "files/js/upload-page.js" in page
    home = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "/admin/files/upload/" in home  # the sidebar's menu item


def test_the_upload_page_is_refused_without_a_collection(client, collection):
    from .factories import GroupFactory

    user = UserFactory()
    user.groups.add(GroupFactory(admin_access=True))  # in the admin, but no collection
    client.force_login(user)
    refused = client.get(reverse("files_upload"))
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "/admin/files/upload/" not in home


def test_an_admin_upload_streams_to_the_bucket_without_holding_the_file(
    editor_client, collection, s3_storage, tmp_path
):
    """A 160 MiB file through Wagtail's add form: Python's peak allocation stays far below it.

    The request body is read from disk (as a server would stream it), Django
    spools the upload to a temporary file, and django-storages sends it in
    parts; tracemalloc counts every allocation in the process meanwhile.
    """
    import tracemalloc
    import uuid as uuidlib

    from django.test.client import ClientHandler

    size = 160 * 1024 * 1024
    boundary = uuidlib.uuid4().hex
    body = tmp_path / "body"
    chunk = os.urandom(1024 * 1024)
    payload = hashlib.sha256()
    with body.open("wb") as out:

        def field(name, value):
            out.write(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )

        field("title", "Lecture recording")
        field("collection", collection.pk)
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="lecture.zip"\r\nContent-Type: application/zip\r\n\r\n'.encode()
        )
        head = samples.plain_zip()
        out.write(head)
        payload.update(head)
        written = len(head)
        while written < size:
            piece = chunk[: size - written]
            out.write(piece)
            payload.update(piece)
            written += len(piece)
        out.write(f"\r\n--{boundary}--\r\n".encode())
    session_cookie = editor_client.cookies["sessionid"].value

    with body.open("rb") as stream:
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": reverse("wagtaildocs:add"),
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "wsgi.url_scheme": "http",
            "wsgi.input": stream,
            "CONTENT_TYPE": f"multipart/form-data; boundary={boundary}",
            "CONTENT_LENGTH": str(body.stat().st_size),
            "HTTP_COOKIE": f"sessionid={session_cookie}",
        }
        tracemalloc.start()
        try:
            response = ClientHandler(enforce_csrf_checks=False)(environ)
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()

    assert response.status_code == 302, response.content.decode()[:2000]
    document = ResourceDocument.objects.get()
    assert document.size == size
    assert document.sha256 == payload.hexdigest()
    assert peak < 80 * 1024 * 1024, f"peak Python allocation {peak / 2**20:.0f} MiB"


def test_the_admin_form_says_when_the_store_is_unreachable(editor_client, collection, settings):
    options = dict(settings.STORAGES["default"].get("OPTIONS", {}))
    if settings.S3_BUCKET:
        options["endpoint_url"] = "http://127.0.0.1:9"  # nothing listens there
    else:
        from tests.conftest import require

        require("S3 server", False, "S3_BUCKET and S3_ENDPOINT_URL")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": options},
    }
    upload = SimpleUploadedFile("notes.pdf", samples.pdf(), content_type="application/pdf")

    response = editor_client.post(
        reverse("wagtaildocs:add"), {"title": "Notes", "file": upload, "collection": collection.pk}
    )

    assert response.status_code == 200  # the form again, with the reason
    assert "cannot be reached" in response.content.decode()
    assert ResourceDocument.objects.count() == 0
