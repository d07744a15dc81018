"""Hostile parameters get a 400 naming the parameter, never a 500 or a false "degraded"
(issue 11, item 5): the cases reported on the landed code, on the real node and without it."""

import base64
import json

import pytest
from django.urls import reverse
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import ApiError

from resource_hub.core.params import InvalidParameter
from search import client as search_client
from search import lifecycle, service
from search.facets import FACETS
from search.params import encode_cursor

API = "/api/v1/search"


def raw_cursor(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def refused(answer, parameter: str) -> dict:
    assert answer.status_code == 400, answer.content[:300]
    error = answer.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert error["parameter"] == parameter
    assert error["message"]
    return error


@pytest.fixture
def indexed(es_client, world, make_record, release):
    for number in range(3):
        release(make_record(title=f"Worksheet {number}"))
    lifecycle.rebuild()


@pytest.fixture(params=["elasticsearch", "database"])
def engine(request, settings, world, make_record, release):
    """Each case on the real node, and with the database answering (no node configured)."""
    if request.param == "elasticsearch":
        request.getfixturevalue("indexed")
    else:
        settings.ELASTICSEARCH_URL = ""
        release(make_record(title="Worksheet 0"))
    return request.param


def test_a_superscript_year_is_a_400_on_the_api_and_the_page(client, engine):
    refused(client.get(API, {"year": "²"}), "year")

    page = client.get(reverse("search"), {"year": "²"})
    assert page.status_code == 400
    assert "year must be a whole number from 1 to 9999." in page.content.decode()


def test_a_nul_in_any_facet_value_is_a_400(client, engine):
    for facet in FACETS:
        refused(client.get(f"{API}?{facet.name}=%00"), facet.name)
        assert client.get(f"{reverse('search')}?{facet.name}=%00").status_code == 400


def test_control_characters_in_any_other_parameter_are_a_400(client, engine):
    for parameter in ("q", "sort", "page", "page_size", "cursor"):
        error = refused(client.get(f"{API}?{parameter}=a%00b%07"), parameter)
        assert "control characters" in error["message"]


def test_a_nul_in_q_with_a_huge_year_names_q_and_a_huge_year_names_year(client, engine):
    refused(client.get(f"{API}?q=%00abc&year=99999999999999999999"), "q")
    refused(client.get(API, {"q": "abc", "year": "99999999999999999999"}), "year")
    refused(client.get(API, {"institution": "99999999999999999999"}), "institution")
    refused(client.get(API, {"page": "١٢٣٤٥٦٧٨٩٠١٢"}), "page")


def test_country_and_language_are_codes(client, engine):
    refused(client.get(API, {"country": "Viet Nam"}), "country")
    refused(client.get(API, {"language": "vie-VN"}), "language")
    # Case is forgiven; an unknown code finds nothing.
    assert client.get(API, {"country": "vn", "language": "VI"}).json()["query"]["filters"] == {
        "country": ["VN"],
        "language": ["vi"],
    }
    assert client.get(API, {"country": "ZZ"}).json()["total"] == 0


FORGED_CURSORS = [
    raw_cursor(b"[" * 5000),
    raw_cursor(b"[" * 100 + b"]" * 100),
    raw_cursor(b"[1, [2], 3]"),
    raw_cursor(b'["a"]'),
    raw_cursor(b"[true, 1, 2]"),
    raw_cursor(b"[NaN, 1, 2]"),
    raw_cursor(b"[1e999, 1, 2]"),
    raw_cursor(b"[1, 2, 99999999999999999999999]"),
    raw_cursor(b'["\\u0000", 1, 2]'),
    raw_cursor(b'["\\ud800", 1, 2]'),
    raw_cursor(b"\xff\xfe"),
    "W" * 5000,
    "WzEsMiwzXQ#",
]


def test_a_cursor_that_is_not_a_flat_list_of_sort_values_is_a_400(client, engine):
    for cursor in FORGED_CURSORS:
        refused(client.get(API, {"cursor": cursor}), "cursor")


def test_a_cursor_of_the_wrong_length_for_the_sort_is_a_400(client, db):
    three = encode_cursor([1.0, 1732700000000, 7])
    refused(client.get(API, {"cursor": three, "sort": "newest"}), "cursor")


def test_a_forged_but_well_formed_cursor_refused_by_elasticsearch_is_a_400_not_degraded(
    client, indexed, caplog
):
    # Strings have the shape of sort values, but these sorts are on a date and an integer.
    forged = encode_cursor(["a", "b"])

    refused(client.get(API, {"cursor": forged, "sort": "newest"}), "cursor")
    page = client.get(reverse("search"), {"cursor": forged, "sort": "newest"})
    assert page.status_code == 400
    assert "This cursor is not one we gave out" in page.content.decode()

    # The node was not taken for down: the next search is answered by it.
    assert search_client._down_until == 0.0
    body = client.get(API, {"q": "worksheet"}).json()
    assert body["degraded"] is False and body["total"] == 3
    assert "answering from the database" not in caplog.text


def test_a_cursor_we_gave_out_still_pages(client, indexed):
    first = client.get(API, {"q": "worksheet", "page_size": "2"}).json()
    second = client.get(API, {"q": "worksheet", "page_size": "2", "cursor": first["next_cursor"]})

    assert second.status_code == 200 and second.json()["degraded"] is False
    assert len(first["results"]) + len(second.json()["results"]) == 3


def test_suggest_refuses_control_characters_and_odd_sizes(client, engine):
    refused(client.get("/api/v1/search/suggest?q=Wo%00"), "q")
    refused(client.get("/api/v1/search/suggest", {"q": "Wo", "size": "²"}), "size")
    refused(
        client.get("/api/v1/search/suggest", {"q": "Wo", "size": "99999999999999999999"}), "size"
    )
    refused(client.get("/api/v1/search/suggest", {"q": "W" * 101}), "q")
    answer = client.get("/api/v1/search/suggest", {"q": "Work", "size": "3"})
    assert answer.status_code == 200
    assert answer.json()["degraded"] is (engine == "database")


def test_the_page_keeps_the_query_but_not_its_control_characters(client, db):
    page = client.get(f"{reverse('search')}?q=rice%00%01&page=0")

    html = page.content.decode()
    assert page.status_code == 400
    assert 'value="rice"' in html and "\x00" not in html


def test_cursor_json_is_never_parsed_past_the_length_cap():
    deep = json.dumps([[[[1]]]])
    assert len(raw_cursor(deep.encode())) < 200
    from search.params import MAX_CURSOR_LENGTH, InvalidSearchParameter, decode_cursor

    with pytest.raises(InvalidSearchParameter):
        decode_cursor(raw_cursor(deep.encode()))
    with pytest.raises(InvalidSearchParameter):
        decode_cursor("W" * (MAX_CURSOR_LENGTH + 1))


def test_a_value_elasticsearch_refuses_names_the_facet_field(indexed):
    with pytest.raises(InvalidParameter) as refusal:
        service._send(query={"term": {"year": "not a year"}}, size=1)

    assert refusal.value.parameter == "year"
    assert search_client._down_until == 0.0


class Refusing:
    """A client whose node answers every search with `status`."""

    def __init__(self, status: int):
        self.status = status

    def options(self, **_options):
        return self

    def search(self, **_request):
        meta = ApiResponseMeta(
            status=self.status,
            http_version="1.1",
            headers=HttpHeaders(),
            duration=0.0,
            node=NodeConfig("http", "localhost", 9200),
        )
        raise ApiError("refused", meta=meta, body={"error": {"reason": "busy"}})


@pytest.mark.parametrize("status", [401, 403, 404, 408, 429, 500, 503])
def test_engine_side_answers_are_degraded_not_400(client, world, monkeypatch, status):
    monkeypatch.setattr(service, "get_client", lambda: Refusing(status))

    answer = client.get(API, {"q": "worksheet"})

    assert answer.status_code == 200 and answer.json()["degraded"] is True


def test_a_400_from_the_node_is_the_visitors_400(client, world, monkeypatch):
    monkeypatch.setattr(service, "get_client", lambda: Refusing(400))

    refused(client.get(API, {"q": "worksheet"}), "q")
    refused(client.get(API, {"cursor": encode_cursor([1.0, 2, 3])}), "cursor")
    refused(client.get("/api/v1/search/suggest", {"q": "Work"}), "q")
    assert client.get(reverse("search"), {"q": "worksheet"}).status_code == 400
