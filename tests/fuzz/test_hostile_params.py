"""Hostile query parameters never get a 5xx (issue 11, item 5), on the real services.

Hypothesis generates requests to every public endpoint that reads
parameters: NUL and other control characters, digits `int()` refuses (²),
other scripts' digits, huge and negative numbers, long strings, base64
cursors of random bytes and of nested JSON, unknown parameter names and
facet values, each signed in and not. Search runs on the real
Elasticsearch, and a 200 from it must not be "degraded": a refusal is the
visitor's 400, not an outage. tests/fuzz/counts.py prints how many
requests each endpoint received.
"""

import base64
import json
from urllib.parse import quote, quote_from_bytes

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import lifecycle
from search.facets import FACETS
from search.params import encode_cursor

FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    derandomize=True,  # the same requests in every run: a CI failure replays locally
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # the fixtures are read-only scenery
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

SEARCH_PARAMETERS = ("q", "page", "page_size", "sort", "cursor", *(f.name for f in FACETS))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


_json = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=8,
)
cursors = st.one_of(
    _json.map(lambda value: _b64(json.dumps(value).encode())),
    st.integers(1, 20_000).map(lambda depth: _b64(b"[" * depth)),
    st.integers(1, 500).map(lambda depth: _b64(b"[" * depth + b"1" + b"]" * depth)),
    st.binary(max_size=160).map(_b64),
    st.lists(st.integers() | st.floats() | st.text(max_size=6), max_size=4).map(encode_cursor),
    st.just(encode_cursor([1.5, 1732700000000, 7])),
)
SPECIMENS = (
    "²", "١٢", "１２", "-1", "0", "+3", "1e3", "1.5", "NaN", "Infinity", "99999999999999999999",
    "\x00", "a\x00b", "\x1b[31m", "\u202e", "\ufeff", "true", "maybe", "CN", "vn", "vie",
    "2024", "0511", "teaching_resource", "CC-BY-4.0", "newest", "relevance", "", " ",
    "' OR 1=1 --", "<script>", "../../etc/passwd", "%00", "水稻", "ข้าว", "\U0001f600",
)  # fmt: skip
# Each value as it goes in the query string: text percent-encoded as UTF-8, or raw bytes
# (invalid UTF-8 included) percent-encoded as they are.
values = st.one_of(
    st.sampled_from(SPECIMENS).map(lambda text: quote(text, safe="")),
    st.text(max_size=40).map(lambda text: quote(text, safe="")),
    st.integers(-(10**30), 10**30).map(str),
    st.integers(100, 3000).map(lambda length: "x" * length),
    cursors,
    st.binary(max_size=24).map(quote_from_bytes),
)


def queries(names: tuple[str, ...]):
    """Query strings: known parameter names (repeated at times), and unknown ones."""
    name = st.sampled_from(names) | st.text(max_size=8).map(lambda text: quote(text, safe=""))
    pairs = st.lists(st.tuples(name, values), max_size=6)
    return pairs.map(lambda items: "&".join(f"{key}={value}" for key, value in items))


@pytest.fixture
def scenery(released_with_file, world):
    """A released record with a file; two visitors: anonymous and a signed-in teacher."""
    record, document = released_with_file(title="水稻栽培技术 Rice worksheet")
    signed_in = Client()
    signed_in.force_login(world.teacher_b)
    return {"record": record, "document": document, "clients": (Client(), signed_in)}


@pytest.fixture
def indexed(es_client, scenery):
    """The scenery, in a search index of the test's own on the real node."""
    lifecycle.rebuild()
    return scenery


def send(scenery, counts, endpoint: str, path: str, query: str, signed_in: bool):
    client = scenery["clients"][signed_in]
    response = client.get(path, QUERY_STRING=query)
    counts[endpoint, response.status_code] += 1
    assert response.status_code < 500, f"{path}?{query} → {response.status_code}"
    return response


def assert_json_answer(response, *, degraded=False):
    """A 400 names the parameter; a 200 is "degraded" only when the node is away."""
    body = response.json()
    if response.status_code == 400:
        assert body["error"]["code"] == "invalid_parameter" and body["error"]["parameter"]
    elif response.status_code == 200:
        assert body["degraded"] is degraded, body


@FUZZ
@given(query=queries(SEARCH_PARAMETERS), signed_in=st.booleans())
def test_search_api(indexed, request_counts, query, signed_in):
    response = send(indexed, request_counts, "/api/v1/search", "/api/v1/search", query, signed_in)
    assert_json_answer(response)


@FUZZ
@given(query=queries(("q", "size")), signed_in=st.booleans())
def test_suggest_api(indexed, request_counts, query, signed_in):
    path = "/api/v1/search/suggest"
    assert_json_answer(send(indexed, request_counts, path, path, query, signed_in))


@pytest.fixture
def database_only(scenery, settings):
    """The scenery with no search node configured: the database answers, degraded."""
    settings.ELASTICSEARCH_URL = ""
    return scenery


@FUZZ
@given(
    api=st.sampled_from(
        [("/api/v1/search", SEARCH_PARAMETERS), ("/api/v1/search/suggest", ("q", "size"))]
    ),
    data=st.data(),
    signed_in=st.booleans(),
)
def test_search_apis_answered_by_the_database(database_only, request_counts, api, data, signed_in):
    path, names = api
    query = data.draw(queries(names))
    response = send(database_only, request_counts, f"{path} (database)", path, query, signed_in)
    assert_json_answer(response, degraded=True)


@FUZZ
@given(query=queries(SEARCH_PARAMETERS), signed_in=st.booleans())
def test_search_page(indexed, request_counts, query, signed_in):
    path = reverse("search")
    response = send(indexed, request_counts, "/en/search/", path, query, signed_in)
    assert response.status_code in (200, 400)
    assert "simpler search of the database" not in response.content.decode()


@pytest.mark.parametrize(
    "view", ["browse_institutions", "browse_countries", "browse_subjects", "browse_levels"]
)
@FUZZ
@given(query=queries(("country", "page", "q")), signed_in=st.booleans())
def test_browse(scenery, request_counts, view, query, signed_in):
    path = reverse(view)
    assert send(scenery, request_counts, path, path, query, signed_in).status_code in (200, 400)


@pytest.mark.parametrize("view", ["download", "preview", "thumbnail"])
@FUZZ
@given(
    query=queries(("record",)),
    other_id=st.integers(0, 10**25),
    own=st.booleans(),
    signed_in=st.booleans(),
)
def test_files(scenery, request_counts, view, query, other_id, own, signed_in):
    document_id = scenery["document"].pk if own else other_id
    path = f"/files/{document_id}/{view}"
    send(scenery, request_counts, f"/files/<id>/{view}", path, query, signed_in)


@FUZZ
@given(
    query=queries(("format", "q")),
    other_id=st.integers(0, 10**25),
    own=st.booleans(),
    export_format=st.sampled_from(["bibtex", "ris", "csl-json", "dc-xml", "pdf", "BIBTEX", "-"]),
    signed_in=st.booleans(),
)
def test_record_exports(scenery, request_counts, query, other_id, own, export_format, signed_in):
    record_id = scenery["record"].pk if own else other_id
    path = f"/records/{record_id}/export/{export_format}"
    send(scenery, request_counts, "/records/<id>/export/<format>", path, query, signed_in)


@pytest.mark.parametrize("kind", ["files.zip", "cartridge.imscc"])
@FUZZ
@given(
    query=queries(("version",)),
    other_id=st.integers(0, 10**25),
    own=st.booleans(),
    signed_in=st.booleans(),
)
def test_bundles(scenery, request_counts, kind, query, other_id, own, signed_in):
    record_id = scenery["record"].pk if own else other_id
    path, endpoint = f"/bundles/records/{record_id}/{kind}", f"/bundles/records/<id>/{kind}"
    response = send(scenery, request_counts, endpoint, path, query, signed_in)
    if response.streaming:
        b"".join(response.streaming_content)  # sent in full, as a browser reads it


OAI_ARGUMENTS = ("verb", "metadataPrefix", "identifier", "from", "until", "set", "resumptionToken")
OAI_SPECIMENS = st.sampled_from(
    ["Identify", "ListRecords", "GetRecord", "ListSets", "ListIdentifiers", "ListMetadataFormats",
     "oai_dc", "oai_datacite", "lom", "2026-01-01", "2026-01-01T00:00:00Z", "9999-12-31",
     "oai:localhost:record/1", "subject:08", "openaire", "type:achievement"]
)  # fmt: skip


@FUZZ
@given(
    pairs=st.lists(
        st.tuples(
            st.sampled_from(OAI_ARGUMENTS),
            OAI_SPECIMENS.map(lambda text: quote(text, safe="")) | values,
        ),
        max_size=5,
    ),
    signed_in=st.booleans(),
)
def test_oai_pmh(scenery, request_counts, pairs, signed_in):
    """Every answer is the protocol's: HTTP 200 and an OAI-PMH document, errors inside."""
    query = "&".join(f"{key}={value}" for key, value in pairs)
    response = send(scenery, request_counts, "/oai", "/oai", query, signed_in)
    assert response.status_code == 200, f"/oai?{query} → {response.status_code}"
    assert b"<OAI-PMH " in response.content, response.content[:300]
