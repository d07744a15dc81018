"""The whole journey in a real browser: a teacher shares a PDF with a Thai title through the
desk's wizard and submits it, the editor approves it, and an anonymous visitor finds it by a
word inside the PDF and downloads the same bytes; the interface switches to Chinese.

Files go from the browser straight to the real S3 server (uploader.js, CORS); the text
is extracted, the record indexed in the real Elasticsearch node on release. Every check
after a click is one of Playwright's `expect` assertions, which wait for the page to get
there (a count or an axe run taken at once could read the page being left).
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Site

from resource_hub.core.vocabularies import ResourceType
from resource_hub.records.models import RecordPage
from tests.files import samples

from .browser import axe_check, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THAI_TITLE = "การปลูกข้าวอย่างยั่งยืน สำหรับนักศึกษาอาชีวะ"
WORD_IN_PDF = "ricewhistler"  # made up: only the PDF's text has it
FILE_NAME = "บทเรียน-ข้าว.pdf"


@pytest.fixture
def search_index(es_client):
    from search import lifecycle

    lifecycle.rebuild()  # the alias exists, so releases are indexed as they happen
    return es_client


@pytest.fixture
def pdf(tmp_path):
    data = samples.pdf_with_text(
        [("th", "บทเรียนการปลูกข้าว"), ("en", f"Water management by the {WORD_IN_PDF} method.")]
    )
    path = tmp_path / FILE_NAME
    path.write_bytes(data)
    return path


def at(path: str) -> re.Pattern:
    """The page's URL is this path, whatever the query."""
    return re.compile(rf"^[^?#]*{re.escape(path)}(\?.*)?$")


def sign_in(page, username: str) -> None:
    page.goto(reverse("desk:submissions"))  # sends an anonymous visitor to sign in
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(at(reverse("desk:submissions")))


def test_a_teacher_shares_a_pdf_the_editor_approves_and_a_visitor_downloads_it(
    browser, page, live_server, world, s3_storage, search_index, pdf
):
    # The teacher: metadata, then the file through the upload API, then submit.
    sign_in(page, "teacher_a")
    page.locator("#desk-new-record").click()
    expect(page).to_have_url(at(reverse("desk:record-new")))
    axe_check(page)
    screenshot(page, "desk-wizard-details")
    page.get_by_label("Teaching material").check()
    page.get_by_label("Title").fill(THAI_TITLE)
    page.get_by_label("Abstract").fill("บทเรียนเรื่องการปลูกข้าวสำหรับนักศึกษา")
    page.get_by_label("Original language").select_option("th")
    material = ResourceType.objects.filter(applies_to="material").order_by("pk").first()
    page.get_by_label("Type").select_option(str(material.pk))
    page.get_by_label("Licence").select_option("CC-BY-4.0")
    page.get_by_label("Year").fill("2025")
    page.locator("#id_creators-0-name").fill("Somchai Jaidee")
    page.locator("#desk-save-details").click()

    page.locator("#desk-upload[data-ready]").wait_for()
    page.locator("#desk-files-input").set_input_files(str(pdf))
    expect(page.locator("#desk-progress li[data-state=done]")).to_have_count(1, timeout=60_000)
    expect(page.locator("#desk-attached > li")).to_have_count(1)
    expect(page.locator("#desk-attached > li")).to_contain_text("บทเรียน")
    axe_check(page)
    screenshot(page, "desk-wizard-files")
    page.locator("#desk-continue-review").click()
    page.locator("#desk-submit").click()

    record = RecordPage.objects.get(title=THAI_TITLE)
    expect(page).to_have_url(at(reverse("desk:record-submitted", args=[record.pk])))
    axe_check(page)
    screenshot(page, "desk-wizard-submitted")
    page.locator("#desk-follow-submissions").click()
    expect(page).to_have_url(at(reverse("desk:submissions")))
    expect(page.locator(f"#desk-submission-{record.pk}")).to_have_attribute(
        "data-state", "in_review"
    )
    screenshot(page, "desk-my-submissions")
    page.context.clear_cookies()

    # The editor approves it from the front end.
    sign_in(page, "editor_a")
    page.locator("#desk-nav-review").click()
    expect(page).to_have_url(at(reverse("desk:review")))
    axe_check(page)
    page.locator(f"#desk-review-{record.pk} a.desk-submission__title").click()
    page.locator("#desk-approve").click()
    expect(page.locator("#desk-audience")).to_have_text(
        "Everyone, without signing in (search engines too)"
    )
    page.locator("#desk-confirm-release").click()
    expect(page.locator(".desk-message--success")).to_contain_text(THAI_TITLE)
    expect(page.locator(f"#desk-review-{record.pk}")).to_have_count(0)
    record.refresh_from_db()
    assert record.live
    page.context.clear_cookies()

    # A visitor finds it by a word that is only inside the PDF, and downloads it.
    page.goto(Site.objects.get(is_default_site=True).root_page.get_url())
    page.get_by_role("search").first.get_by_role("searchbox").fill(WORD_IN_PDF)
    page.get_by_role("search").first.get_by_role("button").click()
    expect(page).to_have_url(at(reverse("search")))
    results = page.locator("ol.search-results > li")
    expect(results).to_have_count(1)
    results.first.get_by_role("link").first.click()
    expect(page).to_have_url(at(record.get_url()))
    expect(page.get_by_role("heading", level=1)).to_have_text(THAI_TITLE)
    with page.expect_download() as started:
        page.get_by_role("link", name="Download").first.click()
    download = started.value
    assert download.failure() is None
    with open(download.path(), "rb") as saved:
        assert saved.read() == pdf.read_bytes()

    # The language switcher shows the same record in the Chinese interface.
    page.locator("details.language-switcher summary").click()
    page.get_by_role("link", name="简体中文").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_role("heading", level=1)).to_have_text(THAI_TITLE)
    expect(page.get_by_role("link", name=re.compile("下载")).first).to_be_visible()
    screenshot(page, "record-zh-hans")


def test_an_institution_page_passes_axe(page, world, search_index):
    page.goto(world.inst_a.get_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(world.inst_a.title)
    axe_check(page)
    screenshot(page, "institution")
