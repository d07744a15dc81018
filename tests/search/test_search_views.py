"""/search/ and /api/v1/search[/suggest]: on the real node, and degraded without it."""

import pytest
from django.urls import reverse
from django.utils import translation

from resource_hub.core.vocabularies import Language
from search import lifecycle


@pytest.fixture
def indexed(es_client, world, make_record, release):
    records = {
        "rice": release(make_record(title="水稻栽培技术", abstract="稻田水分管理")),
        "viet": release(
            make_record(
                title="Tiếng Việt cho người nước ngoài",
                language=Language.objects.get(code="vi"),
                year=2024,
            )
        ),
    }
    make_record(title="Unreleased cassava notes")
    lifecycle.rebuild()
    return records


def test_the_page_shows_highlighted_hits_facets_and_chips(client, indexed):
    page = client.get(reverse("search"), {"q": "tieng viet", "language": "vi"})

    html = page.content.decode()
    assert page.status_code == 200
    assert "<mark>Tiếng</mark> <mark>Việt</mark>" in html
    assert 'name="language" value="vi" checked' in html
    assert f'href="{reverse("search")}?q=tieng+viet"' in html  # the chip's remove link
    assert "Unreleased cassava" not in html
    assert "simpler search" not in html

    html = client.get(reverse("search"), {"language": "vi"}).content.decode()
    assert "水稻栽培技术" not in html
    # multi-select: the other language is still offered, with its count
    assert 'name="language" value="zh"> Chinese <span class="count">(1)</span>' in html


def test_an_empty_result_helps(client, indexed):
    html = client.get(reverse("search"), {"q": "cassava"}).content.decode()

    assert "Nothing found for" in html and "cassava notes" not in html
    assert "with or without their accents" in html


def test_a_bad_page_is_a_400_page(client, db):
    page = client.get(reverse("search"), {"page": "zero"})
    assert page.status_code == 400
    assert "page must be a whole number" in page.content.decode()


def test_the_api_answers_with_results_and_facets(client, indexed):
    # both carry the keyword 水稻 (tests/world.py); the newest comes first
    answer = client.get("/api/v1/search", {"q": "水稻", "sort": "newest"})

    body = answer.json()
    assert answer.status_code == 200 and body["degraded"] is False
    assert [hit["title"] for hit in body["results"]] == [
        "Tiếng Việt cho người nước ngoài",
        "水稻栽培技术",
    ]
    assert body["total"] == 2 and body["query"]["sort"] == "newest"
    assert "<mark>水稻</mark>" in body["results"][1]["title_html"]
    assert {v["value"]: v["count"] for v in body["facets"]["language"]["values"]} == {
        "zh": 1,
        "vi": 1,
    }


def test_the_api_answer_is_exactly_its_documented_schema(client, indexed):
    """The endpoint renders SearchResult.as_json; the schema documents it (OpenAPI)."""
    from search.api import SearchOut

    body = client.get("/api/v1/search", {"q": "水稻"}).json()

    assert body["results"] and body["facets"]
    assert SearchOut.model_validate(body).model_dump() == body  # no field more, none less


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"page": "0"}, "page"),
        ({"page": "x"}, "page"),
        ({"page": "600", "page_size": "20"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"sort": "random"}, "sort"),
        ({"year": "recent"}, "year"),
        ({"has_files": "maybe"}, "has_files"),
    ],
)
def test_bad_api_parameters_are_clear_400s(client, db, query, parameter):
    answer = client.get("/api/v1/search", query)

    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == "invalid_parameter" and error["parameter"] == parameter
    assert error["message"]


def test_suggest_completes_titles_and_never_a_draft(client, indexed):
    answer = client.get("/api/v1/search/suggest", {"q": "Tiế"}).json()
    assert [s["title"] for s in answer["suggestions"]] == ["Tiếng Việt cho người nước ngoài"]
    assert answer["degraded"] is False
    assert client.get("/api/v1/search/suggest", {"q": "Unrel"}).json()["suggestions"] == []
    assert client.get("/api/v1/search/suggest").status_code == 400


def test_suggest_gives_whole_titles_not_cut_inside_a_word(client, es_client, make_record, release):
    long_title = "Integrated pest management for smallholder rice farmers in the Mekong Delta"
    long_thai = "การจัดการศัตรูพืชแบบผสมผสานสำหรับเกษตรกรรายย่อยที่ปลูกข้าวในลุ่มแม่น้ำโขง"
    release(
        make_record(
            title=long_title,
            translations=[
                {"language": Language.objects.get(code="th"), "title": long_thai, "abstract": ""}
            ],
        )
    )
    lifecycle.rebuild()

    english = client.get("/api/v1/search/suggest", {"q": "Integrated pest"}).json()
    thai = client.get("/api/v1/search/suggest", {"q": "การจัดการศัตรู"}).json()

    assert [s["title"] for s in english["suggestions"]] == [long_title]
    assert [s["title"] for s in thai["suggestions"]] == [long_thai]


@pytest.fixture
def unreachable(settings, world, make_record, release):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    release(make_record(title="水稻栽培技术"))
    make_record(title="Unreleased cassava notes")


def test_without_elasticsearch_the_page_says_so_and_answers(client, unreachable):
    page = client.get(reverse("search"), {"q": "水稻"})

    html = page.content.decode()
    assert page.status_code == 200
    assert "simpler search of the database" in html
    assert "<mark>水稻</mark>栽培技术" in html  # found, and the word marked


def test_without_elasticsearch_the_api_is_degraded(client, unreachable):
    body = client.get("/api/v1/search", {"q": "cassava"}).json()
    assert body["degraded"] is True and body["results"] == []

    body = client.get("/api/v1/search", {"q": "水稻"}).json()
    assert body["degraded"] is True
    assert [hit["title"] for hit in body["results"]] == ["水稻栽培技术"]

    suggest = client.get("/api/v1/search/suggest", {"q": "水稻"}).json()
    assert suggest == {
        "q": "水稻",
        "suggestions": [{"id": body["results"][0]["id"], "title": "水稻栽培技术"}],
        "degraded": True,
    }


def test_the_page_speaks_chinese(client, unreachable):
    with translation.override("zh-hans"):
        url = reverse("search")
    html = client.get(url, {"q": "木薯"}).content.decode()

    assert "搜索教学资源与成果" in html
    assert "完整的搜索引擎暂时不可用" in html
    assert "未找到与“木薯”相关的结果" in html


def test_the_api_pages_with_a_cursor_at_any_depth(client, es_client, world, make_record, release):
    for number in range(5):
        release(make_record(title=f"Worksheet {number}"))
    lifecycle.rebuild()

    seen, query = [], {"q": "worksheet", "page_size": "2", "sort": "newest"}
    while True:
        body = client.get("/api/v1/search", query).json()
        seen += [hit["title"] for hit in body["results"]]
        if not body["next_cursor"]:
            break
        query["cursor"] = body["next_cursor"]

    assert seen == [f"Worksheet {n}" for n in (4, 3, 2, 1, 0)]


@pytest.mark.parametrize("cursor", ["nonsense", "e30", "WyJhIiwgeyJiIjogMX1d"])
def test_a_cursor_we_did_not_give_is_a_400(client, db, cursor):
    answer = client.get("/api/v1/search", {"cursor": cursor})

    assert answer.status_code == 400
    assert answer.json()["error"]["parameter"] == "cursor"


def test_a_cursor_without_elasticsearch_is_a_503(client, unreachable):
    answer = client.get("/api/v1/search", {"cursor": "WzEsMiwzXQ"})  # [1,2,3]: relevance

    assert answer.status_code == 503
    assert answer.json()["error"]["code"] == "search_unavailable"


def test_without_elasticsearch_a_subject_finds_its_narrower_fields(client, unreachable, world):
    """The database search filters subjects by code prefix (08 finds 0811), as the engine does."""
    from resource_hub.core.vocabularies import SubjectField
    from resource_hub.records.models import RecordPage

    record = RecordPage.objects.live().get(title="水稻栽培技术").specific
    record.subject = SubjectField.objects.get(code="0811")
    record.save_revision().publish()

    def titles(**params):
        body = client.get("/api/v1/search", params).json()
        assert body["degraded"] is True
        return [hit["title"] for hit in body["results"]]

    assert titles(subject="08") == ["水稻栽培技术"]
    assert titles(subject="0811") == ["水稻栽培技术"]
    assert titles(subject="05") == []
