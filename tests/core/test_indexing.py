"""core.indexing: the domain apps' way to ask for re-indexing without importing search."""

import pytest

import search.services
from resource_hub.core import indexing


def test_search_registers_its_services_as_the_implementation():
    assert indexing._indexer is search.services


def test_calls_reach_the_implementation_at_call_time(monkeypatch):
    asked = []
    monkeypatch.setattr(search.services, "index_later", asked.append)
    monkeypatch.setattr(search.services, "records_with_document", lambda pk: [pk, pk + 1])

    indexing.index_later([3])

    assert asked == [[3]]
    assert indexing.records_with_document(7) == [7, 8]


@pytest.fixture
def no_search():
    indexing.register(None)
    yield
    indexing.register(search.services)


def test_without_search_nothing_happens(no_search):
    indexing.index_later([1, 2])  # no error, nothing to do

    assert indexing.records_with_document(1) == []
