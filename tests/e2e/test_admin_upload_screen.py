"""The admin's "Upload files" screen in a real browser: a file goes from the page to the
real S3 server through uploader.js and becomes a document in the chosen collection."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from resource_hub.files.models import ResourceDocument
from tests.files import samples

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_editor_uploads_a_file_from_the_admin_screen(page, world, s3_storage, tmp_path):
    pdf = tmp_path / "ตารางสอน.pdf"
    pdf.write_bytes(samples.pdf_with_text([("th", "ตารางสอน")]))
    page.goto(reverse("wagtailadmin_login"))
    page.get_by_label("Username").fill("editor_a")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("wagtailadmin_home")) + "$"))

    page.goto(reverse("files_upload"))
    page.locator("#rh-upload-collection").select_option(str(world.inst_a.collection.pk))
    page.locator("form[data-rh-upload][data-ready]").wait_for()
    page.locator("#rh-upload-files").set_input_files(str(pdf))
    expect(page.locator(".rh-upload__item.is-done")).to_have_count(1, timeout=60_000)

    document = ResourceDocument.objects.get(collection=world.inst_a.collection)
    assert document.file.read() == pdf.read_bytes()
