"""The account menu in a real browser: an editor signs in, lands on their review queue,
opens the header's menu (with and without JavaScript, at 1280 and 360 px), and signs out
from it; a teacher's menu has no review queue; the pages pass axe."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from resource_hub.records.services import record_submit

from .browser import axe_check, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 640}


def at(path: str) -> re.Pattern:
    return re.compile(rf"^[^?#]*{re.escape(path)}(\?.*)?$")


def sign_in(page, username: str, lands_on: str) -> None:
    """Through the header's "Sign in" link, as people do."""
    page.goto(reverse("search"))
    page.locator(".sign-in").click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(at(reverse(lands_on)))


@pytest.fixture
def waiting(world, make_record):
    for title in ["Rice in Yunnan", "Tea in Pu'er"]:
        record_submit(user=world.teacher_a, record=make_record(title=title))


def open_menu(page):
    menu = page.locator("#account-menu")
    menu.locator("summary").click()
    expect(menu.locator("ul")).to_be_visible()
    return menu


def fits(page, locator) -> None:
    """The element is wholly inside the viewport's width (nothing to scroll sideways for)."""
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (box, width)


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["1280", "360"])
def test_an_editor_lands_on_the_queue_and_uses_the_menu(new_context, world, waiting, viewport):
    options = {"viewport": viewport} if viewport else {}
    page = new_context(**options).new_page()
    sign_in(page, "editor_a", "desk:review")

    menu = open_menu(page)
    review = menu.locator("#account-review")
    expect(review).to_contain_text("Awaiting my review")
    expect(review.locator(".account-count")).to_have_text("2")
    expect(menu.locator("summary .account-count")).to_contain_text("2")
    fits(page, menu.locator("ul"))
    axe_check(page)
    if viewport is None:
        screenshot(page, "account-menu-editor")

    menu.locator("#account-notifications").click()
    expect(page).to_have_url(at(reverse("notifications:settings")))
    axe_check(page)
    if viewport is None:
        screenshot(page, "notification-settings")
    open_menu(page).locator("#account-submissions").click()
    expect(page).to_have_url(at(reverse("desk:submissions")))
    open_menu(page).locator("#account-sign-out").click()
    expect(page.locator(".sign-in")).to_be_visible()
    expect(page.locator("#account-menu")).to_have_count(0)


def test_a_teachers_menu_works_without_javascript(new_context, world, waiting):
    """<details> and a POST form: no script needed (axe needs script, so it runs above)."""
    page = new_context(java_script_enabled=False, viewport=PHONE).new_page()
    sign_in(page, "teacher_a", "desk:submissions")

    menu = open_menu(page)
    expect(menu.locator("#account-review")).to_have_count(0)
    expect(menu.locator("#account-notifications")).to_be_visible()
    fits(page, menu.locator("ul"))
    menu.locator("#account-notifications").click()
    expect(page).to_have_url(at(reverse("notifications:settings")))
    open_menu(page).locator("#account-sign-out").click()
    expect(page.locator(".sign-in")).to_be_visible()
