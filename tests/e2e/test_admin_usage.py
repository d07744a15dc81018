"""The admin's "Usage" screen in a real browser (issue 15): an editor's dashboard charts with
their tables, the report form, and the Item Report downloaded as COUNTER TSV, at 1280 and 360
px, under the admin's CSP, axe clean.

Screenshots: test-output/screenshots/admin-usage-*.png.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from resource_hub.core.vocabularies import Language, SubjectField
from resource_hub.records.models import AccessLevel
from resource_hub.records.services import record_release
from resource_hub.stats.models import CounterMetric, DailyUsage

from .browser import axe_check, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

#: what in the form or the charts reaches past the window's right edge (a chart's table
#: scrolls inside its own box)
WIDE = """() => [...document.querySelectorAll('#usage-form *, .rh-usage-charts *')]
    .filter(e => !e.closest('.chart-table-scroll'))
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
    .map(e => e.tagName + '.' + e.className)"""
VIEWS, DOWNLOADS = CounterMetric.UNIQUE_ITEM_INVESTIGATIONS, CounterMetric.UNIQUE_ITEM_REQUESTS


@pytest.fixture
def used(world, make_record):
    """Four released records of institution A (one members-only) with some months of figures."""
    specs = [
        ("水稻栽培技术 Rice cultivation", "zh", "0811", AccessLevel.PUBLIC),
        ("การออกแบบกราฟิกเบื้องต้น", "th", "0211", AccessLevel.PUBLIC),
        ("Lập trình web căn bản", "vi", "0613", AccessLevel.PUBLIC),
        ("Members-only question bank", "en", "0811", AccessLevel.INSTITUTION),
    ]
    today = timezone.localdate()
    rows = []
    for rank, (title, language, subject, level) in enumerate(specs):
        record = make_record(
            title=title,
            language=Language.objects.get(code=language),
            subject=SubjectField.objects.get(code=subject),
            access_level=level,
        )
        record_release(user=world.editor_a, record=record)
        for week in range(30):
            day = today - timedelta(days=7 * week + 1)
            rows.append(DailyUsage(record_id=record.pk, day=day, metric=VIEWS, count=9 - rank))
            rows.append(DailyUsage(record_id=record.pk, day=day, metric=DOWNLOADS, count=4 - rank))
    DailyUsage.objects.bulk_create(rows)


def test_an_editor_sees_the_dashboard_and_downloads_the_item_report(page, world, used):
    page.goto(reverse("wagtailadmin_login"))
    page.get_by_label("Username").fill("editor_a")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("wagtailadmin_home")) + "$"))

    page.goto(reverse("stats_usage"))

    expect(
        page.get_by_role("heading", level=2, name=f"Usage of {world.inst_a.title}")
    ).to_be_visible()
    expect(page.get_by_role("img", name="Views and downloads by month")).to_be_visible()
    expect(page.get_by_role("img", name="Most viewed records, last 12 months")).to_be_visible()
    expect(page.get_by_role("img", name="By record type: views")).to_be_visible()
    expect(page.get_by_role("img", name="By subject (ISCED-F broad field): views")).to_be_visible()
    expect(page.get_by_role("img", name="By the record's language: downloads")).to_be_visible()
    axe_check(page)
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 800})
        # The form and the charts fit a phone (Wagtail's own header is not ours to fix).
        assert page.evaluate(WIDE) == [], width
    screenshot(page, "admin-usage")

    page.get_by_text("Show the figures as a table").nth(1).click()
    top = page.locator("table").nth(1)
    expect(top.locator("tbody tr").first.get_by_role("link")).to_have_text(
        "水稻栽培技术 Rice cultivation"
    )

    with page.expect_download() as download:
        page.get_by_role("button", name="Download Item Report (TSV)").click()
    lines = download.value.path().read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("Report_Name\tItem Report")
    assert {line.split("\t")[0] for line in lines[15:] if line} == {
        "水稻栽培技术 Rice cultivation",
        "การออกแบบกราฟิกเบื้องต้น",
        "Lập trình web căn bản",
        "Members-only question bank",
    }
