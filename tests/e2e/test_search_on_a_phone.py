"""Search on a phone: the results come first and the filters wait behind "Filters (n)";
on a desktop the filters stand beside the results and apply as soon as one is ticked.

Real PostgreSQL, Elasticsearch and Chromium (tests/e2e/conftest.py).
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from resource_hub.core.vocabularies import Language, SubjectField
from search import lifecycle

from .browser import axe_check, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 640}


@pytest.fixture
def many(es_client, world, make_record):
    from resource_hub.records.services import record_release

    lifecycle.rebuild()
    subjects = ["0111", "0511", "0611", "0811", "0913", "0412", "0732", "1013"]
    for n, code in enumerate(subjects * 2):
        record = make_record(
            title=f"Rice farming lesson {n}",
            subject=SubjectField.objects.get(code=code),
            language=Language.objects.get(code=["zh", "th", "vi", "en"][n % 4]),
            year=2010 + n,
        )
        record_release(user=world.editor_a, record=record)


def test_on_a_phone_the_first_result_is_on_the_first_screen(new_context, many):
    page = new_context(viewport=PHONE).new_page()
    page.goto(reverse("search") + "?q=rice")

    first = page.locator("ol.search-results > li").first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box["y"] + 40 < PHONE["height"], f"first result starts at {box['y']} px"
    filters = page.locator("#search-filters")
    expect(filters).not_to_have_attribute("open", "")
    axe_check(page)
    screenshot(page, "search-phone")

    page.get_by_text("Filters", exact=True).click()
    # A click, as a person taps: the box submits the form at once, and `check()`'s own
    # read-back of the box raced that navigation (a 30 s timeout, now and then).
    page.get_by_role("checkbox", name="Thai").click()  # applies at once

    expect(page).to_have_url(re.compile(r"language=th"))
    expect(page.locator("#search-filters > summary")).to_have_text("Filters (1)")
    expect(page.locator("ol.search-results > li")).to_have_count(4)


def test_on_a_desktop_filters_stand_beside_the_results_with_a_subject_tree(page, many):
    page.goto(reverse("search") + "?q=rice")

    expect(page.locator("#search-filters")).to_have_attribute("open", "")
    expect(page.locator(".facet-tree").first).to_be_visible()
    expect(page.locator(".apply-filters")).to_be_hidden()  # JavaScript applies on change
    results = page.locator("ol.search-results > li").first.bounding_box()
    facets = page.locator(".facets").bounding_box()
    assert facets["x"] < results["x"] and abs(facets["y"] - results["y"]) < 200
    axe_check(page)
    screenshot(page, "search-desktop")
