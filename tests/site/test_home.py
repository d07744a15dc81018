"""The home page: search first, collections, latest releases and counts of public records."""

from resource_hub.core.vocabularies import EducationLevel, SubjectField
from resource_hub.records.models import AccessLevel, CuratedCollectionItem, CuratedCollectionPage

from .conftest import count_queries


def home(world):
    return world.inst_a.get_parent().get_parent().specific


def vocational():
    return [EducationLevel.objects.get(code="sector-vocational")]


def test_counts_are_of_released_public_records_only(client, world, make_record, released):
    released(title="Open rice lesson", education_levels=vocational())
    released(title="Open maize lesson", education_levels=vocational())
    released(
        title="Members-only bank",
        access_level=AccessLevel.INSTITUTION,
        education_levels=vocational(),
    )
    released(title="Registered-only bank", access_level=AccessLevel.REGISTERED)
    make_record(title="Draft lesson", education_levels=vocational())
    released(institution=world.inst_b, title="Thai lesson")

    response = client.get(home(world).url)

    countries = {t.item.code: t.records for t in response.context["countries"]}
    sectors = {t.item.code: t.records for t in response.context["sectors"]}
    assert countries == {"CN": 2, "TH": 1}
    assert sectors == {"sector-vocational": 2}
    html = response.content.decode()
    assert html.index('id="home-search-q"') < html.index("Latest releases")
    assert "Open rice lesson" in html and "Thai lesson" in html
    for hidden in ("Members-only bank", "Registered-only bank", "Draft lesson"):
        assert hidden not in html


def test_latest_releases_include_what_the_signed_in_member_may_see(client, world, released):
    released(title="Members-only bank", access_level=AccessLevel.INSTITUTION)

    anonymous = client.get(home(world).url).content.decode()
    client.force_login(world.member_a)
    member = client.get(home(world).url)

    assert "Members-only bank" not in anonymous
    assert "Members-only bank" in member.content.decode()
    # The counts stay those of public records, whoever looks.
    assert {t.item.code: t.records for t in member.context["countries"]}.get("CN", 0) == 0


def test_featured_collections_are_live_and_public(client, world, released):
    record = released(title="Open rice lesson")
    collection = world.inst_a.add_child(instance=CuratedCollectionPage(title="Best of rice"))
    CuratedCollectionItem.objects.create(collection=collection, record=record)
    collection.save_revision(user=world.editor_a).publish()
    world.inst_a.add_child(instance=CuratedCollectionPage(title="Unpublished picks", live=False))

    html = client.get(home(world).url).content.decode()

    assert "Best of rice" in html
    assert "Unpublished picks" not in html


def test_home_queries_do_not_grow_with_records(client, world, released):
    subject = SubjectField.objects.filter(level="detailed").first()
    released(title="First", subject=subject, education_levels=vocational())
    few = count_queries(client, home(world).url)
    for n in range(6):
        released(title=f"Record {n}", subject=subject, education_levels=vocational())
        released(institution=world.inst_b, title=f"Thai record {n}")

    assert count_queries(client, home(world).url) == few


def test_the_shipped_introduction_speaks_the_readers_language(client, world):
    from wagtail.models import Site

    page = home(world)
    assert page.introduction  # set by site_bootstrap

    html = client.get("/zh-hans/").content.decode()
    assert "向所有人开放" in html
    assert page.introduction not in html

    page.introduction = "Our own words, written by the site's editors."
    page.save_revision().publish()
    assert "Our own words, written by the site" in client.get("/zh-hans/").content.decode()
    assert Site.objects.get(is_default_site=True).site_name == "Resource Hub"  # the admin's title
