"""/api/v1/institutions, /collections and /vocabularies: what each caller sees, and its counts.

The access policy decides (restrictions on a page or above it, drafts), and
the counts are the ones the portal's pages show the same person.
"""

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import PageViewRestriction

from resource_hub.records.models import AccessLevel, CuratedCollectionItem, CuratedCollectionPage
from resource_hub.records.services import record_release

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def released(world, make_record):
    """A record made by the institution's teacher and released by its editor."""

    def make(*, institution=None, **fields):
        institution = institution or world.inst_a
        ours = institution == world.inst_a
        record = make_record(
            author=world.teacher_a if ours else world.teacher_b, institution=institution, **fields
        )
        record_release(user=world.editor_a if ours else world.editor_b, record=record)
        record.refresh_from_db()
        return record

    return make


@pytest.fixture
def records(world, make_record, released):
    """Institution A: two public records, one for members, a draft; B: one public record."""
    return {
        "public": [released(title="Open lesson 1"), released(title="Open lesson 2")],
        "members": released(title="Members-only bank", access_level=AccessLevel.INSTITUTION),
        "draft": make_record(title="Plain draft"),
        "thai": released(institution=world.inst_b, title="Thai lesson"),
    }


def restrict_to_members(institution):
    restriction = PageViewRestriction.objects.create(
        page=institution, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(institution.member_groups)


def listed(client, **params) -> dict[int, int]:
    """{institution id: record_count} of GET /institutions."""
    response = client.get(reverse("api:institutions"), params)
    assert response.status_code == 200
    return {row["id"]: row["record_count"] for row in response.json()["results"]}


def page_count(client, institution) -> int:
    """What the institution's own page counts for this client."""
    return client.get(institution.url).context["records"].paginator.count


# --- institutions ----------------------------------------------------------


def test_anonymous_counts_equal_the_portal_browse_and_institution_pages(client, world, records):
    browse = client.get(reverse("browse_institutions")).context["institutions"]

    assert listed(client) == {world.inst_b.pk: 1, world.inst_a.pk: 2}  # by name: Chula… first
    assert listed(client) == {i.pk: i.record_count for i in browse}
    for institution in (world.inst_a, world.inst_b):
        detail = client.get(reverse("api:institution", args=[institution.pk])).json()
        assert detail["record_count"] == page_count(client, institution)


def test_a_member_counts_the_members_only_record_as_the_institution_page_does(
    client, world, records
):
    client.force_login(world.member_a)

    detail = client.get(reverse("api:institution", args=[world.inst_a.pk])).json()

    assert detail["record_count"] == page_count(client, world.inst_a) == 3
    assert listed(client) == {world.inst_b.pk: 1, world.inst_a.pk: 3}


def test_a_restricted_institution_is_absent_for_anonymous_and_present_for_its_member(
    client, world, records
):
    restrict_to_members(world.inst_a)
    detail = reverse("api:institution", args=[world.inst_a.pk])

    assert listed(client) == {world.inst_b.pk: 1}
    assert client.get(detail).status_code == 404
    assert client.get(detail).json()["error"]["code"] == "not_found"
    client.force_login(world.teacher_b)  # signed in, another institution's
    assert listed(client) == {world.inst_b.pk: 1}
    assert client.get(detail).status_code == 404
    client.force_login(world.member_a)
    assert listed(client) == {world.inst_b.pk: 1, world.inst_a.pk: 3}
    assert client.get(detail).json()["record_count"] == page_count(client, world.inst_a) == 3


def test_an_institution_answers_its_facts_and_links(client, world, records):
    response = client.get(reverse("api:institution", args=[world.inst_b.pk]))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response.json() == {
        "id": world.inst_b.pk,
        "name": "Chulalongkorn University",
        "name_local": "จุฬาลงกรณ์มหาวิทยาลัย",
        "country": {"code": "TH", "label": "Thailand"},
        "type": {"code": "university", "label": "University"},
        "website": None,
        "logo_url": None,
        "record_count": 1,
        "links": {
            "self": f"/api/v1/institutions/{world.inst_b.pk}",
            "html": world.inst_b.url,
            "records": f"/api/v1/records?institution={world.inst_b.pk}",
        },
    }


def test_institutions_narrow_to_one_country_by_its_code(client, world, records):
    assert listed(client, country="th") == {world.inst_b.pk: 1}
    assert listed(client, country="CN") == {world.inst_a.pk: 2}
    assert listed(client, country="VN") == {}


def test_institutions_are_paged(client, world, records):
    first = client.get(reverse("api:institutions"), {"page_size": "1"}).json()
    second = client.get(first["next"]).json()

    assert {k: first[k] for k in ("total", "page", "page_size", "pages", "previous")} == {
        "total": 2, "page": 1, "page_size": 1, "pages": 2, "previous": None,
    }  # fmt: skip
    assert first["next"] == "/api/v1/institutions?page_size=1&page=2"
    assert [r["id"] for r in first["results"]] == [world.inst_b.pk]
    assert [r["id"] for r in second["results"]] == [world.inst_a.pk]
    assert second["next"] is None
    assert second["previous"] == "/api/v1/institutions?page_size=1&page=1"


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page": "²"}, "page"),
        ({"page": "10001"}, "page"),
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"country": "Thailand"}, "country"),
        ({"country": "T1"}, "country"),
        ({"country": "ZZ"}, "country"),
    ],
)
def test_bad_paging_or_country_is_a_400_naming_the_parameter(client, world, params, parameter):
    for name in ("api:institutions", "api:curated-collections"):
        if name == "api:curated-collections" and parameter == "country":
            continue
        response = client.get(reverse(name), params)

        assert response.status_code == 400
        assert response.json()["error"]["code"] == "invalid_parameter"
        assert response.json()["error"]["parameter"] == parameter


def test_an_unknown_or_odd_institution_id(client, world):
    assert client.get("/api/v1/institutions/999999").status_code == 404
    odd = client.get("/api/v1/institutions/99999999999")
    assert odd.status_code == 400
    assert odd.json()["error"]["parameter"] == "id"


# --- curated collections ---------------------------------------------------


@pytest.fixture
def picks(world, records):
    """A published collection of A holding every kind of record, in this order."""
    collection = world.inst_a.add_child(
        instance=CuratedCollectionPage(title="Best of rice", description="Editors' picks")
    )
    order = [records["members"], records["draft"], records["public"][1], records["thai"]]
    for n, record in enumerate(order):
        CuratedCollectionItem.objects.create(
            collection=collection, record=record, sort_order=n, note=f"pick {n}"
        )
    collection.save_revision(user=world.editor_a).publish()
    collection.refresh_from_db()
    return collection


def item_titles(answer: dict) -> list[str]:
    return [item["title"] for item in answer["items"]]


def test_a_collection_lists_only_the_items_the_caller_may_see(client, world, records, picks):
    url = reverse("api:curated-collection", args=[picks.pk])

    anonymous = client.get(url).json()
    client.force_login(world.member_a)
    member = client.get(url).json()

    assert item_titles(anonymous) == ["Open lesson 2", "Thai lesson"]
    assert item_titles(member) == ["Members-only bank", "Open lesson 2", "Thai lesson"]
    record = records["public"][1]
    assert anonymous["items"][0] == {
        "id": record.pk,
        "title": "Open lesson 2",
        "url": record.url,
        "note": "pick 2",
        "links": {"self": f"/api/v1/records/{record.pk}"},
    }
    assert anonymous["institution"] == {"id": world.inst_a.pk, "name": world.inst_a.title}
    assert anonymous["links"] == {"self": f"/api/v1/collections/{picks.pk}", "html": picks.url}


def test_collections_list_the_visible_ones_with_their_visible_items(client, world, records, picks):
    world.inst_b.add_child(instance=CuratedCollectionPage(title="Unpublished picks", live=False))

    answer = client.get("/api/v1/collections").json()

    assert answer["total"] == 1
    assert [c["title"] for c in answer["results"]] == ["Best of rice"]
    assert item_titles(answer["results"][0]) == ["Open lesson 2", "Thai lesson"]


def test_a_collection_under_a_restricted_institution_is_hidden_from_outsiders(
    client, world, records, picks
):
    restrict_to_members(world.inst_a)
    url = reverse("api:curated-collection", args=[picks.pk])

    assert client.get(url).status_code == 404
    assert client.get(reverse("api:curated-collections")).json()["total"] == 0
    client.force_login(world.member_a)
    assert item_titles(client.get(url).json()) == [
        "Members-only bank", "Open lesson 2", "Thai lesson",
    ]  # fmt: skip


def test_upload_collections_moved_under_uploads(client, world):
    client.force_login(world.teacher_a)

    response = client.get("/api/v1/uploads/collections")

    assert reverse("api:collections") == "/api/v1/uploads/collections"
    assert response.json() == {
        "collections": [{"id": world.inst_a.collection.pk, "name": world.inst_a.collection.name}]
    }
    assert "results" in client.get("/api/v1/collections").json()  # the curated ones now


# --- vocabularies ----------------------------------------------------------


def test_subjects_carry_their_parent_and_a_label_in_every_site_language(client, db):
    response = client.get(reverse("api:vocabulary", args=["subjects"]))

    entries = {entry["code"]: entry for entry in response.json()["entries"]}
    assert response.status_code == 200
    assert entries["0613"]["labels"]["zh-hans"] == "软件和应用程序开发与分析"
    assert entries["0613"]["labels"]["en"] == "Software and applications development and analysis"
    assert list(entries["0613"]["labels"]) == LANGUAGE_CODES
    assert {k: entries["0613"][k] for k in ("level", "parent", "broad", "active")} == {
        "level": "detailed", "parent": "061", "broad": "06", "active": True,
    }  # fmt: skip
    assert entries["06"]["parent"] is None
    assert "url" not in entries["06"]  # only the members of its own vocabulary


@pytest.mark.parametrize(
    ("name", "code", "member", "value"),
    [
        ("levels", "isced-5", "kind", "level"),
        ("resource-types", "material-lesson-plan", "applies_to", "material"),
        ("languages", "th", "script", "Thai"),
        ("countries", "VN", "asean_member", True),
        ("licences", "CC-BY-4.0", "url", "https://creativecommons.org/licenses/by/4.0/"),
    ],
)
def test_each_vocabulary_answers_its_entries(client, db, name, code, member, value):
    response = client.get(reverse("api:vocabulary", args=[name]))

    entries = {entry["code"]: entry for entry in response.json()["entries"]}
    assert response.status_code == 200
    assert entries[code][member] == value
    assert set(entries[code]["labels"]) == set(LANGUAGE_CODES)


def test_vocabularies_are_cacheable_and_revalidated_with_etags(client, db):
    url = reverse("api:vocabulary", args=["subjects"])
    first = client.get(url)

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    other = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')

    assert first["Cache-Control"] == "public, max-age=3600"
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "public, max-age=3600"
    assert other.status_code == 200
    index = client.get(reverse("api:vocabularies"))
    index_again = client.get(reverse("api:vocabularies"), HTTP_IF_NONE_MATCH=index["ETag"])
    assert index_again.status_code == 304


def test_the_vocabularies_are_listed_with_links(client, db):
    answer = client.get("/api/v1/vocabularies").json()

    assert [(v["name"], v["links"]["self"]) for v in answer["vocabularies"]] == [
        (name, f"/api/v1/vocabularies/{name}")
        for name in ("subjects", "levels", "resource-types", "languages", "countries", "licences")
    ]


def test_an_unknown_vocabulary_is_a_404_naming_the_vocabularies(client, db):
    response = client.get("/api/v1/vocabularies/colours")

    assert response.status_code == 404
    assert response.json()["error"] == {
        "code": "not_found",
        "message": "There is no vocabulary colours; there are: subjects, levels, "
        "resource-types, languages, countries, licences.",
    }
