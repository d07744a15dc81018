"""Reading records through the API: GET /api/v1/records, /records/{id}, exports, citations.

Who sees what is the access policy's: each role is asked through the API
with its own token, and a record it may not see is the same 404 as none.
"""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils.http import http_date
from wagtail.models import APIToken

from resource_hub.core.vocabularies import Country, ResourceType, SubjectField
from resource_hub.records.exports import FORMATS
from resource_hub.records.models import AccessLevel, AchievementPage, RecordPage, RecordRelation
from resource_hub.records.services import (
    record_release,
    record_submit,
    record_update_draft,
)
from search import lifecycle
from tests.records.record_page_helpers import full_record

ROLES = ["anonymous", "author", "member", "editor", "outsider", "admin"]
#: Who sees the record's latest draft and its state.
MANAGERS = {"author", "editor", "admin"}


@pytest.fixture
def call(client, world):
    """GET as a role: a Bearer token of that user, or nothing for anonymous callers."""
    users = {
        "author": world.teacher_a,
        "member": world.member_a,
        "editor": world.editor_a,
        "outsider": world.teacher_b,
        "admin": world.admin,
    }
    tokens = {}

    def get(role, url, data=None, **headers):
        if role != "anonymous":
            if role not in tokens:
                tokens[role] = APIToken.create_token(user=users[role], name="reads")[1]
            headers["HTTP_AUTHORIZATION"] = f"Bearer {tokens[role]}"
        return client.get(url, data or {}, **headers)

    return get


@pytest.fixture
def records(world, make_record):
    """A released public record, a released members-only one and a draft, all of A's teacher."""
    public = record_release(user=world.editor_a, record=make_record(title="Public lesson"))
    members = record_release(
        user=world.editor_a,
        record=make_record(title="Members lesson", access_level=AccessLevel.INSTITUTION),
    )
    draft = make_record(title="Draft lesson")
    return {"public": public, "members": members, "draft": draft}


def _url(record_or_id, name="api:record", *args):
    record_id = getattr(record_or_id, "pk", record_or_id)
    return reverse(name, args=[record_id, *args])


# --- Who sees which record ---------------------------------------------------------

SEES = {
    "public": set(ROLES),
    "members": {"author", "member", "editor", "admin"},
    "draft": {"author", "editor", "admin"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["public", "members", "draft"])
def test_each_role_sees_what_the_policy_allows_and_else_a_404(call, records, role, kind):
    answer = call(role, _url(records[kind]))

    if role not in SEES[kind]:
        assert answer.status_code == 404
        assert answer.json()["error"]["code"] == "not_found"
        assert "ETag" not in answer
        return
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["id"] == records[kind].pk
    assert body["title"] == records[kind].title
    if role in MANAGERS:
        expected = "draft" if kind == "draft" else "released"
        assert body["state"]["code"] == expected
    else:
        assert "state" not in body


def test_a_missing_record_is_the_same_404_as_a_hidden_one(call, records):
    hidden = call("outsider", _url(records["members"]))
    missing = call("outsider", _url(RecordPage.objects.order_by("-pk").first().pk + 1000))

    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


def test_authors_and_editors_read_the_latest_draft_others_the_released_version(
    call, world, records
):
    record_update_draft(user=world.teacher_a, record=records["public"], title="Public lesson, v2")

    assert call("anonymous", _url(records["public"])).json()["title"] == "Public lesson"
    assert call("member", _url(records["public"])).json()["title"] == "Public lesson"
    for role in ("author", "editor"):
        body = call(role, _url(records["public"])).json()
        assert body["title"] == "Public lesson, v2"
        assert body["state"]["code"] == "released"
        assert body["state"]["unreleased_changes"] is True


def test_the_state_follows_the_review(call, world, records):
    record_submit(user=world.teacher_a, record=records["draft"])

    assert call("author", _url(records["draft"])).json()["state"]["code"] == "in_review"
    assert call("editor", _url(records["draft"])).json()["state"]["label"] == "In review"
    assert call("anonymous", _url(records["draft"])).status_code == 404


# --- What a record says ------------------------------------------------------------


def test_a_record_says_everything_its_page_shows(call, world):
    record = full_record(
        world,
        files=[("lesson.pdf", b"%PDF-1.4 tiny")],
        subject=SubjectField.objects.get(code="0811"),
    )

    answer = call("anonymous", _url(record))
    body = answer.json()

    assert answer.status_code == 200
    assert body["record_type"] == "teaching_resource"
    assert body["language"] == {"code": "zh", "label": "Chinese"}
    assert [c["name"] for c in body["creators"]] == [
        "李伟",
        "Nguyễn Văn An",
        "Somchai Jaidee",
        "王芳",
    ]
    assert body["creators"][0]["orcid"] == "0000-0002-1825-0097"
    assert body["creators"][0]["role"] == {"code": "author", "label": "Author"}
    assert body["creators"][1]["orcid"] is None
    assert [(t["language"]["code"], t["title"]) for t in body["translations"]] == [
        ("en", "Rice cultivation techniques"),
        ("th", "เทคนิคการปลูกข้าว"),
    ]
    assert sorted(body["keywords"]) == ["rice", "水稻"]
    assert body["subject"]["code"] == "0811"
    assert body["resource_type"]["code"] == "material-lesson-plan"
    assert body["licence"]["code"] == "CC-BY-4.0"
    assert body["licence"]["url"].startswith("https://creativecommons.org/")
    assert body["access_level"]["code"] == "public"
    assert body["country"] == {"code": "CN", "label": "China"}
    assert body["institution"]["id"] == world.inst_a.pk
    assert body["institution"]["name_local"] == "云南农业职业技术学院"
    assert body["institution"]["links"]["self"] == reverse(
        "api:institution", args=[world.inst_a.pk]
    )
    assert body["dates"]["first_released"] is not None
    [item] = body["files"]
    document = record.files.get().document
    assert item["id"] == document.pk
    assert item["size"] == len(b"%PDF-1.4 tiny")
    assert item["sha256"] == document.sha256 and len(item["sha256"]) == 64
    assert item["mime_type"] == "application/pdf"
    assert item["links"]["download"] == (
        reverse("files:download", args=[document.pk]) + f"?record={record.pk}"
    )
    links = body["links"]
    assert links["self"] == _url(record)
    assert links["html"].endswith(f"/r/{record.pk}")
    assert set(links["exports"]) == set(FORMATS)
    assert links["exports"]["ris"] == _url(record, "api:record-export", "ris")
    assert set(links["citation"]) == {"apa", "gbt7714"}
    assert "state" not in body


def test_an_achievement_has_its_identifiers(call, world):
    record = full_record(
        world,
        record_class=AchievementPage,
        kind="achievement",
        doi="10.1000/xyz123",
        isbn="978-3-16-148410-0",
    )

    body = call("anonymous", _url(record)).json()

    assert body["record_type"] == "achievement"
    assert {
        "scheme": "doi",
        "value": "10.1000/xyz123",
        "url": "https://doi.org/10.1000/xyz123",
    } in (body["identifiers"])
    assert "isbn" in {identifier["scheme"] for identifier in body["identifiers"]}


def test_related_records_are_only_those_the_caller_may_see(call, world, records):
    record_update_draft(
        user=world.teacher_a,
        record=records["public"],
        relations=[
            RecordRelation(target=records["draft"], sort_order=0),
            RecordRelation(target=records["members"], sort_order=1),
        ],
    )
    record_release(user=world.editor_a, record=records["public"])

    def related(role):
        return [item["id"] for item in call(role, _url(records["public"])).json()["related"]]

    assert related("anonymous") == []
    assert related("member") == [records["members"].pk]
    [item] = call("member", _url(records["public"])).json()["related"]
    assert item["links"]["self"] == _url(records["members"])
    assert item["record_type"] == "teaching_resource"


def test_labels_follow_the_request_language(call, records):
    answer = call("anonymous", _url(records["public"]), HTTP_ACCEPT_LANGUAGE="zh-hans")
    body = answer.json()

    assert body["language"] == {"code": "zh", "label": "中文"}
    assert body["country"]["label"] == Country.objects.get(code="CN").label_for("zh-hans")
    resource_type = ResourceType.objects.get(code=body["resource_type"]["code"])
    assert body["resource_type"]["label"] == resource_type.label_for("zh-hans")
    assert body["resource_type"]["label"] != resource_type.name_en
    assert "Accept-Language" in answer["Vary"]


# --- Caching -------------------------------------------------------------------------


def test_a_record_carries_an_etag_and_answers_304_when_unchanged(call, records):
    url = _url(records["public"])
    first = call("anonymous", url)

    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    assert first["Cache-Control"] == "private, no-cache"
    assert first["Last-Modified"] == http_date(records["public"].last_published_at.timestamp())

    again = call("anonymous", url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Cache-Control"] == "private, no-cache"
    assert call("anonymous", url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_the_etag_changes_with_the_caller_the_language_and_the_record(call, world, records):
    url = _url(records["public"])
    anonymous = call("anonymous", url)["ETag"]

    assert call("author", url)["ETag"] != anonymous  # the author also sees the state
    assert call("anonymous", url, HTTP_ACCEPT_LANGUAGE="zh-hans")["ETag"] != anonymous
    assert call("author", url, HTTP_IF_NONE_MATCH=anonymous).status_code == 200

    record_update_draft(user=world.teacher_a, record=records["public"], title="New title")
    assert call("anonymous", url)["ETag"] == anonymous  # not released yet
    record_release(user=world.editor_a, record=records["public"])
    assert call("anonymous", url, HTTP_IF_NONE_MATCH=anonymous).status_code == 200


# --- Hostile ids ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/records/0",
        "/api/v1/records/2147483648",
        "/api/v1/records/99999999999999999999999999",
        "/api/v1/records/abc",
        "/api/v1/records/-1",
        "/api/v1/records/1%00",
        "/api/v1/records/99999999999999999999999999/export/ris",
        "/api/v1/records/99999999999999999999999999/citation",
    ],
)
def test_odd_ids_are_404_never_500(call, db, path):
    assert call("anonymous", path).status_code == 404


# --- Exports and citations -------------------------------------------------------------


@pytest.mark.parametrize("name", list(FORMATS))
def test_exports_in_every_format_of_the_site(call, records, name):
    answer = call("anonymous", _url(records["public"], "api:record-export", name))

    assert answer.status_code == 200
    assert answer["Content-Type"] == f"{FORMATS[name].content_type}; charset=utf-8"
    assert answer["Content-Disposition"].endswith(f'.{FORMATS[name].extension}"')
    assert "Public lesson" in answer.content.decode()
    assert f"/r/{records['public'].pk}" in answer.content.decode()


def test_an_unknown_export_format_is_a_404_listing_the_formats(call, records):
    answer = call("anonymous", _url(records["public"], "api:record-export", "marc"))

    assert answer.status_code == 404
    assert "bibtex, ris, csl-json, dc-xml" in answer.json()["error"]["message"]


def test_a_hidden_record_has_no_export_and_no_citation(call, records):
    assert call("anonymous", _url(records["draft"], "api:record-export", "ris")).status_code == 404
    assert call("outsider", _url(records["members"], "api:record-citation")).status_code == 404
    export = call("author", _url(records["draft"], "api:record-export", "bibtex"))
    assert export.status_code == 200 and "Draft lesson" in export.content.decode()


@pytest.mark.parametrize("style", ["apa", "gbt7714"])
def test_citations_in_both_styles(call, records, style):
    answer = call("anonymous", _url(records["public"], "api:record-citation"), {"style": style})

    assert answer.status_code == 200
    assert answer.json()["style"] == style
    assert "Public lesson" in answer.json()["text"]
    assert f"/r/{records['public'].pk}" in answer.json()["text"]


def test_the_citation_style_defaults_to_apa_and_a_bad_one_is_a_400(call, records):
    url = _url(records["public"], "api:record-citation")

    assert call("anonymous", url).json()["style"] == "apa"
    for bad in ("mla", "apa\x00", "x" * 500):
        error = call("anonymous", url, {"style": bad}).json()["error"]
        assert error["code"] == "invalid_parameter"
        assert error["parameter"] == "style"


# --- GET /records: updated_since -------------------------------------------------------


def _released_at(record, moment: str):
    RecordPage.objects.filter(pk=record.pk).update(last_published_at=datetime.fromisoformat(moment))


@pytest.fixture
def dated(records, make_record, world):
    old = record_release(user=world.editor_a, record=make_record(title="Old lesson"))
    _released_at(old, "2024-01-01T00:00:00+00:00")
    _released_at(records["public"], "2025-06-01T00:00:00+00:00")
    _released_at(records["members"], "2025-06-02T00:00:00+00:00")
    return {**records, "old": old}


def _ids(answer):
    assert answer.status_code == 200, answer.content
    return [item["id"] for item in answer.json()["results"]]


def test_updated_since_lists_what_was_released_since_oldest_first(call, dated):
    url = reverse("api:records")

    assert _ids(call("anonymous", url, {"updated_since": "2025-01-01"})) == [dated["public"].pk]
    assert _ids(call("member", url, {"updated_since": "2025-01-01"})) == [
        dated["public"].pk,
        dated["members"].pk,
    ]
    assert _ids(call("author", url, {"updated_since": "2025-06-01T00:00:00Z"})) == [
        dated["public"].pk,
        dated["members"].pk,
    ]  # at or after; the author's draft is never listed
    assert _ids(call("anonymous", url, {"updated_since": "2025-06-01T08:00:00+08:00"})) == [
        dated["public"].pk
    ]
    assert _ids(call("anonymous", url, {"updated_since": "2026-12-31"})) == []
    assert len(_ids(call("admin", url, {"updated_since": "2000-01-01"}))) == 3


def test_updated_since_answers_summaries_with_links(call, dated):
    answer = call("anonymous", reverse("api:records"), {"updated_since": "2025-01-01"})
    body = answer.json()

    [item] = body["results"]
    assert item["links"]["self"] == _url(dated["public"])
    assert item["links"]["html"].endswith(f"/r/{dated['public'].pk}")
    assert item["institution"] == "Yunnan Vocational College of Agriculture"
    assert item["last_released"].startswith("2025-06-01T00:00:00")
    assert body["total"] == 1
    assert body["query"]["updated_since"].startswith("2025-01-01T00:00:00")
    assert body["next_cursor"] is None
    assert answer["Cache-Control"] == "private, no-store"


def test_updated_since_pages_with_a_cursor(call, dated):
    url = reverse("api:records")
    seen = []
    params = {"updated_since": "2000-01-01", "page_size": "1"}
    for _page in range(5):
        body = call("admin", url, params).json()
        seen += [item["id"] for item in body["results"]]
        assert body["total"] == 3
        if body["next_cursor"] is None:
            break
        params["cursor"] = body["next_cursor"]
    assert seen == [dated["old"].pk, dated["public"].pk, dated["members"].pk]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"updated_since": ""}, "updated_since"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"updated_since": "2025-13-01"}, "updated_since"),
        ({"updated_since": "2025-01-01\x00"}, "updated_since"),
        ({"updated_since": "2" * 500}, "updated_since"),
        ({"updated_since": "2025-01-01", "q": "rice"}, "q"),
        ({"updated_since": "2025-01-01", "language": "zh"}, "language"),
        ({"updated_since": "2025-01-01", "page": "2"}, "page"),
        ({"updated_since": "2025-01-01", "page_size": "0"}, "page_size"),
        ({"updated_since": "2025-01-01", "cursor": "WzE3MzI3"}, "cursor"),
        ({"updated_since": "2025-01-01", "cursor": "x" * 300}, "cursor"),
    ],
)
def test_bad_updated_since_requests_are_400s_naming_the_parameter(call, db, params, parameter):
    answer = call("anonymous", reverse("api:records"), params)

    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "invalid_parameter"
    assert answer.json()["error"]["parameter"] == parameter


# --- GET /records: the search ------------------------------------------------------------


def test_without_updated_since_records_is_the_search_with_links(call, es_client, records, world):
    lifecycle.rebuild()
    url = reverse("api:records")

    anonymous = call("anonymous", url, {"q": "lesson"}).json()
    assert [hit["id"] for hit in anonymous["results"]] == [records["public"].pk]
    [hit] = anonymous["results"]
    assert hit["links"] == {
        "self": _url(records["public"]),
        "html": hit["links"]["html"],
    }
    assert hit["links"]["html"].endswith(f"/r/{records['public'].pk}")
    assert anonymous["query"]["q"] == "lesson"
    assert "facets" in anonymous
    member = call("member", url, {"q": "lesson", "sort": "newest"}).json()
    assert {hit["id"] for hit in member["results"]} == {
        records["public"].pk,
        records["members"].pk,
    }
    assert call("anonymous", url, {"page": "0"}).json()["error"]["parameter"] == "page"
    chinese = call("anonymous", url, {"language": "zh"}).json()
    assert [hit["id"] for hit in chinese["results"]] == [records["public"].pk]


def test_the_openapi_document_describes_the_reads(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    detail = paths["/api/v1/records/{record_id}"]["get"]
    assert detail["operationId"]
    assert "RecordOut" in str(detail["responses"]["200"])
    assert {"304", "404"} <= set(detail["responses"])
    assert "RecordsOut" in str(paths["/api/v1/records"]["get"]["responses"]["200"])
    assert "updated_since" in str(paths["/api/v1/records"]["get"]["parameters"])
    export = paths["/api/v1/records/{record_id}/export/{export_format}"]["get"]
    assert "application/x-bibtex" in export["responses"]["200"]["content"]
    assert "CitationOut" in str(paths["/api/v1/records/{record_id}/citation"]["get"]["responses"])


def test_errors_speak_the_request_language(call, records):
    hidden = call("anonymous", _url(records["draft"]), HTTP_ACCEPT_LANGUAGE="zh-hans")
    style = call(
        "anonymous",
        _url(records["public"], "api:record-citation"),
        {"style": "mla"},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )

    assert hidden.json()["error"]["message"] == "没有这条记录，或您无权查看。"
    assert style.json()["error"]["message"] == "未知的引文格式；请使用以下之一：apa, gbt7714。"
