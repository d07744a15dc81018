"""Public search: run the request `queries.py` builds, read the answer back.

When Elasticsearch is not configured, unreachable, or has no index yet, the
same parameters are answered from the database (`fallback.py`), marked
`degraded`. Every hit is checked against the database before it is shown
(one query), so a record unpublished a moment ago, whose index update is
still waiting in the task queue, is never listed.
"""

import logging
from functools import lru_cache

from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from elastic_transport import SerializationError, TransportError
from elasticsearch import ApiError, Elasticsearch

from resource_hub.access.records import visible_among, visible_records
from resource_hub.access.viewers import Viewer
from resource_hub.records.models import RecordPage

from .client import get_client, mark_node_down, node_seems_down
from .display import CARD_FIELDS, clean_snippets, share_site_roots
from .facets import FACETS
from .fallback import database_search
from .labels import facet_result
from .lifecycle import alias_name
from .params import InvalidSearchParameter, SearchParams, encode_cursor
from .queries import LANGUAGES, autocomplete_body, search_body, suggestion_check_body
from .results import FacetResult, Hit, SearchResult
from .vocabulary import query_codes, vocabulary_index

logger = logging.getLogger(__name__)


class _Unavailable(Exception):
    """Elasticsearch cannot answer; the message is safe to show."""


#: 4xx answers about the engine rather than the request (credentials, a
#: timeout, too many requests): the visitor is not to blame, search is degraded.
_ENGINE_SIDE_4XX = frozenset({401, 403, 404, 408, 429})


#: What `search()` reads of an answer. The node leaves out the rest (shard counts,
#: scores, each aggregation's error bounds, …): less to send and to parse.
SEARCH_FILTER_PATH = (
    "hits.total.value",
    "hits.hits._id",
    "hits.hits._source",
    "hits.hits.highlight",
    "hits.hits.sort",
    "aggregations.*.values.buckets.key",
    "aggregations.*.values.buckets.key_as_string",
    "aggregations.*.values.buckets.doc_count",
    "suggest.did_you_mean.options.text",
)


@lru_cache(maxsize=1)
def _searcher(client: Elasticsearch) -> Elasticsearch:
    """`client` without retries: a search that failed is answered from the database.

    Kept: `options()` builds a new client object (and its ~40 namespaces) per call.
    """
    return client.options(max_retries=0)


def _send(**request) -> dict:
    client = get_client()
    if client is None:
        raise _Unavailable("search is not configured")
    if node_seems_down():
        raise _Unavailable("the search engine is unreachable")
    try:
        return _searcher(client).search(index=alias_name(), **request).body
    except SerializationError as error:
        # A TransportError, but the node was never asked: the request's values are to blame.
        raise _refused(request, error) from error
    except TransportError as error:
        mark_node_down()
        logger.warning("Elasticsearch unreachable, answering from the database: %s", error)
        raise _Unavailable("the search engine is unreachable") from error
    except ApiError as error:
        if 400 <= error.status_code < 500 and error.status_code not in _ENGINE_SIDE_4XX:
            # The engine is fine and says the request is wrong (issue 11): a
            # 400 for the visitor, not a "degraded" answer from the database.
            raise _refused(request, error) from error
        # 404: no index built yet. Anything else is logged in full, and the
        # visitor still gets an answer.
        logger.log(
            logging.WARNING if error.status_code == 404 else logging.ERROR,
            "Elasticsearch refused a search (%s), answering from the database",
            error.status_code,
            exc_info=error.status_code != 404,
        )
        raise _Unavailable(f"the search engine answered {error.status_code}") from error


def _refused(request: dict, error: Exception) -> InvalidSearchParameter:
    """The 400 for a request Elasticsearch refused, naming the parameter most likely to blame.

    Parameters are validated before they are sent, so what is left is a
    cursor's values (`search_after`), a facet's value (the engine quotes
    it), or else the words of `q`.
    """
    logger.info("Elasticsearch refused a search as malformed: %s", error)
    if "search_after" in request:
        return InvalidSearchParameter(
            "cursor", _("This cursor is not one we gave out; start again without it.")
        )
    reason = str(getattr(error, "body", "") or error)
    name = next(_facets_quoted(request, reason), "q")
    return InvalidSearchParameter(
        name,
        _("The search engine cannot use %(name)s as given; change it and try again.")
        % {"name": name},
    )


def _facets_quoted(node, reason: str):
    """Names of the facets whose filter value the engine's `reason` quotes ("For input string")."""
    fields = {facet.field: facet.name for facet in FACETS}
    if isinstance(node, list):
        for item in node:
            yield from _facets_quoted(item, reason)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("term", "terms") and isinstance(value, dict):
                for field, wanted in value.items():
                    wanted = wanted if isinstance(wanted, list) else [wanted]
                    if field in fields and any(f'"{item}"' in reason for item in wanted):
                        yield fields[field]
            yield from _facets_quoted(value, reason)


def search(params: SearchParams) -> SearchResult:
    """Search released records as `params.viewer` may see them."""
    try:
        named = query_codes(params.q, vocabulary_index()) if params.q else None
        answer = _send(**search_body(params, vocabulary=named), filter_path=SEARCH_FILTER_PATH)
    except _Unavailable as reason:
        return database_search(params, reason=str(reason))
    raw = answer["hits"].get("hits", [])  # filter_path drops an empty list
    full_page = len(raw) == params.page_size and "sort" in raw[-1]
    records = _visible(raw, params.viewer)
    return SearchResult(
        params=params,
        next_cursor=encode_cursor(raw[-1]["sort"]) if full_page else "",
        hits=_hits(raw, records),
        records=records,
        total=answer["hits"]["total"]["value"],
        facets=_facets(answer.get("aggregations", {}), params),
        suggestion=_suggestion(answer.get("suggest", {}), params),
    )


def autocomplete(prefix: str, *, viewer: Viewer, size: int = 8) -> tuple[list[dict], bool]:
    """Titles starting with `prefix` that `viewer` may see, and whether degraded.

    From the database when Elasticsearch cannot answer (titles starting with
    the prefix, newest first).
    """
    prefix = " ".join(prefix.split())[:100]
    if not prefix:
        return [], False
    try:
        answer = _send(**autocomplete_body(prefix, viewer, size=size))
    except _Unavailable:
        found = visible_records(viewer).filter(title__istartswith=prefix)
        found = found.order_by("-first_published_at")
        return [{"id": r.pk, "title": r.title} for r in found[:size]], True
    # Titles, then the Chinese titles whose pinyin the prefix starts (queries.autocomplete_body).
    options = [option for entries in answer["suggest"].values() for option in entries[0]["options"]]
    # The contexts already keep to what the viewer may see; the database has the last word
    # as for search hits: an update may still be waiting in the task queue.
    ids = {int(option["_id"]) for option in options}
    read = RecordPage.objects.filter(pk__in=ids).only("id", "path", "live")
    allowed = {record.pk for record in visible_among(viewer, read)}
    suggestions, seen = [], set()
    for option in options:
        title = _full_title(option)
        if int(option["_id"]) in allowed and title not in seen:
            seen.add(title)
            suggestions.append({"id": int(option["_id"]), "title": title})
    return suggestions[:size], False


def _full_title(option: dict) -> str:
    """The whole title a completion matched.

    Its `text` is the matched input cut at 50 characters: a title, or the
    pinyin of a Chinese title. Each `suggest` entry lists a title first, then
    its pinyin (`indexing.suggest_inputs`).
    """
    text = option["text"]
    for entry in option.get("_source", {}).get("suggest", []):
        inputs = entry.get("input", []) if isinstance(entry, dict) else [entry]
        if any(item.startswith(text) for item in inputs):
            return inputs[0]
    return text


def _visible(raw: list[dict], viewer: Viewer) -> dict[int, RecordPage]:
    """The hits' records that `viewer` may see now, keyed by id: the index may lag a
    release, a withdrawal or a new restriction, so the policy decides again (the
    records' query, then their restrictions: `visible_among`).

    Read with what the hit (its URL) and the page's cards (`display.search_cards`:
    language, licence, type, institution) need, so the cards need not read them again.
    """
    ids = [int(hit["_id"]) for hit in raw]
    read = RecordPage.objects.filter(pk__in=ids).only(
        "id", "url_path", "path", "depth", "live", *CARD_FIELDS
    )
    return {page.pk: page for page in visible_among(viewer, read)}


def _hits(raw: list[dict], visible: dict[int, RecordPage]) -> list[Hit]:
    hits = []
    share_site_roots(visible.values())
    for raw_hit in raw:
        page = visible.get(int(raw_hit["_id"]))
        if page is None:
            continue
        source, found = raw_hit["_source"], raw_hit.get("highlight", {})
        institution = source.get("institution") or {}
        title = _best(found, "title")
        snippets = _best(found, "abstract") + _best(found, "file_text")
        hits.append(
            Hit(
                id=page.pk,
                title=source["title"],
                url=page.get_url() or "",
                record_type=source.get("record_type", ""),
                year=source.get("year"),
                language=source.get("language") or "",
                institution=institution.get("name_local") or institution.get("name") or "",
                access_level=source.get("access_level", ""),
                title_html=title[0] if title else escape(source["title"]),
                snippets=clean_snippets(snippets) or _abstract_head(source.get("abstract", "")),
            )
        )
    return hits


def _best(highlight: dict, field: str) -> list[str]:
    """The fragments of the first sub-field of `field` that highlighted anything."""
    for name in (field, *(f"{field}.{language}" for language in LANGUAGES), f"{field}.ngram"):
        if highlight.get(name):
            return highlight[name]
    return []


def _abstract_head(abstract: str) -> list[str]:
    return [escape(Truncator(abstract).chars(240))] if abstract else []


def _facets(aggregations: dict, params: SearchParams) -> list[FacetResult]:
    facets = []
    for facet in FACETS:
        buckets = aggregations.get(facet.name, {}).get("values", {}).get("buckets", [])
        counts = {str(b.get("key_as_string", b["key"])): b["doc_count"] for b in buckets}
        selected = params.filters.get(facet.name, ())
        for value in selected:  # a selection outside the top values still shows, with 0
            counts.setdefault(value, 0)
        result = facet_result(facet, counts, selected)
        if result is not None:
            facets.append(result)
    return facets


def _suggestion(suggest: dict, params: SearchParams) -> str:
    """The "did you mean" text, if it finds a record the viewer may see."""
    for entry in suggest.get("did_you_mean", []):
        for option in entry.get("options", []):
            text = option["text"]
            if text.lower() == params.q.lower():
                continue
            try:
                found = _send(**suggestion_check_body(text, params.viewer))
            except _Unavailable:
                return ""
            return text if found["hits"]["total"]["value"] else ""
    return ""
