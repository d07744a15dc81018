"""Related records for a record's page: more like this one, in any language.

Elasticsearch's `more_like_this` takes the record's own document (so every
language of its title, abstract, keywords and translations, and its
subjects) and finds the records sharing most of its telling words. The access
policy's filter keeps out what the viewer may not see, and the records are
read back through `visible_records`, as search results are, so a record
unpublished a moment ago is not listed either.

When Elasticsearch is not configured, unreachable, or knows nothing like the
record, the page gets the viewer's newest records of the same subject, or
nothing: always one database query, never an error.
"""

import logging

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError

from resource_hub.access.records import visible_records
from resource_hub.access.search import query_filter
from resource_hub.access.viewers import Viewer, as_viewer
from resource_hub.records.models import RecordPage

from .client import get_client, mark_node_down, node_seems_down
from .lifecycle import alias_name

logger = logging.getLogger(__name__)

#: A record page must not wait on a slow node: after this, the fallback, and
#: searches and the next pages go straight to the database for a while
#: (`client.mark_node_down`, shared with search.service).
TIMEOUT_SECONDS = 2
#: The fields whose words say what a record is about, in every language; not
#: the file text (long, and costly to draw terms from) nor the n-grams (noise).
#: The field itself holds every script's words (ICU's word breaks); of the
#: language sub-fields only Chinese bigrams and English stems add to it, and
#: more would count each shared word over and over.
_TEXT = ("title", "abstract", "keywords", "translations.title", "translations.abstract")
RELATED_FIELDS = [
    *_TEXT,
    *(f"{name}.{language}" for name in _TEXT for language in ("zh", "en")),
    "subjects",
]


def related_body(record_id: int, viewer: Viewer, *, size: int) -> dict:
    """The more-like-this search for `record_id`, limited to what `viewer` may see."""
    like = {
        "more_like_this": {
            "fields": RELATED_FIELDS,
            "like": [{"_index": alias_name(), "_id": str(record_id)}],
            # The defaults (5 records per term) suit large indexes only: a new
            # repository would show nothing related at all.
            "min_term_freq": 1,
            "min_doc_freq": 1,
            "min_word_length": 2,
            "max_query_terms": 40,
            "minimum_should_match": "10%",
        }
    }
    return {
        "query": {
            "bool": {
                "must": [like],
                "filter": [query_filter(viewer)],
                "must_not": [{"ids": {"values": [str(record_id)]}}],
            }
        },
        "size": size,
        "_source": False,
    }


def related_ids(record_id: int, viewer: Viewer, *, size: int) -> list[int]:
    """Ids of the records most like this one that `viewer` may see ([] when search cannot say)."""
    client = get_client()
    if client is None or node_seems_down():
        return []
    try:
        answer = client.options(max_retries=0, request_timeout=TIMEOUT_SECONDS).search(
            index=alias_name(), **related_body(record_id, viewer, size=size)
        )
    except TransportError as error:
        mark_node_down()
        logger.warning("Related records from the database, search unreachable: %s", error)
        return []
    except ApiError as error:  # 404: no index yet, or the record is not in it
        logger.info("Related records from the database: search answered %s", error)
        return []
    return [int(hit["_id"]) for hit in answer["hits"]["hits"]]


def related_records(record, who, *, exclude=(), size: int | None = None) -> list:
    """Up to `size` records like `record` that `who` (a request, a user) may open, most alike first.

    `size`: SIMILAR_RECORDS_COUNT by default. `exclude`: ids not to list again
    (the record's own chosen relations).
    """
    size = size or settings.SIMILAR_RECORDS_COUNT
    viewer = as_viewer(who)
    shown = {record.pk, *exclude}
    ids = [pk for pk in related_ids(record.pk, viewer, size=size + len(shown)) if pk not in shown]
    rows = RecordPage.objects.select_related("language", "resource_type")
    if ids:
        found = {page.pk: page for page in visible_records(viewer, rows.filter(pk__in=ids))}
        return [found[pk] for pk in ids if pk in found][:size]
    if record.subject_id is None:
        return []
    same_subject = rows.filter(subject_id=record.subject_id).exclude(pk__in=shown)
    return list(visible_records(viewer, same_subject).order_by("-first_published_at")[:size])
