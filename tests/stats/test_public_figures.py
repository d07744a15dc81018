"""The figures people see: a record page's views and downloads, an institution's impact section.

Read from the daily COUNTER rows through the stats selectors, so only records
the viewer may open count; the pages' queries do not grow with the figures.
"""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from resource_hub.records.models import AccessLevel
from resource_hub.stats.models import CounterMetric, DailyUsage
from tests.records.record_page_helpers import full_record

from .conftest import GOOGLEBOT
from .test_selectors import released

VIEWS, DOWNLOADS = CounterMetric.UNIQUE_ITEM_INVESTIGATIONS, CounterMetric.UNIQUE_ITEM_REQUESTS


def used(record, metric, count, days_ago=3):
    DailyUsage.objects.create(
        record_id=record.pk,
        day=timezone.localdate() - timedelta(days=days_ago),
        metric=metric,
        count=count,
    )


def page_queries(client, url) -> tuple[str, int]:
    client.get(url, HTTP_USER_AGENT=GOOGLEBOT)  # warm Wagtail's site and page caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_USER_AGENT=GOOGLEBOT)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def test_the_record_page_shows_views_and_downloads_up_to_yesterday(client, world, postgres_db):
    record = full_record(world)
    html, _ = page_queries(client, record.url)
    assert 'id="usage-heading"' in html
    assert "Counted by the COUNTER rules, up to yesterday" in html

    used(record, VIEWS, 1234)
    used(record, VIEWS, 5000, days_ago=500)  # before the last 12 months
    used(record, DOWNLOADS, 56)
    used(record, CounterMetric.TOTAL_ITEM_INVESTIGATIONS, 9999)  # totals are not what is shown
    html, _ = page_queries(client, record.url)

    assert '<strong class="usage-views">6,234</strong>' in html
    assert "1,234 in the last 12 months" in html
    assert '<strong class="usage-downloads">56</strong>' in html
    assert "56 in the last 12 months" in html
    assert "9,999" not in html


def test_the_record_pages_figures_cost_the_same_queries_however_many_days(
    client, world, postgres_db
):
    record = full_record(world)
    used(record, VIEWS, 1)
    _, few = page_queries(client, record.url)
    for days_ago in range(4, 400, 3):
        used(record, VIEWS, 2, days_ago=days_ago)
        used(record, DOWNLOADS, 1, days_ago=days_ago)
    _, many = page_queries(client, record.url)
    assert many == few


def test_an_institution_page_shows_its_impact_counting_only_what_the_viewer_may_see(
    client, world, make_record, postgres_db
):
    lesson = released(world, make_record, title="Rice cultivation <techniques>")
    guide = released(world, make_record, title="Welding guide")
    members = released(world, make_record, title="Exam bank", access_level=AccessLevel.INSTITUTION)
    used(lesson, VIEWS, 300)
    used(lesson, DOWNLOADS, 41)
    used(guide, VIEWS, 20)
    used(guide, DOWNLOADS, 1200)
    used(members, VIEWS, 7000)
    used(members, DOWNLOADS, 9000)

    html, _ = page_queries(client, world.inst_a.url)

    assert 'id="impact-heading"' in html
    assert '<strong class="usage-views">320</strong>' in html
    assert '<strong class="usage-downloads">1,241</strong>' in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-monthly"' in html
    assert "chart chart-top" in html
    # The top records, most downloaded first, linked in the table; the members' record unseen.
    assert html.index(">Welding guide</a>") < html.index(">Rice cultivation &lt;techniques&gt;</a>")
    assert f'<a href="{guide.url}">Welding guide</a>' in html
    assert "Exam bank" not in html and "9,000" not in html and "7,000" not in html
    # The month's row of the monthly table holds the month's figures.
    month = timezone.localdate() - timedelta(days=3)
    assert f"{month:%B %Y}</th>\n                <td>320</td><td>1,241</td>" in html

    client.force_login(world.member_a)
    html, _ = page_queries(client, world.inst_a.url)
    assert '<strong class="usage-downloads">10,241</strong>' in html
    assert ">Exam bank</a>" in html


def test_an_institution_without_usage_says_so(client, world, postgres_db):
    html, _ = page_queries(client, world.inst_b.url)
    assert 'id="impact-heading"' in html
    assert "No usage recorded yet" in html
    assert "<svg" not in html.split('id="impact-heading"')[1].split("</section>")[0]


def test_an_institution_pages_queries_do_not_grow_with_its_records_usage(
    client, world, make_record, postgres_db
):
    first = released(world, make_record, title="First")
    used(first, DOWNLOADS, 3)
    _, one = page_queries(client, world.inst_a.url)
    for n in range(6):
        record = released(world, make_record, title=f"Record {n}")
        used(record, DOWNLOADS, n + 1)
        used(record, VIEWS, 10 * n + 1, days_ago=40)
    _, seven = page_queries(client, world.inst_a.url)
    assert seven == one
