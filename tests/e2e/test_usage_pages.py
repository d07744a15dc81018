"""Usage figures in a real browser (issue 15): an institution's Impact section (its totals, the
monthly chart and the top records, each with its table) and a record page's views and downloads,
at 1280 and 360 px, under the CSP, axe clean, nothing wider than a phone.

Screenshots: test-output/screenshots/institution-impact-*.png, impact-tables-*.png and
record-usage-*.png.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from resource_hub.records.models import AccessLevel
from resource_hub.records.services import record_release
from resource_hub.stats.models import CounterMetric, DailyUsage
from resource_hub.stats.selectors import year_ago

from .browser import WIDTHS, axe_check, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FITS = "document.documentElement.scrollWidth <= window.innerWidth"
VIEWS, DOWNLOADS = CounterMetric.UNIQUE_ITEM_INVESTIGATIONS, CounterMetric.UNIQUE_ITEM_REQUESTS
TITLES = [
    "水稻栽培技术 Rice cultivation techniques for second-year students of crop production",
    "Transplanting seedlings by hand",
    "การออกแบบกราฟิกเบื้องต้น",
    "Lập trình web căn bản",
    "Welding safety",
    "Small engine repair",
]


def fits_every_width(page) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate(FITS), f"{page.url} is wider than {width} px"
    page.set_viewport_size({"width": 1280, "height": 800})


@pytest.fixture
def used(world, make_record):
    """Six released records of institution A with a year of daily figures, and a members' one."""

    def released(title, **fields):
        record = make_record(title=title, **fields)
        record_release(user=world.editor_a, record=record)
        return record

    records = [released(title) for title in TITLES]
    members = released("Members-only question bank", access_level=AccessLevel.INSTITUTION)
    today = timezone.localdate()
    # From the first day of the chart's first month (11 months before this one).
    months = today.year * 12 + today.month - 1 - 11
    start = max(today.replace(year=months // 12, month=months % 12 + 1, day=1), year_ago(today))
    rows = []
    for rank, record in enumerate([*records, members]):
        for week in range(52):
            day = start + timedelta(days=7 * week + rank)
            if day >= today:
                continue
            views = (6 - rank % 7) * (2 + week % 5) + (500 if record is members else 0)
            rows.append(DailyUsage(record_id=record.pk, day=day, metric=VIEWS, count=views))
            if week % 2 == 0:
                rows.append(
                    DailyUsage(record_id=record.pk, day=day, metric=DOWNLOADS, count=7 - rank)
                )
    DailyUsage.objects.bulk_create(rows)
    return records, members


def figure(metric, records) -> int:
    rows = DailyUsage.objects.filter(record_id__in=[record.pk for record in records], metric=metric)
    return sum(rows.values_list("count", flat=True))


def test_an_institutions_impact_section_with_its_charts_and_tables(page, world, used):
    records, members = used
    page.goto(world.inst_a.url)

    impact = page.locator("#impact")
    expect(impact.get_by_role("heading", level=2, name="Impact")).to_be_visible()
    views, downloads = figure(VIEWS, records), figure(DOWNLOADS, records)
    expect(impact.locator(".usage-views")).to_have_text(f"{views:,}")
    expect(impact.locator(".usage-downloads")).to_have_text(f"{downloads:,}")
    monthly = impact.get_by_role("img", name="Views and downloads by month")
    expect(monthly).to_be_visible()
    top = impact.get_by_role("img", name="Most downloaded records, last 12 months")
    expect(top).to_be_visible()
    assert monthly.evaluate("svg => svg.getBoundingClientRect().width") > 300
    expect(impact.get_by_text("Members-only question bank")).to_have_count(0)
    axe_check(page)
    fits_every_width(page)
    impact.scroll_into_view_if_needed()
    screenshot(page, "institution-impact")

    # The tables say what the charts show.
    for summary in impact.get_by_text("Show the figures as a table").all():
        summary.click()
    tables = impact.locator("table")
    expect(tables).to_have_count(2)
    month_rows = tables.nth(0).locator("tbody tr")
    expect(month_rows).to_have_count(12)
    shown = [
        [int(cell.replace(",", "")) for cell in row.locator("td").all_inner_texts()]
        for row in month_rows.all()
    ]
    assert sum(row[0] for row in shown) == views
    assert sum(row[1] for row in shown) == downloads
    top_rows = tables.nth(1).locator("tbody tr")
    expect(top_rows).to_have_count(5)
    expect(top_rows.first.get_by_role("link")).to_have_text(TITLES[0])
    expect(top_rows.first.locator("td")).to_have_text(str(figure(DOWNLOADS, records[:1])))
    axe_check(page)
    fits_every_width(page)
    screenshot(page, "impact-tables")


def test_a_record_page_shows_its_views_and_downloads(page, world, used):
    records, _members = used
    record = records[0]
    page.goto(record.url)

    usage = page.locator("#usage")
    expect(usage.get_by_role("heading", level=2, name="Usage")).to_be_visible()
    expect(usage.locator(".usage-views")).to_have_text(f"{figure(VIEWS, [record]):,}")
    expect(usage.locator(".usage-downloads")).to_have_text(f"{figure(DOWNLOADS, [record]):,}")
    expect(usage).to_contain_text("Counted by the COUNTER rules, up to yesterday")
    axe_check(page)
    fits_every_width(page)
    usage.scroll_into_view_if_needed()
    screenshot(page, "record-usage")
