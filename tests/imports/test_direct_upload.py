"""An admin import whose ZIP came as a direct upload (the browser sent it straight to the
bucket in parts, through the upload API with the purpose "import"), against the real S3
server and PostgreSQL: the form names the upload, the job reads the ZIP where it is kept."""

import json
import os
from datetime import timedelta

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from resource_hub.files import objectstore
from resource_hub.files.models import ResourceDocument, Upload
from resource_hub.imports import forms as import_forms
from resource_hub.imports.jobs import jobs_expire
from resource_hub.imports.models import ImportJob
from resource_hub.imports.sources import open_stored_zip
from resource_hub.records.models import RecordPage
from tests.files import samples

from .conftest import csv_bytes, row, text_file, zip_bytes

MIB = 1024 * 1024


def api_post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def direct_upload(client, user, collection, payload: bytes, filename="materials.zip", **fields):
    """What uploader.js does: start, PUT each part to its signed URL, complete."""
    client.force_login(user)
    body = {
        "collection": collection.pk,
        "filename": filename,
        "size": len(payload),
        "purpose": "import",
        **fields,
    }
    started = api_post(client, "/api/v1/uploads", body)
    assert started.status_code == 201, started.content
    upload = started.json()
    numbers = list(range(1, upload["part_count"] + 1))
    parts = api_post(client, upload["links"]["parts"], {"parts": numbers}).json()["parts"]
    size = upload["part_size"]
    for part in parts:
        n = part["number"]
        answer = requests.put(part["url"], data=payload[(n - 1) * size : n * size], timeout=30)
        assert answer.status_code == 200, answer.text
    return api_post(client, upload["links"]["complete"])


@pytest.fixture
def start_import(client, committed):
    def post(user, *, sheet: bytes, institution, **data):
        client.force_login(user)
        payload = {
            "sheet": SimpleUploadedFile("records.csv", sheet),
            "institution": institution.pk,
            **data,
        }
        return committed(client.post, reverse("imports_start"), payload)

    return post


def errors(response) -> str:
    """The form's errors that are about no one field (the import's refusals)."""
    return " ".join(response.context["form"].non_field_errors())


def stored_names(s3_client, settings, prefix):
    listed = s3_client.list_objects_v2(Bucket=settings.S3_BUCKET, Prefix=f"{prefix}/")
    return [item["Key"].removeprefix(f"{prefix}/") for item in listed.get("Contents", [])]


def test_an_import_whose_zip_arrived_as_a_direct_upload_imports_the_records_with_their_files(
    services, world, client, start_import, committed, s3_client, settings
):
    # Two parts: incompressible filler makes the ZIP larger than one part (5 MiB).
    settings.FILES_UPLOAD_PART_SIZE = 5 * MIB
    filler = os.urandom(6 * MIB)
    files = zip_bytes({"week1/w1.txt": text_file(1), "w2.txt": text_file(2), "big.bin": filler})
    done = direct_upload(client, world.editor_a, world.inst_a.collection, files)

    assert done.status_code == 201, done.content
    answer = done.json()
    assert answer["state"] == "completed" and answer["purpose"] == "import"
    assert answer["part_count"] == 2
    assert answer["document"] is None  # an import's ZIP makes no document
    assert not ResourceDocument.objects.exists()
    upload = Upload.objects.get(pk=answer["id"])
    assert upload.key == f"imports/uploads/{upload.pk}/materials.zip"

    sheet = csv_bytes([row(1, files="w1.txt"), row(2, files="w2.txt")])
    response = start_import(
        world.editor_a, sheet=sheet, institution=world.inst_a, files_upload=str(upload.pk)
    )

    job = ImportJob.objects.get()
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert job.upload == upload and job.files_name == "materials.zip" and not job.files
    assert job.state == ImportJob.State.CHECKED, job.error
    report = client.get(reverse("imports_job", args=[job.pk])).content.decode()
    assert "2 to create, 0 to update, 0 unchanged, 0 with errors" in report

    committed(client.post, reverse("imports_confirm", args=[job.pk]))

    job.refresh_from_db()
    assert job.state == ImportJob.State.DONE, job.error
    for n in (1, 2):
        record = RecordPage.objects.get(external_id=f"IMP-{n:05d}").specific
        (document,) = [item.document for item in record.files.all()]
        assert document.file.read() == text_file(n)
        assert document.collection == world.inst_a.collection
    # The ZIP is gone from the bucket and the upload cannot be named again.
    assert not any(
        name.startswith("imports/") for name in stored_names(s3_client, settings, services)
    )
    upload.refresh_from_db()
    assert upload.state == Upload.State.ABORTED
    again = start_import(
        world.editor_a, sheet=sheet, institution=world.inst_a, files_upload=str(upload.pk)
    )
    assert again.status_code == 200
    assert "was used by another import" in errors(again)


def test_someone_elses_upload_is_refused_even_by_an_editor_of_the_same_institution(
    services, world, client, start_import
):
    files = zip_bytes({"w1.txt": text_file(1)})
    done = direct_upload(client, world.teacher_a, world.inst_a.collection, files)
    assert done.status_code == 201

    response = start_import(
        world.editor_a,
        sheet=csv_bytes([row(1, files="w1.txt")]),
        institution=world.inst_a,
        files_upload=done.json()["id"],
    )

    assert response.status_code == 200  # the form again, with the error
    refusal = errors(response)
    assert "There is no such upload of yours" in refusal
    assert not ImportJob.objects.exists()
    # Its owner may use it.
    mine = start_import(
        world.teacher_a,
        sheet=csv_bytes([row(1, files="w1.txt")]),
        institution=world.inst_a,
        files_upload=done.json()["id"],
    )
    assert mine.status_code == 302
    assert ImportJob.objects.get().state == ImportJob.State.CHECKED


def test_an_upload_that_is_not_a_zip_is_refused(
    services, world, client, start_import, s3_client, settings
):
    # Named .zip, but a PDF by its content: refused when the upload completes, every byte gone.
    done = direct_upload(client, world.editor_a, world.inst_a.collection, samples.pdf())

    assert done.status_code == 422
    assert "not a ZIP archive" in done.json()["error"]["message"]
    upload = Upload.objects.get()
    assert upload.state == Upload.State.REJECTED
    assert stored_names(s3_client, settings, services) == []
    response = start_import(
        world.editor_a,
        sheet=csv_bytes([row(1)]),
        institution=world.inst_a,
        files_upload=str(upload.pk),
    )
    assert response.status_code == 200
    assert "was refused" in errors(response)

    # An .xlsx is a ZIP inside, but not an archive of files: refused too.
    from .conftest import xlsx_bytes

    xlsx = direct_upload(client, world.editor_a, world.inst_a.collection, xlsx_bytes([row(1)]))
    assert xlsx.status_code == 422
    assert "spreadsheetml" in xlsx.json()["error"]["message"]


def test_a_document_upload_cannot_stand_for_an_import_zip(services, world, client, start_import):
    # A ZIP uploaded as a document (the "Upload files" screen) is a document, not an import's.
    client.force_login(world.editor_a)
    payload = zip_bytes({"w1.txt": text_file(1)})
    started = api_post(
        client,
        "/api/v1/uploads",
        {"collection": world.inst_a.collection.pk, "filename": "a.zip", "size": len(payload)},
    ).json()
    response = start_import(
        world.editor_a,
        sheet=csv_bytes([row(1)]),
        institution=world.inst_a,
        files_upload=started["id"],
    )

    assert response.status_code == 200
    assert "not sent as an import's ZIP" in errors(response)


def test_an_unfinished_upload_is_refused(services, world, client, start_import):
    client.force_login(world.editor_a)
    payload = zip_bytes({"w1.txt": text_file(1)})
    body = {
        "collection": world.inst_a.collection.pk,
        "filename": "a.zip",
        "size": len(payload),
        "purpose": "import",
    }
    started = api_post(client, "/api/v1/uploads", body).json()

    response = start_import(
        world.editor_a,
        sheet=csv_bytes([row(1)]),
        institution=world.inst_a,
        files_upload=started["id"],
    )

    assert "has not finished uploading" in errors(response)


def test_without_javascript_a_small_zip_still_comes_with_the_form(
    services, world, start_import, committed, client, monkeypatch
):
    files = zip_bytes({"w1.txt": text_file(1)})
    sheet = csv_bytes([row(1, files="w1.txt")])

    response = start_import(
        world.editor_a,
        sheet=sheet,
        institution=world.inst_a,
        files=SimpleUploadedFile("files.zip", files),
    )

    job = ImportJob.objects.get()
    assert response.status_code == 302 and job.state == ImportJob.State.CHECKED
    committed(client.post, reverse("imports_confirm", args=[job.pk]))
    record = RecordPage.objects.get(external_id="IMP-00001").specific
    assert record.files.get().document.file.read() == text_file(1)

    # Over the form's limit: refused, with the limit and what to do instead.
    monkeypatch.setattr(import_forms, "FORM_ZIP_MAX_SIZE", len(files) - 1)
    page = client.get(reverse("imports_start")).content.decode()
    assert "Without JavaScript the form takes a ZIP" in page
    too_large = start_import(
        world.editor_a,
        sheet=sheet,
        institution=world.inst_a,
        files=SimpleUploadedFile("files.zip", files),
    )
    assert too_large.status_code == 200
    assert "Turn on JavaScript" in str(too_large.context["form"].errors["files"])


def test_a_form_zip_that_is_not_a_zip_by_content_is_refused(services, world, start_import):
    response = start_import(
        world.editor_a,
        sheet=csv_bytes([row(1)]),
        institution=world.inst_a,
        files=SimpleUploadedFile("files.zip", samples.pdf()),
    )

    assert response.status_code == 200
    assert "is not a ZIP file" in errors(response)
    assert not ImportJob.objects.exists()


def test_the_stored_zip_is_read_in_place_a_member_at_a_time(services, world, s3_storage):
    """Reading one small member of a large stored ZIP fetches a small part of it (ranged
    GETs through the central directory), not the whole object."""
    big = os.urandom(24 * MIB)
    payload = zip_bytes({"big.bin": big, "small.txt": text_file(1)})
    objectstore.default_storage().save(
        "imports/test/materials.zip", SimpleUploadedFile("m", payload)
    )
    client = objectstore.bucket().client
    fetched = []

    def count(http_response, parsed, model, **_kwargs):
        fetched.append(int(http_response.headers.get("content-length", 0)))

    client.meta.events.register("after-call.s3.GetObject", count)
    try:
        source = open_stored_zip("imports/test/materials.zip", "materials.zip", size=len(payload))
        with source.open(source.resolve("small.txt")) as member:
            assert member.read() == text_file(1)
        source.close()
    finally:
        client.meta.events.unregister("after-call.s3.GetObject", count)

    assert fetched and sum(fetched) < 2 * MIB


def test_uploaded_zips_no_import_names_are_dropped_a_day_later(
    services, world, client, s3_client, settings
):
    done = direct_upload(
        client, world.editor_a, world.inst_a.collection, zip_bytes({"a.txt": b"a"})
    )
    upload = Upload.objects.get(pk=done.json()["id"])
    assert stored_names(s3_client, settings, services) == [upload.key]

    jobs_expire(now=timezone.now() + timedelta(hours=23))
    assert stored_names(s3_client, settings, services) == [upload.key]
    jobs_expire(now=timezone.now() + timedelta(days=1, minutes=1))

    assert stored_names(s3_client, settings, services) == []
    upload.refresh_from_db()
    assert upload.state == Upload.State.ABORTED


def test_with_local_storage_the_zip_is_kept_in_the_media_folder(
    world, client, start_import, settings, tmp_path
):
    """`make run` on a bare machine: parts go to the site's own signed URLs, and the
    assembled ZIP is kept under MEDIA_ROOT/imports/uploads/<id>/ for the import."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    files = zip_bytes({"w1.txt": text_file(1)})
    client.force_login(world.editor_a)
    body = {
        "collection": world.inst_a.collection.pk,
        "filename": "materials.zip",
        "size": len(files),
        "purpose": "import",
    }
    upload = api_post(client, "/api/v1/uploads", body).json()
    (part,) = api_post(client, upload["links"]["parts"], {"parts": [1]}).json()["parts"]
    sent = client.put(part["url"], files, content_type="application/octet-stream")
    assert sent.status_code == 200, sent.content
    done = api_post(client, upload["links"]["complete"])

    assert done.status_code == 201, done.content
    kept = tmp_path / "imports" / "uploads" / upload["id"] / "materials.zip"
    assert kept.read_bytes() == files
    assert not (tmp_path / "uploads" / upload["id"]).exists()  # the staged parts are gone

    response = start_import(
        world.editor_a,
        sheet=csv_bytes([row(1, files="w1.txt")]),
        institution=world.inst_a,
        files_upload=upload["id"],
    )

    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.state == ImportJob.State.CHECKED, job.error
    (checked,) = job.check_report["rows"]
    assert checked["status"] == "created" and not checked["errors"], checked
