"""The collections page (issue 14, part 7): the released collections the access policy shows
the viewer, each with its institution, cover and the items that viewer may open; a
collection's own page; linked from the home page and the footer."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from resource_hub.core.vocabularies import Language
from resource_hub.portal.selectors import COLLECTIONS_PER_PAGE
from resource_hub.records.models import AccessLevel, CuratedCollectionItem, CuratedCollectionPage
from resource_hub.records.models.collections import CuratedCollectionTranslation
from resource_hub.records.services import record_release


@pytest.fixture
def released(world, make_record):
    """A record of institution A made by its teacher and released by its editor."""

    def make(**fields):
        record = make_record(author=world.teacher_a, institution=world.inst_a, **fields)
        record_release(user=world.editor_a, record=record)
        record.refresh_from_db()
        return record

    return make


@pytest.fixture
def collection(world):
    """A curated collection under an institution, published unless told otherwise."""

    def make(title, *, records=(), institution=None, publish=True, **fields):
        page = CuratedCollectionPage(title=title, **fields)
        page.items = [
            CuratedCollectionItem(record=record, sort_order=n) for n, record in enumerate(records)
        ]
        (institution or world.inst_a).add_child(instance=page)
        if publish:
            page.save_revision(user=world.admin).publish(user=world.admin)
        else:
            page.live = False
            page.save_revision(user=world.admin)
            page.save()
        page.refresh_from_db()
        return page

    return make


def listed(response) -> dict[str, int]:
    """{title: items the viewer may open} of the cards on the page."""
    return {card.title: card.items for card in response.context["collections"]}


def test_lists_only_released_collections_the_viewer_may_open(client, world, released, collection):
    record = released(title="Open rice lesson")
    collection("Best of rice", records=[record], description="Rice, from seed to harvest.")
    collection("Unpublished picks", records=[record], publish=False)
    # A private institution: everything under it needs a signed-in viewer.
    PageViewRestriction.objects.create(
        page=world.inst_b, restriction_type=PageViewRestriction.LOGIN
    )
    collection("Private picks", records=[record], institution=world.inst_b)

    anonymous = client.get(reverse("browse_collections"))
    client.force_login(world.teacher_b)
    signed_in = client.get(reverse("browse_collections"))

    assert listed(anonymous) == {"Best of rice": 1}
    html = anonymous.content.decode()
    assert "Unpublished picks" not in html and "Private picks" not in html
    assert world.inst_a.title in html and "Rice, from seed to harvest." in html
    # The same page, through the same policy, for someone the restriction lets in.
    assert listed(signed_in) == {"Best of rice": 1, "Private picks": 1}


def test_an_item_count_leaves_out_records_the_viewer_may_not_open(
    client, world, released, make_record, collection
):
    open_record = released(title="Open lesson")
    members_only = released(title="Members-only bank", access_level=AccessLevel.INSTITUTION)
    draft = make_record(title="Draft lesson")
    picks = collection("Mixed picks", records=[open_record, members_only, draft])

    anonymous = client.get(reverse("browse_collections"))
    page = client.get(picks.url)
    client.force_login(world.member_a)
    member = client.get(reverse("browse_collections"))

    assert listed(anonymous) == {"Mixed picks": 1}
    assert listed(member) == {"Mixed picks": 2}
    # The collection's own page agrees with its card.
    assert [record.title for _item, record, _holder in page.context["entries"]] == ["Open lesson"]
    assert "Members-only bank" not in page.content.decode()


def test_collections_are_paginated(client, world, collection):
    for n in range(COLLECTIONS_PER_PAGE + 1):
        collection(f"Picks {n:02d}")

    first = client.get(reverse("browse_collections"))
    second = client.get(reverse("browse_collections"), {"page": "2"})
    beyond = client.get(reverse("browse_collections"), {"page": "99"})
    malformed = client.get(reverse("browse_collections"), {"page": "two"})

    assert len(listed(first)) == COLLECTIONS_PER_PAGE
    # Newest first: the first one made is alone on the second page.
    assert listed(second) == {"Picks 00": 0}
    assert 'href="?page=2" rel="next"' in first.content.decode()
    assert listed(beyond) == listed(second)
    assert malformed.status_code == 400


def test_the_list_runs_the_same_queries_for_more_collections(client, world, released, collection):
    record = released(title="Open lesson")
    collection("First picks", records=[record])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("browse_collections")).status_code == 200
        return len(captured)

    queries()  # the first request also fills per-process caches (the site, content types)
    few = queries()
    for n in range(5):
        collection(f"More picks {n}", records=[record], institution=world.inst_b)

    assert queries() == few


def test_titles_and_descriptions_follow_the_viewer_language(client, world, collection):
    picks = collection("Rice farming starter kit", description="Lessons for new teachers.")
    CuratedCollectionTranslation.objects.create(
        collection=picks,
        language=Language.objects.get(code="zh"),
        title="水稻种植入门",
        description="给新教师的课程。",
    )

    english_url = reverse("browse_collections")
    with translation.override("zh-hans"):
        url = reverse("browse_collections")
        page_url = picks.url
        home_url = world.inst_a.get_parent().get_parent().url
    chinese = client.get(url).content.decode()
    english = client.get(english_url).content.decode()
    collection_page = client.get(page_url).content.decode()
    home = client.get(home_url).content.decode()

    assert "<h1>合集</h1>" in chinese  # the interface's own words, translated
    assert '<h2 lang="zh"><a href="/zh-hans/' in chinese and "水稻种植入门" in chinese
    assert "给新教师的课程。" in chinese and "Rice farming starter kit" not in chinese
    assert "Rice farming starter kit" in english and "水稻种植入门" not in english
    assert re.search(r'<h1 lang="zh">水稻种植入门</h1>', collection_page)
    assert "水稻种植入门" in home  # the home page's featured collections too
    # The institution as Chinese readers know it (InstitutionPage.name_for).
    assert world.inst_a.name_local in chinese and world.inst_a.name_local in collection_page
    assert world.inst_a.name_local not in english


def test_a_collection_page_shows_its_institution_description_and_items(
    client, world, released, collection
):
    lesson = released(title="Open rice lesson", abstract="How to transplant rice seedlings.")
    picks = collection("Best of rice", records=[lesson], description="Rice, from seed to harvest.")
    CuratedCollectionItem.objects.filter(collection=picks).update(note="Start here.")

    html = client.get(picks.url).content.decode()

    assert "Best of rice" in html and "Rice, from seed to harvest." in html
    assert f'href="{world.inst_a.url}"' in html  # who curated it
    assert "How to transplant rice seedlings." in html and "Start here." in html
    assert f'href="{reverse("browse_collections")}"' in html


def test_linked_from_the_home_page_and_the_footer(client, world):
    home = world.inst_a.get_parent().get_parent().specific
    html = client.get(home.url).content.decode()
    link = f'href="{reverse("browse_collections")}"'

    main, _sep, footer = html.partition('<footer class="site-footer">')
    assert link in main
    assert link in footer
    # Every public page carries the footer, the collections page included.
    assert (
        link
        in client.get(reverse("browse_collections"))
        .content.decode()
        .partition('<footer class="site-footer">')[2]
    )
