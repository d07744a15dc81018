"""The cross-border network and an institution's cooperation in a real browser (issue 18):
from the footer to the network page, a matrix cell into search (the same records), and a
party's institution page, at 1280 and 360 px, axe clean, nothing wider than a phone.

Screenshots: test-output/screenshots/network-*.png, network-search-*.png and
institution-cooperation-*.png.
"""

import pytest
from playwright.sync_api import expect

from resource_hub.records.models import AccessLevel, TeachingResourcePage
from resource_hub.records.services import record_release
from search import lifecycle

from .browser import WIDTHS, axe_check, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FITS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def network(world, make_record, make_cooperation, es_client):
    def released(record):
        record_release(user=world.editor_a, record=record)
        return record

    records = {
        "agreement": released(make_cooperation(title="Agreement on vocational teacher exchange")),
        "joint": released(
            make_record(
                record_class=TeachingResourcePage,
                title="Rice value chains, a joint course",
                contributing_institutions=[world.inst_b],
            )
        ),
        "restricted": released(
            make_record(
                title="Members' joint course",
                contributing_institutions=[world.inst_b],
                access_level=AccessLevel.REGISTERED,
            )
        ),
    }
    make_record(title="Draft joint course", contributing_institutions=[world.inst_b])
    lifecycle.rebuild()
    return records


def fits_every_width(page) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate(FITS), f"{page.url} is wider than {width} px"


def test_a_visitor_follows_the_network_into_search_and_to_a_party(page, world, network):
    home = world.inst_a.get_parent().get_parent().specific
    page.goto(home.url)
    page.locator("footer").get_by_role("link", name="Cross-border network").click()

    expect(page.get_by_role("heading", level=1, name="Cross-border network")).to_be_visible()
    expect(page.locator("#network-records")).to_have_text("2")
    diagram = page.get_by_role("img", name="Countries whose institutions work together")
    expect(diagram).to_be_visible()
    expect(page.locator("#network-country-pairs")).to_contain_text("China – Thailand")
    axe_check(page)
    fits_every_width(page)
    screenshot(page, "network")
    # The region's twelve countries make the matrix wider than a phone: it scrolls in
    # its own region, hidden labels ("same country") included, and the page does not.
    page.set_viewport_size({"width": 360, "height": 800})
    page.evaluate("document.getElementById('network-matrix').style.minWidth = '900px'")
    assert page.evaluate(FITS), "a matrix wider than the phone widens the page"
    page.reload()

    page.get_by_label("Year").select_option("2024")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#network-records")).to_have_text("1")
    page.get_by_role("link", name="Clear filters").click()

    cell = page.locator("#network-matrix a[data-count]")
    expect(cell).to_have_count(1)
    expect(cell).to_have_text("2")
    cell.click()
    expect(page.locator(".total")).to_have_text("2 results")
    expect(page.get_by_text("Members' joint course")).to_have_count(0)
    axe_check(page)
    screenshot(page, "network-search")

    page.goto(world.inst_b.url)
    section = page.locator("#cooperation")
    expect(section.get_by_role("heading", name="Cooperation")).to_be_visible()
    expect(section).to_contain_text("Agreement on vocational teacher exchange")
    expect(section).to_contain_text("In force")
    axe_check(page)
    fits_every_width(page)
    screenshot(page, "institution-cooperation")
