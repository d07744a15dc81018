"""Elasticsearch: the cluster answers, has ICU, and the alias points at an index of
the mapping version this code writes (search/documents.py, search/lifecycle.py)."""

from collections.abc import Iterator

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from elastic_transport import TransportError
from elasticsearch import ApiError

from search.client import get_client
from search.documents import MAPPING_VERSION, cluster_has_icu
from search.indexing import indexable_records
from search.lifecycle import alias_name, aliased_indices

from .result import Result, describe, fail, ok, warn

LABEL = gettext_lazy("Elasticsearch")
ICU_LABEL = gettext_lazy("ICU analysis")
INDEX_LABEL = gettext_lazy("Search index")

ENSURE = gettext_lazy(
    "Run `manage.py search_index ensure`: it builds the index from the database and moves "
    "the alias (searches use the database meanwhile)."
)


def check_search(*, timeout: float, **options) -> Iterator[Result]:
    if get_client() is None:
        yield warn(
            "search.cluster",
            LABEL,
            _("not configured: public search answers from the database"),
            _(
                "Set ELASTICSEARCH_URL to the cluster (https://user:password@host:9200) for "
                "multilingual search with facets (deploy/README.md)."
            ),
        )
        return
    # One try, within the timeout: a node that accepts connections but never
    # answers must not hold the check for the client's retries.
    client = get_client().options(request_timeout=timeout, max_retries=0, retry_on_timeout=False)
    try:
        health = client.cluster.health()
    except (TransportError, ApiError) as error:
        yield fail("search.cluster", LABEL, _cluster_problem(error), _cluster_remedy(error))
        return
    yield _cluster_result(health)
    try:
        yield check_icu(client)
        yield from check_index(client)
    except (TransportError, ApiError) as error:
        yield fail("search.index", INDEX_LABEL, _cluster_problem(error), _cluster_remedy(error))


def _cluster_problem(error) -> str:
    if isinstance(error, ApiError):
        return _("the cluster answered HTTP %(status)s: %(error)s") % {
            "status": error.status_code,
            "error": error.message,
        }
    return _("no answer from the cluster: %(error)s") % {"error": describe(error)}


def _cluster_remedy(error) -> str:
    if isinstance(error, ApiError) and error.status_code in (401, 403):
        return _(
            "Put a user whose role may manage indices named %(prefix)s-* into "
            "ELASTICSEARCH_URL (https://user:password@host:9200)."
        ) % {"prefix": settings.ELASTICSEARCH_INDEX_PREFIX}
    return _(
        "Check ELASTICSEARCH_URL (scheme, host, port), that the cluster is running and that "
        "this machine may reach it. Public search falls back to the database meanwhile."
    )


def _cluster_result(health: dict) -> Result:
    name, nodes, status = health["cluster_name"], health["number_of_nodes"], health["status"]
    message = ngettext(
        "cluster %(name)s, %(nodes)d node, status %(status)s",
        "cluster %(name)s, %(nodes)d nodes, status %(status)s",
        nodes,
    ) % {
        "name": name,
        "nodes": nodes,
        "status": status,
    }
    if status == "red":
        return fail(
            "search.cluster",
            LABEL,
            message,
            _("Some primary shards are unassigned; see GET _cluster/allocation/explain."),
        )
    if status == "yellow":
        return warn(
            "search.cluster",
            LABEL,
            message,
            _(
                "Some replicas are unassigned: add nodes, or set ELASTICSEARCH_REPLICAS to at "
                "most the number of nodes minus one (0 on a single node) and rebuild."
            ),
        )
    return ok("search.cluster", LABEL, message)


def check_icu(client) -> Result:
    if cluster_has_icu(client):
        return ok("search.icu", ICU_LABEL, _("icu_tokenizer is available"))
    return fail(
        "search.icu",
        ICU_LABEL,
        _("icu_tokenizer is missing: Thai, Khmer, Lao and Burmese are split badly"),
        _(
            "Install the analysis-icu plugin on every node (`bin/elasticsearch-plugin install "
            "analysis-icu`), restart them, then run `manage.py search_index rebuild`."
        ),
    )


def check_index(client) -> Iterator[Result]:
    alias = alias_name()
    indices = aliased_indices(client)
    if not indices:
        plain = client.indices.exists(index=alias)
        yield fail(
            "search.alias",
            INDEX_LABEL,
            _("%(alias)s is an index, not an alias") % {"alias": alias}
            if plain
            else _("no index behind the alias %(alias)s") % {"alias": alias},
            _("Delete the index %(alias)s (it is rebuilt from the database), then: %(ensure)s")
            % {"alias": alias, "ensure": ENSURE}
            if plain
            else ENSURE,
        )
        return
    index = indices[0]
    yield ok(
        "search.alias",
        INDEX_LABEL,
        _("%(alias)s points at %(index)s") % {"alias": alias, "index": index},
    )
    meta = client.indices.get_mapping(index=index)[index]["mappings"].get("_meta", {})
    version = meta.get("mapping_version")
    if version != MAPPING_VERSION:
        yield fail(
            "search.mapping",
            INDEX_LABEL,
            _("%(index)s has mapping version %(found)s; this code needs %(needed)s")
            % {"index": index, "found": version, "needed": MAPPING_VERSION},
            ENSURE,
        )
        return
    if meta.get("icu") is False and cluster_has_icu(client):
        yield warn(
            "search.mapping",
            INDEX_LABEL,
            _("mapping version %(version)s, built without ICU") % {"version": version},
            _("The cluster has ICU now: run `manage.py search_index rebuild` to use it."),
        )
    else:
        yield ok(
            "search.mapping", INDEX_LABEL, _("mapping version %(version)s") % {"version": version}
        )
    documents = client.count(index=alias)["count"]
    released = indexable_records().count()
    message = _("%(documents)d documents for %(released)d released records") % {
        "documents": documents,
        "released": released,
    }
    if documents != released:
        yield warn(
            "search.documents",
            INDEX_LABEL,
            message,
            _(
                "Run `manage.py search_index verify --fix` (the nightly timer does); a "
                "difference right after changes is the queue catching up."
            ),
        )
    else:
        yield ok("search.documents", INDEX_LABEL, message)
