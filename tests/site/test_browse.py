"""Browse by institution, country, subject and level: counts, and links to filtered search."""

from django.urls import reverse

from resource_hub.core.vocabularies import EducationLevel, SubjectField
from resource_hub.records.models import AccessLevel


def test_institutions_are_listed_with_their_public_record_counts(
    client, world, make_record, released
):
    released(title="Open lesson")
    released(title="Members-only", access_level=AccessLevel.INSTITUTION)
    make_record(title="Draft")

    response = client.get(reverse("browse_institutions"))

    counts = {i.pk: i.record_count for i in response.context["institutions"]}
    assert counts == {world.inst_a.pk: 1, world.inst_b.pk: 0}
    assert f'href="{world.inst_a.url}"' in response.content.decode()


def test_institutions_can_be_narrowed_to_one_country(client, world):
    html = client.get(reverse("browse_institutions"), {"country": "TH"}).content.decode()

    assert world.inst_b.title in html
    assert world.inst_a.title not in html


def test_countries_link_to_search_with_the_country_filter(client, world, released):
    released(title="Open lesson")
    released(title="Another", institution=world.inst_b)
    released(title="Third", institution=world.inst_b)

    response = client.get(reverse("browse_countries"))

    tallies = {t.item.code: (t.institutions, t.records) for t in response.context["countries"]}
    assert tallies == {"CN": (1, 1), "TH": (1, 2)}
    assert f'href="{reverse("search")}?country=TH"' in response.content.decode()


def test_subjects_count_a_detailed_field_under_its_broad_and_narrow_fields(
    client, world, make_record, released
):
    detailed = SubjectField.objects.filter(level="detailed").order_by("code").first()
    released(title="Open lesson", subject=detailed)
    make_record(title="Draft", subject=detailed)

    response = client.get(reverse("browse_subjects"))

    broad = {t.item.code: t for t in response.context["subjects"]}
    tally = broad[detailed.code[:2]]
    assert tally.records == 1
    assert [(c.item.code, c.records) for c in tally.children] == [(detailed.code[:3], 1)]
    assert f'href="{reverse("search")}?subject={detailed.code[:3]}"' in (response.content.decode())


def test_levels_and_sectors_are_counted(client, world, released):
    levels = list(EducationLevel.objects.filter(code__in=["isced-5", "sector-vocational"]))
    released(title="Open lesson", education_levels=levels)
    released(title="Members-only", education_levels=levels, access_level=AccessLevel.REGISTERED)

    response = client.get(reverse("browse_levels"))

    counted = {
        t.item.code: t.records
        for t in response.context["levels"] + response.context["sectors"]
        if t.records
    }
    assert counted == {"isced-5": 1, "sector-vocational": 1}
    assert f'href="{reverse("search")}?level=sector-vocational"' in response.content.decode()
