"""Previews and thumbnails: the download permission first, then the file shown inline,
only for types that run nothing in the browser; the record page embeds them."""

from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.core.files.base import ContentFile
from django.urls import reverse

from resource_hub.files.filetypes import preview_kind
from resource_hub.files.services import document_create
from resource_hub.records.services import file_attach, record_release

from . import samples


@pytest.fixture
def upload(world, django_capture_on_commit_callbacks):
    """A document by teacher_a, with its derivatives made (the task runs on commit)."""

    def upload(content: bytes, name: str):
        with django_capture_on_commit_callbacks(execute=True):
            document = document_create(
                user=world.teacher_a,
                collection=world.inst_a.collection,
                file=ContentFile(content, name=name),
            )
        document.refresh_from_db()
        return document

    return upload


@pytest.fixture
def local_storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)


def preview_url(document):
    return reverse("files:preview", args=[document.pk])


def thumbnail_url(document):
    return reverse("files:thumbnail", args=[document.pk])


def test_a_draft_records_preview_and_thumbnail_are_for_its_people_only(
    client, world, make_record, upload, s3_storage
):
    document = upload(samples.pdf(pages=1), "教案.pdf")
    file_attach(user=world.teacher_a, record=make_record(), document=document)
    assert document.thumbnail  # made by the task

    for url in (preview_url(document), thumbnail_url(document)):
        client.logout()
        anonymous = client.get(url)
        client.force_login(world.teacher_b)
        outsider = client.get(url)
        client.force_login(world.teacher_a)
        owner = client.get(url)

        assert anonymous.status_code == 302
        assert anonymous["Location"].startswith(reverse("login") + "?next=")
        assert outsider.status_code == 403
        assert owner.status_code == 302 and "X-Amz-Signature=" in owner["Location"]


def test_the_signed_preview_url_shows_the_pdf_inline(
    client, world, make_record, upload, s3_storage, settings
):
    content = samples.pdf(pages=2)
    document = upload(content, "教案 第一课.pdf")
    client.force_login(world.teacher_a)

    response = client.get(preview_url(document))

    location = response["Location"]
    query = parse_qs(urlparse(location).query)
    assert query["X-Amz-Expires"] == [str(settings.S3_SIGNED_URL_EXPIRY)]
    assert query["response-content-disposition"][0].startswith("inline;")
    assert response["Cache-Control"] == "private, no-store"
    fetched = requests.get(location, timeout=10)
    assert fetched.status_code == 200 and fetched.content == content
    assert fetched.headers["Content-Type"] == "application/pdf"
    disposition = fetched.headers["Content-Disposition"]
    assert disposition.startswith("inline; filename*=utf-8''")
    assert requests.utils.unquote(disposition.split("''", 1)[1]) == "教案 第一课.pdf"


def test_the_signed_thumbnail_url_serves_the_webp(client, world, upload, s3_storage):
    document = upload(samples.png(size=(900, 600)), "photo.png")
    client.force_login(world.teacher_a)

    location = client.get(thumbnail_url(document))["Location"]
    fetched = requests.get(location, timeout=10)

    assert fetched.status_code == 200
    assert fetched.headers["Content-Type"] == "image/webp"
    assert fetched.headers["Content-Disposition"].startswith("inline;")
    assert fetched.content[8:12] == b"WEBP"


def test_a_public_records_thumbnail_is_cacheable_a_restricted_one_is_not(
    client, world, make_record, upload, s3_storage
):
    from resource_hub.records.models import AccessLevel

    public = upload(samples.png(size=(900, 600)), "public.png")
    record = make_record()
    file_attach(user=world.teacher_a, record=record, document=public)
    record_release(user=world.editor_a, record=record)
    private = upload(samples.png(size=(900, 600)), "members.png")
    members_only = make_record(title="Members only", access_level=AccessLevel.INSTITUTION)
    file_attach(user=world.teacher_a, record=members_only, document=private)
    record_release(user=world.editor_a, record=members_only)

    anonymous = client.get(thumbnail_url(public))
    client.force_login(world.member_a)
    member_public = client.get(thumbnail_url(public))
    member_private = client.get(thumbnail_url(private))

    for response in (anonymous, member_public):
        assert response.status_code == 302
        assert response["Cache-Control"] == "public, max-age=3600"
        fetched = requests.get(response["Location"], timeout=10)
        assert fetched.status_code == 200
        assert fetched.headers["Cache-Control"] == "public, max-age=3600"  # the image too
    assert member_private.status_code == 302
    assert member_private["Cache-Control"] == "private, no-store"
    assert "response-cache-control" not in member_private["Location"]


def test_active_content_is_never_previewed(client, world, upload, local_storage):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
    client.force_login(world.teacher_a)

    for content, name in ((svg, "x.svg"), (html, "x.html"), (samples.docx(), "x.docx")):
        document = upload(content, name)
        assert client.get(preview_url(document)).status_code == 404


def test_no_thumbnail_is_a_404(client, world, upload, local_storage):
    document = upload(samples.wav(), "lesson.wav")
    client.force_login(world.teacher_a)

    assert client.get(thumbnail_url(document)).status_code == 404


def test_local_storage_streams_the_preview_inline(client, world, upload, local_storage):
    content = samples.wav()
    document = upload(content, "课文朗读.wav")
    client.force_login(world.teacher_a)

    response = client.get(preview_url(document))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "audio/wav"
    assert response["Content-Disposition"].startswith("inline; filename*=utf-8''")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"  # the record page frames PDFs


def test_the_record_page_embeds_thumbnails_and_previews(
    client, world, make_record, upload, local_storage
):
    record = make_record()
    pdf = upload(samples.pdf(pages=1), "教案.pdf")
    video = upload(samples.iso_media(b"isom"), "lesson.mp4")
    sound = upload(samples.wav(), "reading.wav")
    picture = upload(samples.png(size=(600, 400)), "field.png")
    page = upload(b"<!DOCTYPE html><html><body>x</body></html>", "page.html")
    for document in (pdf, video, sound, picture, page):
        file_attach(user=world.teacher_a, record=record, document=document)
    record_release(user=world.editor_a, record=record)
    record.refresh_from_db()

    body = client.get(record.url).content.decode()

    def shown(document):  # named with its record: opening it counts as a view of the record
        return f"{preview_url(document)}?record={record.pk}"

    assert f'<iframe src="{shown(pdf)}" title="Preview of 教案"' in body
    assert f'<video controls preload="none" src="{shown(video)}"' in body
    assert f'<audio controls preload="none" src="{shown(sound)}"' in body
    assert f'<img src="{shown(picture)}" alt="field"' in body
    assert f'src="{thumbnail_url(pdf)}" alt="Thumbnail of 教案"' in body
    assert f'src="{thumbnail_url(picture)}" alt="Thumbnail of field"' in body
    assert preview_url(page) not in body  # HTML: download only
    assert thumbnail_url(sound) not in body
    # What the page points at answers anonymous visitors of a released record.
    assert client.get(shown(pdf)).status_code == 200
    assert client.get(thumbnail_url(pdf)).status_code == 200


@pytest.mark.parametrize(
    ("mime_type", "kind"),
    [
        ("application/pdf", "pdf"),
        ("image/png", "image"),
        ("image/svg+xml", None),
        ("image/tiff", None),
        ("audio/mpeg", "audio"),
        ("audio/midi", None),
        ("video/webm", "video"),
        ("video/x-msvideo", None),
        ("text/html", None),
        ("application/xhtml+xml", None),
        ("", None),
    ],
)
def test_which_types_are_previewed(mime_type, kind):
    assert preview_kind(mime_type) == kind
