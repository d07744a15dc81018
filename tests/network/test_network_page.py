"""The cross-border network page: counts are of released public records only, and each
cell's link finds exactly the records it counts (issue 18)."""

from urllib.parse import parse_qsl, urlparse

import pytest
from django.urls import reverse

from resource_hub.network.selectors import network
from search import lifecycle


def _cell(found, row, column):
    codes = [country.code for country in found.countries]
    for country, cells in found.matrix:
        if country.code == row:
            return cells[codes.index(column)]
    raise AssertionError(f"no row {row}")


def test_only_released_public_cross_border_records_count(joint_world):
    found = network(filters={})

    assert found.records == 2  # the agreement and the joint course
    assert found.cooperation_records == 1
    assert [country.code for country in found.countries] == ["CN", "TH"]
    assert _cell(found, "CN", "TH").count == 2
    assert _cell(found, "TH", "CN").count == 0  # B holds no joint record
    assert _cell(found, "CN", "CN") is None
    [pair] = found.country_pairs
    assert (pair.records, pair.cooperation, pair.joint) == (2, 1, 1)
    [institutions] = found.institution_pairs
    assert institutions.records == 2


def test_the_filters_narrow_the_counts(joint_world):
    assert network(filters={"year": ("2024",)}).records == 1
    assert network(filters={"year": ("2025",)}).records == 1
    assert network(filters={"year": ("2023",)}).records == 0
    assert network(filters={"level": ("vocational",)}).records == 0


def test_the_page_draws_the_network_and_its_text_alternatives(client, joint_world):
    page = client.get(reverse("network"))

    html = page.content.decode()
    assert page.status_code == 200
    assert '<svg viewBox="-150 0 940 640" role="img" aria-labelledby="network-svg-title' in html
    assert "China and Thailand: 2 records." in html  # the diagram's description
    assert 'id="network-records">2<' in html
    assert 'id="network-matrix"' in html and 'id="network-country-pairs"' in html
    assert "Members&#x27; joint course" not in html and "Draft joint course" not in html


def test_the_page_filters_by_a_get_form(client, joint_world):
    html = client.get(reverse("network"), {"year": "2025"}).content.decode()
    assert 'id="network-records">1<' in html
    assert '<option value="2025" selected>' in html

    empty = client.get(reverse("network"), {"year": "1999"}).content.decode()
    assert 'id="network-empty"' in empty


def test_a_bad_filter_is_a_400_page(client, db):
    assert client.get(reverse("network"), {"year": "next"}).status_code == 400


def _search_total(client, url: str) -> int:
    query = parse_qsl(urlparse(url).query)
    body = client.get("/api/v1/search", query).json()
    return body["total"]


@pytest.mark.parametrize("filters", [{}, {"year": ("2024",)}, {"year": ("2025",)}])
def test_each_cell_links_to_search_finding_the_same_records(
    client, es_client, joint_world, filters
):
    lifecycle.rebuild()
    found = network(filters=filters)

    cell = _cell(found, "CN", "TH")
    assert cell.url.startswith(reverse("search") + "?country=CN&partner_country=TH")
    assert _search_total(client, cell.url) == cell.count > 0
    page = client.get(cell.url).content.decode()
    assert joint_world["agreement"].title in page or filters == {"year": ("2025",)}


def test_without_elasticsearch_the_links_find_the_same_records(client, settings, joint_world):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    found = network(filters={})

    cell = _cell(found, "CN", "TH")
    body = client.get("/api/v1/search", parse_qsl(urlparse(cell.url).query)).json()
    assert body["degraded"] is True
    assert body["total"] == cell.count == 2


def test_views_and_downloads_are_those_of_the_records_counted(client, joint_world):
    import datetime

    from resource_hub.stats.models import CounterMetric, DailyUsage

    day = datetime.date(2026, 1, 5)
    for name, views, downloads in [("agreement", 7, 3), ("joint", 5, 2), ("restricted", 100, 50)]:
        record_id = joint_world[name].pk
        DailyUsage.objects.create(
            record_id=record_id,
            day=day,
            metric=CounterMetric.UNIQUE_ITEM_INVESTIGATIONS,
            count=views,
        )
        DailyUsage.objects.create(
            record_id=record_id, day=day, metric=CounterMetric.UNIQUE_ITEM_REQUESTS, count=downloads
        )

    usage = network(filters={}).usage.all_time
    assert (usage.views, usage.downloads) == (12, 5)
    html = client.get(reverse("network")).content.decode()
    assert 'id="network-views">12<' in html and 'id="network-downloads">5<' in html
