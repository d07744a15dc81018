"""The partner_country facet (issue 18): the countries of a record's cooperation parties
and contributing institutions, counted and filtered on the node and in the database."""

import pytest

from resource_hub.core.vocabularies import Country
from resource_hub.institutions.services import institution_create
from resource_hub.records.models import AchievementPage
from search import lifecycle
from search.indexing import documents_for, indexable_records


@pytest.fixture
def partnered(world, make_record, make_cooperation, release):
    hanoi = institution_create(
        user=world.admin,
        name_en="Hanoi College of Technology",
        country=Country.objects.get(code="VN"),
        institution_type="vocational_college",
    )
    return {
        # parties A (CN) and B (TH) and a contributing institution in Viet Nam
        "agreement": release(
            make_cooperation(title="Rice agreement", contributing_institutions=[hanoi])
        ),
        "joint": release(
            make_record(title="Rice joint lesson", contributing_institutions=[world.inst_b])
        ),
        "alone": release(make_record(title="Rice lesson alone")),
    }


def test_the_document_holds_the_partner_countries(partnered):
    documents = {d["title"]: d for d in documents_for(indexable_records())}
    assert documents["Rice agreement"]["partner_countries"] == ["CN", "TH", "VN"]
    assert documents["Rice joint lesson"]["partner_countries"] == ["TH"]
    assert documents["Rice lesson alone"]["partner_countries"] == []


def test_the_facet_counts_and_filters_on_the_node(client, es_client, partnered):
    lifecycle.rebuild()
    body = client.get("/api/v1/search", {"q": "rice"}).json()
    counts = {v["value"]: v["count"] for v in body["facets"]["partner_country"]["values"]}
    assert counts == {"TH": 2, "CN": 1, "VN": 1}
    labels = {v["value"]: v["label"] for v in body["facets"]["partner_country"]["values"]}
    assert labels["VN"] == "Viet Nam"

    found = client.get("/api/v1/search", {"q": "rice", "partner_country": "VN"}).json()
    assert [hit["title"] for hit in found["results"]] == ["Rice agreement"]
    page = client.get("/en/search/", {"q": "rice", "partner_country": "TH"}).content.decode()
    assert "Partner country" in page and "Rice lesson alone" not in page


def test_the_database_fallback_filters_the_same_way(client, settings, partnered):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    for country, titles in [
        ("TH", {"Rice agreement", "Rice joint lesson"}),
        ("VN", {"Rice agreement"}),
    ]:
        body = client.get("/api/v1/search", {"q": "rice", "partner_country": country}).json()
        assert body["degraded"] is True
        assert {hit["title"] for hit in body["results"]} == titles


def test_a_bad_partner_country_is_a_400(client, db):
    answer = client.get("/api/v1/search", {"partner_country": "Thailand"})
    assert answer.status_code == 400 and answer.json()["error"]["parameter"] == "partner_country"


def test_only_achievements_hold_parties(partnered):
    assert AchievementPage.objects.filter(parties__isnull=False).distinct().count() == 1
