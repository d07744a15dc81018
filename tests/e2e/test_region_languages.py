"""Every language of the region reads the site in its own script: the home page and the
search page in Khmer and Lao (the two newest catalogues) at 1280 and 360 px, axe clean,
nothing wider than the screen, and no English left in the page's own words."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from .browser import axe_check, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 640}


@pytest.mark.parametrize("language", ["km", "lo", "my", "fil"])
def test_the_home_and_search_pages_speak_the_language(new_context, world, language):
    with translation.override(language):
        search_label = gettext("Skip to content")
        institutions = gettext("Institutions")
        intro = gettext("Search teaching materials and achievements")
        search_url = reverse("search")
        collections_url = reverse("browse_collections")
    assert search_label != "Skip to content", f"{language} has no translation of the skip link"

    page = new_context(viewport=PHONE).new_page()
    page.goto(f"/{language}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(".skip-link")).to_have_text(search_label)
    expect(page.locator("footer")).to_contain_text(institutions)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the {language} home page is {width} px wide"
    axe_check(page)
    screenshot(page, f"home-{language}")

    page.goto(search_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(intro)
    axe_check(page)
    for path in (search_url, collections_url):  # pages with the header's search box
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width} px wide"
