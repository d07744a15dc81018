"""Direct, resumable uploads through the JSON API, against the real S3 server and local storage.

The client side is played by `requests` (PUTs to the signed URLs, as a
browser would) and Django's test client (our API).
"""

import hashlib
import io
import json
import uuid

import pytest
import requests
from django.test import Client
from django.urls import reverse
from wagtail.models import APIToken

from resource_hub.files.models import ResourceDocument, Upload

from . import samples
from .factories import UserFactory

MIB = 1024 * 1024


@pytest.fixture
def small_parts(settings):
    settings.FILES_UPLOAD_PART_SIZE = 5 * MIB


@pytest.fixture
def api(client, uploader):
    client.force_login(uploader)
    return client


def post(client, url, data=None, **extra):
    return client.post(url, json.dumps(data or {}), content_type="application/json", **extra)


def start(client, collection, payload: bytes, filename="lesson.pdf", headers=None, **fields):
    body = {"collection": collection.pk, "filename": filename, "size": len(payload), **fields}
    return post(client, reverse("api:uploads"), body, **(headers or {}))


def sign(client, upload, numbers):
    response = post(client, upload["links"]["parts"], {"parts": numbers})
    assert response.status_code == 200, response.content
    return response.json()["parts"]


def send_s3(part, data):
    response = requests.put(part["url"], data=data, timeout=30)
    assert response.status_code == 200, response.text
    return response.headers["ETag"]


def chunks(payload: bytes, part_size: int):
    return [payload[i : i + part_size] for i in range(0, len(payload), part_size)]


def pdf_payload(size: int) -> bytes:
    """A real two-page PDF of about `size` bytes (a big stream object inside)."""
    return samples.pdf(pages=2, text="Photosynthesis", padding=size)


def multipart_uploads(s3_client, settings, prefix):
    listed = s3_client.list_multipart_uploads(Bucket=settings.S3_BUCKET, Prefix=f"{prefix}/")
    return listed.get("Uploads", [])


# --- S3: the whole path -----------------------------------------------------------------


def test_parts_go_straight_to_the_bucket_and_the_server_verifies_the_whole_file(
    api,
    collection,
    small_parts,
    s3_storage,
    s3_client,
    settings,
    bucket_keys,
    django_capture_on_commit_callbacks,
):
    payload = pdf_payload(12 * MIB)
    response = start(api, collection, payload, filename="光合作用 การสังเคราะห์แสง.pdf")
    assert response.status_code == 201, response.content
    upload = response.json()
    assert upload["state"] == "started"
    assert (upload["part_size"], upload["part_count"]) == (5 * MIB, 3)
    parts = sign(api, upload, [1, 2, 3])
    assert [p["size"] for p in parts] == [5 * MIB, 5 * MIB, len(payload) - 10 * MIB]
    # The part URLs are the bucket's own, signed and short-lived.
    assert parts[0]["url"].startswith(settings.S3_ENDPOINT_URL)
    assert "X-Amz-Signature=" in parts[0]["url"]
    assert f"X-Amz-Expires={settings.FILES_UPLOAD_PART_URL_EXPIRY}" in parts[0]["url"]

    for part, data in reversed(list(zip(parts, chunks(payload, 5 * MIB), strict=True))):
        send_s3(part, data)
    listed = api.get(upload["links"]["self"]).json()
    assert [p["number"] for p in listed["parts"]] == [1, 2, 3]

    with django_capture_on_commit_callbacks(execute=True):  # the derivatives task, inline
        response = post(api, upload["links"]["complete"])
    assert response.status_code == 201, response.content
    done = response.json()
    assert done["state"] == "completed"
    document = ResourceDocument.objects.get(pk=done["document"]["id"])
    assert document.sha256 == hashlib.sha256(payload).hexdigest()
    assert document.size == len(payload)
    assert document.mime_type == "application/pdf"
    assert document.page_count == 2
    assert document.original_filename == "光合作用 การสังเคราะห์แสง.pdf"
    assert document.collection == collection
    # Kept where the parts were assembled, under the upload's own name (nothing copied);
    # the multipart upload is gone.
    assert bucket_keys() == sorted([document.file.name, document.thumbnail.name])
    assert document.file.name == f"documents/uploads/{upload['id']}/光合作用 การสังเคราะห์แสง.pdf"
    assert multipart_uploads(s3_client, settings, s3_storage) == []
    head = s3_client.head_object(
        Bucket=settings.S3_BUCKET, Key=f"{s3_storage}/{document.file.name}"
    )
    # Neutral in the bucket: the URLs we sign name the sniffed type (delivery.py).
    assert head["ContentType"] == "application/octet-stream"
    with document.file.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == document.sha256


def test_a_completed_upload_gets_its_text_and_thumbnail(
    api, collection, s3_storage, django_capture_on_commit_callbacks
):
    payload = samples.pdf_with_text([("en", "Photosynthesis turns light into sugar.")])
    upload = start(api, collection, payload).json()
    send_s3(sign(api, upload, [1])[0], payload)
    with django_capture_on_commit_callbacks(execute=True):
        done = post(api, upload["links"]["complete"])
    document = ResourceDocument.objects.get(pk=done.json()["document"]["id"])
    assert document.derivatives_state == "done"
    assert "Photosynthesis turns light into sugar." in document.text.text
    assert document.thumbnail.name.startswith("thumbnails/")
    assert document.thumbnail.storage.exists(document.thumbnail.name)


def test_an_upload_resumes_after_a_dropped_connection(
    api, collection, small_parts, s3_storage, s3_client, settings
):
    payload = pdf_payload(11 * MIB)
    upload = start(api, collection, payload).json()
    pieces = chunks(payload, 5 * MIB)
    send_s3(sign(api, upload, [1])[0], pieces[0])
    # The tab closes. Later the page asks what is in progress, and which parts arrived.
    in_progress = api.get(reverse("api:uploads")).json()["uploads"]
    assert [u["id"] for u in in_progress] == [upload["id"]]
    arrived = api.get(upload["links"]["self"]).json()["parts"]
    assert [p["number"] for p in arrived] == [1]

    # Completing too early says which parts are missing, and changes nothing.
    early = post(api, upload["links"]["complete"])
    assert early.status_code == 409
    assert early.json()["error"]["code"] == "parts_missing"
    assert "2, 3" in early.json()["error"]["message"]
    assert Upload.objects.get(pk=upload["id"]).state == Upload.State.STARTED

    for part in sign(api, upload, [2, 3]):
        send_s3(part, pieces[part["number"] - 1])
    done = post(api, upload["links"]["complete"])
    assert done.status_code == 201, done.content
    document = ResourceDocument.objects.get(pk=done.json()["document"]["id"])
    assert document.sha256 == hashlib.sha256(payload).hexdigest()


def test_a_retried_part_replaces_the_failed_one(api, collection, small_parts, s3_storage):
    payload = pdf_payload(6 * MIB)
    upload = start(api, collection, payload).json()
    first, second = sign(api, upload, [1, 2])
    pieces = chunks(payload, 5 * MIB)
    send_s3(first, pieces[0])
    send_s3(second, pieces[1][:100])  # cut short by a dropped connection
    short = post(api, upload["links"]["complete"])
    assert short.status_code == 422
    assert "Part 2 has 100 bytes" in short.json()["error"]["message"]
    assert Upload.objects.get(pk=upload["id"]).state == Upload.State.STARTED
    send_s3(sign(api, upload, [2])[0], pieces[1])
    assert post(api, upload["links"]["complete"]).status_code == 201


@pytest.mark.parametrize(
    ("payload", "filename", "code"),
    [
        (samples.windows_exe() + bytes(5000), "syllabus.pdf", "file_type_not_allowed"),
        (samples.elf(), "data.csv", "file_type_not_allowed"),
        (b"\x00\x01\x02\x03" * 500, "lecture.mp4", "file_type_not_allowed"),
    ],
)
def test_a_file_refused_by_content_leaves_no_row_and_no_object(
    api, collection, s3_storage, s3_client, settings, bucket_keys, payload, filename, code
):
    upload = start(api, collection, payload, filename=filename).json()
    send_s3(sign(api, upload, [1])[0], payload)

    response = post(api, upload["links"]["complete"])

    assert response.status_code == 422
    assert response.json()["error"]["code"] == code
    assert ResourceDocument.objects.count() == 0
    assert bucket_keys() == []
    assert multipart_uploads(s3_client, settings, s3_storage) == []
    rejected = Upload.objects.get(pk=upload["id"])
    assert rejected.state == Upload.State.REJECTED
    assert rejected.error == response.json()["error"]["message"]
    # The status says why, and a rejected upload cannot be completed again.
    assert api.get(upload["links"]["self"]).json()["error"]["message"] == rejected.error
    again = post(api, upload["links"]["complete"])
    assert again.status_code == 409 and again.json()["error"]["code"] == "upload_not_active"


def test_a_checksum_that_does_not_match_rejects_the_file(api, collection, s3_storage, bucket_keys):
    payload = samples.pdf(text="checksum")
    upload = start(api, collection, payload, sha256=hashlib.sha256(b"other").hexdigest()).json()
    send_s3(sign(api, upload, [1])[0], payload)
    response = post(api, upload["links"]["complete"])
    assert response.status_code == 422
    assert "checksum does not match" in response.json()["error"]["message"]
    assert bucket_keys() == [] and ResourceDocument.objects.count() == 0


def test_a_matching_checksum_is_accepted(api, collection, s3_storage):
    payload = samples.pdf(text="checksum")
    upload = start(api, collection, payload, sha256=hashlib.sha256(payload).hexdigest()).json()
    send_s3(sign(api, upload, [1])[0], payload)
    assert post(api, upload["links"]["complete"]).status_code == 201


@pytest.mark.parametrize(
    ("payload", "filename"),
    [
        (
            b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>",
            "page.html",
        ),
        (
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
            b"<script>alert(1)</script><circle r='4'/></svg>",
            "diagram.svg",
        ),
    ],
)
def test_html_and_svg_with_script_are_kept_only_as_inert_bytes(
    api, collection, s3_storage, s3_client, settings, payload, filename
):
    upload = start(api, collection, payload, filename=filename).json()
    send_s3(sign(api, upload, [1])[0], payload)
    document = ResourceDocument.objects.get(
        pk=post(api, upload["links"]["complete"]).json()["document"]["id"]
    )
    head = s3_client.head_object(
        Bucket=settings.S3_BUCKET, Key=f"{s3_storage}/{document.file.name}"
    )
    # Never text/html or image/svg+xml in the bucket: a signed URL cannot make a browser run it,
    assert head["ContentType"] == "application/octet-stream"
    # and no inline preview is offered: active content is only ever an attachment.
    assert api.get(reverse("files:preview", args=[document.pk])).status_code == 404


@pytest.mark.parametrize(
    ("filename", "stored_ends"),
    [
        ("../../../etc/passwd.txt", "etcpasswd.txt"),
        ("..\\..\\windows\\system.ini.txt", "windowssystem.ini.txt"),
        ("a" * 10_000 + ".txt", ".txt"),
    ],
)
def test_hostile_names_are_neutralised(api, collection, s3_storage, filename, stored_ends):
    payload = b"plain lesson notes\n"
    upload = start(api, collection, payload, filename=filename).json()
    send_s3(sign(api, upload, [1])[0], payload)
    document = ResourceDocument.objects.get(
        pk=post(api, upload["links"]["complete"]).json()["document"]["id"]
    )
    key = document.file.name
    assert key.startswith(f"documents/uploads/{upload['id']}/")
    assert ".." not in key.split("/") and "\\" not in key
    assert key.endswith(stored_ends) and len(key.rsplit("/", 1)[1].encode()) <= 180
    assert len(document.original_filename) <= 255


# --- refusals before anything is stored ---------------------------------------------


@pytest.mark.parametrize(
    ("size", "code"),
    [(0, "empty_file"), (6 * 1000**3, "file_too_large")],
)
def test_a_size_out_of_bounds_is_refused_at_the_start(
    api, collection, s3_storage, s3_client, settings, size, code
):
    body = {"collection": collection.pk, "filename": "big.mp4", "size": size}
    response = post(api, reverse("api:uploads"), body)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == code
    assert Upload.objects.count() == 0
    assert multipart_uploads(s3_client, settings, s3_storage) == []


def test_only_members_may_upload_and_only_to_their_own_upload(
    client, collection, uploader, s3_storage
):
    outsider = UserFactory()
    client.force_login(outsider)
    refused = start(client, collection, b"hello")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "permission_denied"

    client.force_login(uploader)
    upload = start(client, collection, b"hello").json()
    client.force_login(outsider)
    assert client.get(upload["links"]["self"]).status_code == 404
    assert post(client, upload["links"]["complete"]).status_code == 404


def test_anonymous_callers_are_told_to_sign_in(client, collection):
    response = start(client, collection, b"hello")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_session_writes_need_the_csrf_token(collection, uploader, s3_storage):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(uploader)
    response = start(browser, collection, b"hello")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "csrf_failed"
    browser.get(reverse("api:collections"))  # any page sets the cookie; the JS reads it
    browser.cookies["csrftoken"] = "a" * 32
    response = start(browser, collection, b"hello", headers={"HTTP_X_CSRFTOKEN": "a" * 32})
    assert response.status_code == 201


def test_scripts_use_an_api_token(collection, uploader, s3_storage):
    _row, token = APIToken.create_token(user=uploader, name="nightly import")
    script = Client(enforce_csrf_checks=True)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert script.get(reverse("api:collections"), **auth).json()["collections"] == [
        {"id": collection.pk, "name": collection.name}
    ]
    assert start(script, collection, b"hello", headers=auth).status_code == 201

    bad = script.get(reverse("api:uploads"), HTTP_AUTHORIZATION="Bearer wagtail_nope")
    assert bad.status_code == 401
    _row.revoke()
    assert script.get(reverse("api:uploads"), **auth).status_code == 401


def test_an_abandoned_upload_is_aborted_and_cannot_go_on(
    api, collection, s3_storage, s3_client, settings
):
    upload = start(api, collection, b"x" * 100).json()
    send_s3(sign(api, upload, [1])[0], b"x" * 100)
    assert len(multipart_uploads(s3_client, settings, s3_storage)) == 1

    response = api.delete(upload["links"]["self"])

    assert response.status_code == 200 and response.json()["state"] == "aborted"
    assert multipart_uploads(s3_client, settings, s3_storage) == []
    refused = post(api, upload["links"]["parts"], {"parts": [1]})
    assert refused.status_code == 409
    assert api.get(reverse("api:uploads")).json()["uploads"] == []


def test_part_numbers_outside_the_file_are_refused(api, collection, s3_storage):
    upload = start(api, collection, b"x" * 100).json()
    response = post(api, upload["links"]["parts"], {"parts": [2]})
    assert response.status_code == 422
    assert "from 1 to 1" in response.json()["error"]["message"]
    assert post(api, upload["links"]["parts"], {"parts": "1"}).status_code == 400


def test_bad_json_gets_a_clear_error(api):
    response = api.post(reverse("api:uploads"), "{nope", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_json"


# --- local storage (make run on a bare machine) ---------------------------------------


def put_local(client, part, data):
    return client.generic("PUT", part["url"], data, content_type="application/octet-stream")


def test_local_storage_takes_the_same_api(api, collection, small_parts, local_storage):
    payload = pdf_payload(7 * MIB)
    upload = start(api, collection, payload, filename="บทเรียน.pdf").json()
    parts = sign(api, upload, [1, 2])
    assert parts[0]["url"].startswith(f"/api/v1/uploads/{upload['id']}/parts/1?token=")
    pieces = chunks(payload, 5 * MIB)
    for part in parts:
        response = put_local(Client(), part, pieces[part["number"] - 1])  # no session needed
        assert response.status_code == 200, response.content
        assert (
            response["ETag"].strip('"')
            == hashlib.md5(pieces[part["number"] - 1], usedforsecurity=False).hexdigest()
        )
    assert [p["number"] for p in api.get(upload["links"]["self"]).json()["parts"]] == [1, 2]

    done = post(api, upload["links"]["complete"])

    assert done.status_code == 201, done.content
    document = ResourceDocument.objects.get(pk=done.json()["document"]["id"])
    assert document.sha256 == hashlib.sha256(payload).hexdigest()
    assert (local_storage / document.file.name).read_bytes() == payload
    assert not (local_storage / "uploads" / upload["id"]).exists()


def test_local_part_urls_are_checked(api, collection, small_parts, local_storage):
    payload = pdf_payload(6 * MIB)
    upload = start(api, collection, payload).json()
    first, second = sign(api, upload, [1, 2])
    forged = {**first, "url": first["url"].replace("/parts/1?", "/parts/2?")}
    assert put_local(Client(), forged, payload[: 5 * MIB]).status_code == 422
    too_long = put_local(Client(), second, payload[5 * MIB :] + b"extra")
    assert too_long.status_code == 422
    assert "must be" in too_long.json()["error"]["message"]
    assert api.get(upload["links"]["self"]).json()["parts"] == []


def test_local_rejection_leaves_nothing(api, collection, local_storage):
    payload = samples.windows_exe()
    upload = start(api, collection, payload, filename="slides.pptx").json()
    assert put_local(Client(), sign(api, upload, [1])[0], payload).status_code == 200
    response = post(api, upload["links"]["complete"])
    assert response.status_code == 422
    assert ResourceDocument.objects.count() == 0
    assert not any(p.is_file() for p in local_storage.rglob("*"))


# --- the store is unreachable -------------------------------------------------------


@pytest.fixture
def unreachable_store(settings, s3_storage):
    options = dict(settings.STORAGES["default"]["OPTIONS"])
    options["endpoint_url"] = "http://127.0.0.1:9"  # the discard port: nothing listens
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": options},
    }


def test_an_unreachable_store_gives_a_clear_error_and_no_row(api, collection, unreachable_store):
    response = start(api, collection, b"hello")
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "storage_unavailable"
    assert "cannot be reached" in error["message"] and "nothing was saved" in error["message"]
    assert Upload.objects.count() == 0


def test_document_create_reports_an_unreachable_store(collection, uploader, unreachable_store):
    from django.core.files.base import ContentFile

    from resource_hub.files.errors import StorageUnavailable
    from resource_hub.files.services import document_create

    with pytest.raises(StorageUnavailable):
        document_create(
            user=uploader, collection=collection, file=ContentFile(b"hello", name="a.txt")
        )
    assert ResourceDocument.objects.count() == 0


def test_unknown_upload_ids_are_not_found(api):
    assert api.get(reverse("api:upload", args=[uuid.uuid4()])).status_code == 404


def test_a_client_that_walks_away_leaves_no_row_and_the_sweep_aborts_its_upload(
    api, collection, small_parts, s3_storage, s3_client, settings
):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    payload = pdf_payload(6 * MIB)
    upload = start(api, collection, payload).json()
    send_s3(sign(api, upload, [1])[0], payload[: 5 * MIB])  # then the client is gone
    assert len(multipart_uploads(s3_client, settings, s3_storage)) == 1
    Upload.objects.filter(pk=upload["id"]).update(expires_at=timezone.now() - timedelta(hours=1))

    call_command("files_sweep", "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())

    assert multipart_uploads(s3_client, settings, s3_storage) == []
    assert Upload.objects.get(pk=upload["id"]).state == Upload.State.ABORTED
    assert ResourceDocument.objects.count() == 0
