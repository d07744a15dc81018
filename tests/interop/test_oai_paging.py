"""Resumption tokens: 25 records in pages of 10, signed tokens, constant queries per page.

(The paging is the same at any size; 250 records in one test transaction took minutes
of PostgreSQL's subtransaction bookkeeping, not of paging.)
"""

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from resource_hub.records.services import record_release, record_unpublish

from .conftest import NS, error_code

#: Queries per page of ListRecords, whatever the page size (see test below).
MAX_QUERIES_PER_PAGE = 12


@pytest.fixture
def many(world, make_record, settings):
    settings.SITE_BASE_URL = "http://localhost:8000"
    settings.OAI_PAGE_SIZE = 10
    return [
        record_release(user=world.editor_a, record=make_record(title=f"Lesson {n}"))
        for n in range(25)
    ]


def harvest(oai, verb):
    """Every page of a list, with the queries each took."""
    pages, params = [], {"verb": verb, "metadataPrefix": "oai_dc"}
    while True:
        with CaptureQueriesContext(connection) as queries:
            root = oai(**params)
        token = root.find(f"oai:{verb}/oai:resumptionToken", NS)
        pages.append((root, token, len(queries)))
        if token is None or not token.text:
            return pages
        params = {"verb": verb, "resumptionToken": token.text}


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
def test_tokens_page_through_every_record_once(oai, many, verb):
    pages = harvest(oai, verb)
    assert len(pages) == 3
    identifiers = [
        header.findtext("oai:identifier", namespaces=NS)
        for root, _token, _queries in pages
        for header in root.iter(f"{{{NS['oai']}}}header")
    ]
    assert sorted(identifiers) == sorted(f"oai:localhost:record/{r.pk}" for r in many)
    tokens = [token for _root, token, _queries in pages]
    assert [t.get("cursor") for t in tokens] == ["0", "10", "20"]
    assert {t.get("completeListSize") for t in tokens} == {"25"}
    assert tokens[0].get("expirationDate").endswith("Z") and tokens[0].text
    assert tokens[-1].text is None and tokens[-1].get("expirationDate") is None


def test_queries_per_page_do_not_grow_with_the_page(
    oai, many, settings, django_assert_max_num_queries
):
    counts = [queries for _root, _token, queries in harvest(oai, "ListRecords")]
    assert counts[1] == counts[2] <= counts[0] <= MAX_QUERIES_PER_PAGE
    settings.OAI_PAGE_SIZE = 5
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
        oai(verb="ListRecords", metadataPrefix="oai_dc")
    small = [queries for _root, _token, queries in harvest(oai, "ListRecords")[:3]]
    assert small[1] == counts[1]


def test_pages_stay_stable_while_records_change(oai, many, world):
    first = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = first.find(".//oai:resumptionToken", NS).text
    seen = {h.text for h in first.iterfind(".//oai:header/oai:identifier", NS)}
    # Unpublished: a tombstone with a newer datestamp, so it moves to the end of the list.
    record_unpublish(user=world.editor_a, record=many[0])
    rest = harvest_from(oai, token)
    moved = f"oai:localhost:record/{many[0].pk}"
    assert moved in seen and moved in rest
    assert not (seen & rest) - {moved}
    assert len(seen | rest) == 25


def harvest_from(oai, token) -> set:
    found = set()
    while token:
        root = oai(verb="ListIdentifiers", resumptionToken=token)
        found |= {h.text for h in root.iterfind(".//oai:header/oai:identifier", NS)}
        token = root.findtext(".//oai:resumptionToken", namespaces=NS)
    return found


def test_a_forged_or_expired_token_is_a_bad_resumption_token(oai, many, settings):
    root = oai(verb="ListRecords", metadataPrefix="oai_dc")
    token = root.find(".//oai:resumptionToken", NS).text
    forged = signing.dumps({"prefix": "oai_dc", "after": ["2000-01-01T00:00:00+00:00", 0]})
    assert error_code(oai(verb="ListRecords", resumptionToken=forged)) == "badResumptionToken"
    assert error_code(oai(verb="ListRecords", resumptionToken=token[:-2])) == "badResumptionToken"
    assert error_code(oai(verb="ListIdentifiers", resumptionToken=token)) == "badResumptionToken"
    settings.OAI_TOKEN_LIFETIME = -1  # every token issued has expired
    root = oai(verb="ListRecords", resumptionToken=token)
    assert error_code(root) == "badResumptionToken"
    assert "expired" in etree.tostring(root, encoding="unicode")
