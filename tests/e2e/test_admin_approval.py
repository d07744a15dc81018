"""Approving a record in Wagtail's admin, in a real browser under the admin's CSP, axe
clean: the page editor's "Approve" and the dashboard's "Approve with comment" (Wagtail's
modal script) both open the confirmation naming who will see the record and its files;
Cancel releases nothing, confirming releases it."""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from playwright.sync_api import expect

from resource_hub.files.services import document_create
from resource_hub.records.models import AccessLevel
from resource_hub.records.services import file_attach, record_submit
from tests.files import samples

from .browser import axe_check, screenshot
from .test_admin_pages import admin_script_ran, sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def at(path: str) -> re.Pattern:
    """The page's URL is this path, whatever the query and fragment."""
    return re.compile(rf"^[^?#]*{re.escape(path)}(\?[^#]*)?(#.*)?$")


@pytest.fixture
def submission(world, make_record, s3_storage):
    record = make_record(title="Rice in Yunnan", access_level=AccessLevel.INSTITUTION)
    document = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(samples.png(size=(8, 6)), name="paddy-terraces.png"),
    )
    file_attach(user=world.teacher_a, record=record, document=document, label="Field photo")
    record_submit(user=world.teacher_a, record=record)
    return record


def test_an_editor_approves_a_record_in_the_admin_after_the_confirmation(page, world, submission):
    confirmation = reverse("desk_admin_approve", args=[submission.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[submission.pk])
    sign_in_to_admin(page, "editor_a")

    # The dashboard's "Approve with comment" opens Wagtail's modal, which goes to it.
    admin_script_ran(page)
    row = page.locator("#awaiting-review-section tr", has_text="Rice in Yunnan")
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve with comment").click()
    expect(page).to_have_url(at(confirmation))
    expect(page.locator("#admin-approve-audience")).to_have_text(f"Members of {world.inst_a.title}")
    page.locator("#admin-approve-cancel").click()
    expect(page).to_have_url(at(reverse("wagtailadmin_home")))
    submission.refresh_from_db()
    assert not submission.live

    # The page editor's "Approve" is a link to it too.
    page.goto(edit_url)
    admin_script_ran(page)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("link", name=re.compile(r"^Approve and Publish$")).click()
    expect(page).to_have_url(at(confirmation))
    files = page.locator("#admin-approve-files")
    expect(files).to_contain_text("Field photo")
    admin_script_ran(page)
    axe_check(page)
    screenshot(page, "admin-approve-confirm")

    page.get_by_label("A word for the author").fill("Well documented.")
    page.locator("#admin-approve-release").click()
    expect(page).to_have_url(at(edit_url))
    expect(page.locator(".messages")).to_contain_text("was released")
    submission.refresh_from_db()
    assert submission.live
