"""Collections in a real browser (issue 14, part 7): the list from the footer, a collection's
page, and the 404 page, at 1280 and 360 px, axe clean, nothing wider than a phone.

Screenshots: test-output/screenshots/collections-*.png, collection-page-*.png,
collections-zh-*.png and not-found-*.png.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from resource_hub.core.vocabularies import Language
from resource_hub.records.models import AccessLevel, CuratedCollectionItem, CuratedCollectionPage
from resource_hub.records.models.collections import CuratedCollectionTranslation
from resource_hub.records.services import record_release

from .browser import WIDTHS, axe_check, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FITS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def collections(world, make_record, s3_storage):
    """Three published collections (one with a cover and a Chinese translation)."""

    def released(title, **fields):
        record = make_record(title=title, **fields)
        record_release(user=world.editor_a, record=record)
        return record

    lessons = [
        released("水稻栽培技术 Rice cultivation techniques"),
        released("Transplanting seedlings by hand", abstract="A practical lesson in the paddy."),
        released("Members-only question bank", access_level=AccessLevel.INSTITUTION),
    ]
    cover = get_image_model().objects.create(
        title="Terraces",
        file=get_test_image_file(colour="#4f7f52"),
        collection=world.inst_a.collection,
    )
    made = []
    for title, description, institution, image in [
        (
            "Rice along the Mekong: from paddy to plate",
            "Lesson plans, field studies and food-safety materials on growing, processing "
            "and selling rice.",
            world.inst_a,
            cover,
        ),
        (
            "Welcoming visitors: hospitality and tourism",
            "Front office and guiding.",
            world.inst_b,
            None,
        ),
        ("Learning Chinese in ASEAN classrooms", "", world.inst_a, None),
    ]:
        page = CuratedCollectionPage(title=title, description=description, cover_image=image)
        page.items = [
            CuratedCollectionItem(record=record, sort_order=n, note="Start here." if n == 0 else "")
            for n, record in enumerate(lessons)
        ]
        if image:
            page.translations = [
                CuratedCollectionTranslation(
                    language=Language.objects.get(code="zh"),
                    title="湄公河畔的水稻：从稻田到餐桌",
                    description="水稻种植、加工、销售与食品安全教学资源和实地研究。",
                )
            ]
        institution.add_child(instance=page)
        page.save_revision(user=world.admin).publish(user=world.admin)
        made.append(page)
    return made


def fits_every_width(page) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate(FITS), f"{page.url} is wider than {width} px"


def test_a_visitor_goes_from_the_footer_to_a_collection(page, world, collections):
    home = world.inst_a.get_parent().get_parent().specific
    page.goto(home.url)
    page.locator("footer").get_by_role("link", name="Collections").click()

    expect(page.get_by_role("heading", level=1, name="Collections")).to_be_visible()
    cards = page.locator(".collection-card")
    expect(cards).to_have_count(3)
    # The anonymous visitor may open two of the three records in each collection.
    expect(cards.first).to_contain_text("2 records")
    expect(cards.first).to_contain_text(world.inst_a.title)
    axe_check(page)
    fits_every_width(page)
    screenshot(page, "collections")

    page.get_by_role("link", name="Rice along the Mekong: from paddy to plate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Rice along the Mekong: from paddy to plate"
    )
    cover = page.locator(".collection-hero img")
    assert cover.evaluate("image => image.complete && image.naturalWidth > 0")
    items = page.locator(".collection-items > li")
    expect(items).to_have_count(2)
    expect(page.get_by_text("Members-only question bank")).to_have_count(0)
    expect(page.get_by_text("Start here.")).to_be_visible()
    axe_check(page)
    fits_every_width(page)
    screenshot(page, "collection-page")


def test_the_list_in_chinese_and_the_404_page(page, world, collections):
    with translation.override("zh-hans"):
        url = reverse("browse_collections")
    page.goto(url)
    expect(page.get_by_role("heading", level=1, name="合集")).to_be_visible()
    expect(page.get_by_role("link", name="湄公河畔的水稻：从稻田到餐桌")).to_be_visible()
    axe_check(page)
    screenshot(page, "collections-zh")

    response = page.goto(world.inst_a.url + "no-such-collection/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1, name="Page not found")).to_be_visible()
    axe_check(page)
    fits_every_width(page)
    screenshot(page, "not-found")
