"""The Wagtail admin works under its Content-Security-Policy (settings/security.py): the
dashboard, a record's editor (InlinePanels and date widgets start their scripts inline,
the live preview frames the admin) and the documents listing, with no violation.

The harness (conftest.py) fails any test on a CSP violation; these tests prove the
admin's script runs by using it, not only by loading it."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from resource_hub.records.models import AchievementPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def admin_script_ran(page) -> None:
    """Wagtail's w-init controller marks the body ready once the admin's script runs."""
    expect(page.locator("body#wagtail")).to_have_class(re.compile(r"\bready\b"))


def sign_in_to_admin(page, username: str) -> None:
    page.goto(reverse("wagtailadmin_login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("wagtailadmin_home")) + "$"))


def test_the_admin_dashboard_and_documents_work_under_the_policy(page, world):
    sign_in_to_admin(page, "editor_a")
    admin_script_ran(page)

    page.goto(reverse("wagtaildocs:index"))
    admin_script_ran(page)


def test_a_record_can_be_edited_in_the_admin_under_the_policy(page, world, make_record):
    record = make_record(title="Rice terraces", record_class=AchievementPage)
    sign_in_to_admin(page, "editor_a")

    page.goto(reverse("wagtailadmin_pages:edit", args=[record.pk]))
    admin_script_ran(page)
    expect(page.locator("#id_title")).to_have_value("Rice terraces")
    # InlinePanel's inline script wires its "Add" button: a click adds a creator form.
    creators = page.locator("#id_creators-FORMS > [data-inline-panel-child]:not(.deleted)")
    before = creators.count()
    page.locator("#id_creators-ADD").click()
    expect(creators).to_have_count(before + 1)

    # The live preview frames the admin's own preview view.
    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text("Rice terraces")
