"""The admin's "Import records" screen in a real browser: the ZIP goes from the page
straight to the real S3 server in parts (uploader.js, an upload with the purpose
"import"), its progress bar fills, and the form then names the finished upload instead
of carrying the bytes; the check reads the ZIP from the bucket and reports."""

import io
import os
import re
import zipfile

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from resource_hub.files.models import Upload
from resource_hub.imports.models import ImportJob
from tests.imports.conftest import csv_bytes, row, text_file

from .browser import screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MIB = 1024 * 1024


def zip_file(path, files: dict[str, bytes]):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    path.write_bytes(out.getvalue())
    return path


def test_an_editor_uploads_the_zip_in_parts_and_sees_the_check(
    page, world, s3_storage, settings, tmp_path
):
    settings.FILES_UPLOAD_PART_SIZE = 5 * MIB  # the smallest S3 allows: two parts here
    sheet = tmp_path / "records.csv"
    sheet.write_bytes(csv_bytes([row(1, files="w1.txt"), row(2, files="week2/w2.txt")]))
    materials = zip_file(
        tmp_path / "materials.zip",
        {"w1.txt": text_file(1), "week2/w2.txt": text_file(2), "video.bin": os.urandom(7 * MIB)},
    )

    page.goto(reverse("wagtailadmin_login"))
    page.get_by_label("Username").fill("editor_a")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("wagtailadmin_home")) + "$"))

    page.goto(reverse("imports_start"))
    page.locator("form#import-form[data-zip-ready]").wait_for()
    page.locator("input[name=sheet]").set_input_files(str(sheet))
    page.locator("input[name=files]").set_input_files(str(materials))

    box = page.locator("#import-zip-upload")
    expect(box).to_have_attribute("data-state", "done", timeout=60_000)
    expect(box.locator("[data-rh-status]")).to_contain_text("materials.zip")
    bar = box.locator("progress")
    assert bar.evaluate("bar => [bar.value, bar.max]") == [materials.stat().st_size] * 2
    # The bytes went to the bucket: the form carries only the upload's id.
    assert page.locator("input[name=files]").evaluate("input => input.files.length") == 0
    upload = Upload.objects.get(purpose=Upload.Purpose.IMPORT, state=Upload.State.COMPLETED)
    assert page.locator("input[name=files_upload]").input_value() == str(upload.pk)
    assert upload.part_count == 2
    screenshot(page, "admin-import-zip-uploaded")

    page.get_by_role("button", name="Upload and check").click()

    job = ImportJob.objects.get()
    expect(page).to_have_url(re.compile(re.escape(reverse("imports_job", args=[job.pk])) + "$"))
    expect(page.get_by_text("2 to create, 0 to update, 0 unchanged, 0 with errors")).to_be_visible(
        timeout=30_000
    )
    assert job.upload == upload and job.files_name == "materials.zip"
    screenshot(page, "admin-import-zip-checked")
