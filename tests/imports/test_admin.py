"""The admin's "Import records" screens with the Django test client: upload → report → confirm."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from resource_hub.imports.models import ImportJob
from resource_hub.records.models import RecordPage

from .conftest import csv_bytes, row, text_file, xlsx_bytes, zip_bytes


@pytest.fixture
def upload(client, committed):
    def post(user, sheet: bytes, name="records.xlsx", files: bytes | None = None, **data):
        client.force_login(user)
        payload = {"sheet": SimpleUploadedFile(name, sheet), **data}
        if files is not None:
            payload["files"] = SimpleUploadedFile("files.zip", files)
        return committed(client.post, reverse("imports_start"), payload)

    return post


def bucket_keys(s3_client, settings, prefix):
    listed = s3_client.list_objects_v2(Bucket=settings.S3_BUCKET, Prefix=f"{prefix}/")
    return [item["Key"].removeprefix(f"{prefix}/") for item in listed.get("Contents", [])]


def test_upload_report_confirm(services, world, client, upload, committed, s3_client, settings):
    rows = [
        row(1, files="w1.txt"),
        row(2, language="火星语"),
        row(3, title="苹果种植", files="w3.txt"),
    ]
    files = zip_bytes({"w1.txt": text_file(1), "w3.txt": text_file(3)})

    client.force_login(world.editor_a)
    page = client.get(reverse("imports_start"))
    assert page.status_code == 200
    assert reverse("imports_start") in page.content.decode()  # the menu item
    response = upload(world.editor_a, xlsx_bytes(rows), files=files, institution=world.inst_a.pk)

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports_job", args=[job.pk])
    assert job.state == ImportJob.State.CHECKED
    assert RecordPage.objects.count() == 0  # the check saved nothing
    stored = bucket_keys(s3_client, settings, services)
    assert sorted(stored) == sorted([job.sheet.name, job.files.name])  # the uploads, privately
    assert all(key.startswith(f"imports/{job.pk}/") for key in stored)

    report_page = client.get(response["Location"]).content.decode()
    assert "2 to create, 0 to update, 0 unchanged, 1 with errors" in report_page
    assert 'data-row="3" data-column="language"' in report_page
    assert "Import 2 records" in report_page
    report_csv = client.get(reverse("imports_report", args=[job.pk]))
    lines = list(csv.DictReader(io.StringIO(report_csv.content.decode())))
    assert [(line["row"], line["column"]) for line in lines if line["column"]] == [
        ("3", "language")
    ]

    confirmed = committed(client.post, reverse("imports_confirm", args=[job.pk]))

    assert confirmed.status_code == 302
    job.refresh_from_db()
    assert job.state == ImportJob.State.DONE
    assert RecordPage.objects.filter(external_id__in=["IMP-00001", "IMP-00003"]).count() == 2
    done_page = client.get(reverse("imports_job", args=[job.pk])).content.decode()
    assert "2 created, 0 updated, 0 unchanged, 1 failed." in done_page
    # The uploaded sheet and ZIP are gone; the two files are stored as documents.
    assert [
        key for key in bucket_keys(s3_client, settings, services) if key.startswith("imports/")
    ] == []
    assert not job.sheet and not job.files


def test_a_teacher_cannot_import_into_another_institution(services, world, upload):
    response = upload(
        world.teacher_b, csv_bytes([row(1)]), name="r.csv", institution=world.inst_a.pk
    )

    assert response.status_code == 200  # the form again, with the error
    assert "institution" in response.context["form"].errors
    assert not ImportJob.objects.exists()


def test_editor_sees_only_their_institution_and_admin_chooses(services, world, client):
    client.force_login(world.editor_b)
    form = client.get(reverse("imports_start")).context["form"]
    assert list(form.institutions) == [world.inst_b.pk]

    client.force_login(world.admin)
    form = client.get(reverse("imports_start")).context["form"]
    assert set(form.institutions) == {world.inst_a.pk, world.inst_b.pk}


def test_someone_elses_job_is_not_found(services, world, client, upload):
    upload(world.editor_a, csv_bytes([row(1)]), name="r.csv", institution=world.inst_a.pk)
    job = ImportJob.objects.get()

    client.force_login(world.teacher_a)
    assert client.get(reverse("imports_job", args=[job.pk])).status_code == 404
    assert client.post(reverse("imports_confirm", args=[job.pk])).status_code == 404


def test_a_sheet_of_another_format_is_refused_before_upload(
    services, world, upload, s3_client, settings
):
    response = upload(world.editor_a, b"a,b\n", name="records.ods", institution=world.inst_a.pk)

    assert response.status_code == 200
    assert ".csv or .xlsx" in str(response.context["form"].non_field_errors())
    assert not ImportJob.objects.exists()
    assert bucket_keys(s3_client, settings, services) == []


def test_cancel_deletes_the_uploads(services, world, client, upload, s3_client, settings):
    upload(world.editor_a, csv_bytes([row(1)]), name="r.csv", institution=world.inst_a.pk)
    job = ImportJob.objects.get()

    response = client.post(reverse("imports_cancel", args=[job.pk]))

    assert response.status_code == 302
    job.refresh_from_db()
    assert job.state == ImportJob.State.CANCELLED
    assert bucket_keys(s3_client, settings, services) == []


def test_no_institution_no_screen(services, client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="pw", is_staff=True)
    client.force_login(user)

    assert client.get(reverse("imports_start")).status_code in (302, 403)


def test_a_check_nobody_confirms_expires_with_its_uploads(
    services, world, upload, s3_client, settings
):
    from datetime import timedelta

    from django.utils import timezone

    from resource_hub.imports.jobs import jobs_expire

    upload(world.editor_a, csv_bytes([row(1)]), name="r.csv", institution=world.inst_a.pk)
    job = ImportJob.objects.get()
    assert job.state == ImportJob.State.CHECKED and bucket_keys(s3_client, settings, services)

    assert jobs_expire(now=timezone.now() + timedelta(hours=23)) == 0
    assert jobs_expire(now=timezone.now() + timedelta(days=1, minutes=1)) == 1

    job.refresh_from_db()
    assert job.state == ImportJob.State.CANCELLED
    assert bucket_keys(s3_client, settings, services) == []
