"""The wizard's small scripts in a real browser: the Type list follows the kind, the
subject box narrows the list, and creator rows are added and removed; at 1280 and
360 px, axe clean, under the site's Content-Security-Policy (tests/e2e/conftest.py)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from resource_hub.core.vocabularies import ResourceType

from .browser import axe_check, screenshot
from .test_teacher_flow import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


DESKTOP, PHONE = {"width": 1280, "height": 800}, {"width": 360, "height": 640}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
def test_type_subject_and_creator_rows_respond_to_the_teacher(new_context, world, viewport):
    page = new_context(viewport=viewport).new_page()
    sign_in(page, "teacher_a")
    page.goto(reverse("desk:record-new"))

    type_select = page.locator("select[data-desk-types]")
    material = ResourceType.objects.filter(applies_to="material", is_active=True).count()
    achievement = ResourceType.objects.filter(applies_to="achievement", is_active=True).count()
    expect(type_select.locator("option")).to_have_count(material + 1)  # and the empty choice
    page.locator("input[name=kind][value=achievement]").check()
    expect(type_select.locator("option")).to_have_count(achievement + 1)

    subject = page.locator("select[data-desk-filter]")
    box = page.locator(f"#{subject.get_attribute('id')}_filter")
    box.fill("0811")
    visible = subject.locator("option:not([hidden])")
    expect(visible.filter(has_text="0811")).to_have_count(1)
    assert visible.count() <= 3  # the empty choice, 0811, perhaps its group's "not elsewhere"

    rows = page.locator("#desk-creators fieldset.desk-creator")
    before = rows.count()
    page.locator("#desk-add-creator").click()
    expect(rows).to_have_count(before + 1)
    axe_check(page)
    screenshot(page, f"desk-wizard-scripts-{viewport['width']}")
