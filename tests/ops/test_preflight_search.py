"""The search checks against the real Elasticsearch node: all OK once the index is built,
and a missing alias, an old mapping version, an unreachable or hung node each FAIL."""

import pytest

from resource_hub.ops.preflight import FAIL, OK, WARN
from resource_hub.ops.preflight.searchindex import check_search
from resource_hub.records.services import record_release
from search.client import get_client
from search.documents import MAPPING_VERSION, index_body
from search.lifecycle import alias_name, rebuild

pytestmark = pytest.mark.django_db


def results(timeout=5):
    return {result.name: result for result in check_search(timeout=timeout)}


@pytest.fixture
def other_node(settings):
    """Point ELASTICSEARCH_URL elsewhere; the cached client follows, and is reset after."""

    def point(url):
        settings.ELASTICSEARCH_URL = url
        get_client.cache_clear()

    yield point
    get_client.cache_clear()


def test_every_search_check_is_ok_once_the_index_is_built(es_client):
    rebuild()

    found = results()

    assert {name: r.status for name, r in found.items()} == {
        "search.cluster": OK,
        "search.icu": OK,
        "search.alias": OK,
        "search.mapping": OK,
        "search.documents": OK,
    }
    assert f"mapping version {MAPPING_VERSION}" in found["search.mapping"].message


def test_a_missing_alias_fails_with_the_command_that_builds_it(es_client):
    found = results()

    assert found["search.cluster"].status == OK
    assert found["search.alias"].status == FAIL
    assert f"no index behind the alias {alias_name()}" in found["search.alias"].message
    assert "search_index ensure" in found["search.alias"].remedy
    assert "search.mapping" not in found


def test_an_index_of_another_mapping_version_fails(es_client):
    body = index_body(shards=1, replicas=0, icu=True)
    body["mappings"]["_meta"]["mapping_version"] = MAPPING_VERSION - 1
    index = f"{alias_name()}-20200101000000000000"
    es_client.indices.create(index=index, **body)
    es_client.indices.put_alias(index=index, name=alias_name())

    result = results()["search.mapping"]

    assert result.status == FAIL
    assert f"mapping version {MAPPING_VERSION - 1}; this code needs {MAPPING_VERSION}" in (
        result.message
    )
    assert "search_index ensure" in result.remedy


def test_an_index_that_lags_is_a_warning(es_client, world, make_record):
    record = record_release(user=world.editor_a, record=make_record())
    rebuild()
    es_client.delete(index=alias_name(), id=str(record.pk), refresh=True)  # a lost update

    result = results()["search.documents"]

    assert result.status == WARN
    assert "0 documents for 1 released records" in result.message
    assert "verify --fix" in result.remedy


def test_an_unreachable_node_fails_at_once(other_node, closed_port):
    other_node(f"http://127.0.0.1:{closed_port}")

    [result] = check_search(timeout=5)

    assert (result.name, result.status) == ("search.cluster", FAIL)
    assert "no answer from the cluster" in result.message
    assert "ELASTICSEARCH_URL" in result.remedy


def test_a_node_that_never_answers_fails_within_the_timeout(other_node, silent_port):
    other_node(f"http://127.0.0.1:{silent_port}")

    [result] = check_search(timeout=1)

    assert (result.name, result.status) == ("search.cluster", FAIL)
    assert "ConnectionTimeout" in result.message


def test_no_cluster_configured_is_a_warning(other_node):
    other_node(None)

    [result] = check_search(timeout=5)

    assert (result.name, result.status) == ("search.cluster", WARN)
