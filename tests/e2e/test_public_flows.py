"""What an anonymous visitor does in a real browser: find a record by a word inside its PDF,
open it, download the file; a draft stays out of reach; the public pages pass axe.

Real PostgreSQL, Elasticsearch and S3 server (tests/conftest.py), real Chromium
(tests/e2e/conftest.py). URLs come from reverse() and page.get_url() at test time.
Every check after a click or a navigation is one of Playwright's `expect` assertions,
which wait for the page to get there, so none reads the page before it has changed.
"""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Site

from resource_hub.files.services import document_create
from resource_hub.records.services import file_attach, record_release
from search import lifecycle
from tests.files import samples

from .browser import axe_check, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Made up, so it can only be found in the PDF's text: not in any title, abstract or keyword.
WORD_IN_PDF = "paddywhistle"
TITLE = "水稻栽培技术 Rice cultivation techniques"
FILE_NAME = "การปลูกข้าว 水稻.pdf"


@pytest.fixture
def search_index(es_client):
    """An empty index of the test's own, so releases are indexed as they happen."""
    lifecycle.rebuild()
    return es_client


@pytest.fixture
def pdf_bytes():
    return samples.pdf_with_text(
        [("en", f"Lesson one: water management in the {WORD_IN_PDF} method."), ("th", "การปลูกข้าว")]
    )


@pytest.fixture
def released(world, make_record, search_index, s3_storage, pdf_bytes):
    """A released record with the PDF on the S3 server, its text extracted and indexed."""
    record = make_record(title=TITLE)
    document = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(pdf_bytes, name=FILE_NAME),
    )
    file_attach(user=world.teacher_a, record=record, document=document)
    return record_release(user=world.editor_a, record=record)


def home_url():
    return Site.objects.get(is_default_site=True).root_page.get_url()


def at(path: str) -> re.Pattern:
    """The page's URL is this path, whatever the query."""
    return re.compile(rf"^[^?#]*{re.escape(path)}(\?.*)?$")


def test_a_visitor_finds_a_word_inside_a_pdf_and_downloads_the_same_bytes(
    page, released, pdf_bytes
):
    page.goto(home_url())
    page.get_by_role("search").first.get_by_role("searchbox").fill(WORD_IN_PDF)
    page.get_by_role("search").first.get_by_role("button").click()

    expect(page).to_have_url(at(reverse("search")))
    results = page.locator("ol.search-results > li")
    expect(results).to_have_count(1)
    screenshot(page, "search-results")
    results.first.get_by_role("link").first.click()

    expect(page).to_have_url(at(released.get_url()))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    with page.expect_download() as started:
        page.get_by_role("link", name="Download").first.click()
    download = started.value
    assert download.failure() is None
    assert download.suggested_filename == FILE_NAME
    with open(download.path(), "rb") as saved:
        assert saved.read() == pdf_bytes


def test_a_draft_is_not_found_by_its_url(page, world, make_record):
    draft = make_record(title="Unreleased cassava notes")

    response = page.goto(draft.get_url())

    assert response.status == 404
    assert "Unreleased cassava notes" not in page.content()


def test_home_search_and_record_pages_pass_axe(page, released):
    page.goto(home_url())
    axe_check(page)
    screenshot(page, "home")

    page.goto(reverse("search") + "?q=rice")
    expect(page.locator("ol.search-results > li")).to_have_count(1)
    axe_check(page)
    screenshot(page, "search")

    page.goto(released.get_url())
    axe_check(page)
    screenshot(page, "record")


def test_the_search_box_suggests_titles_and_the_keyboard_chooses_one(page, released):
    page.goto(reverse("search"))
    box = page.locator("#search-q")
    box.press_sequentially("水稻", delay=50)
    option = page.get_by_role("option", name=TITLE)
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")

    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    with page.expect_navigation():
        box.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]q="))
    expect(page.locator("ol.search-results > li")).to_have_count(1)
    expect(box).to_have_value(TITLE)


def test_without_javascript_a_visitor_still_searches_opens_and_downloads(
    new_context, released, pdf_bytes
):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(reverse("search") + f"?q={WORD_IN_PDF}")
    page.locator("ol.search-results > li").first.get_by_role("link").first.click()
    expect(page).to_have_url(at(released.get_url()))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    page.locator("details.language-switcher summary").click()  # <details>: no script
    expect(page.get_by_role("link", name="简体中文")).to_be_visible()
    with page.expect_download() as started:
        page.get_by_role("link", name="Download").first.click()
    with open(started.value.path(), "rb") as saved:
        assert saved.read() == pdf_bytes
