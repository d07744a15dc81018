"""Keeping the index in step with the database: `index_later` after every change.

Every change that can alter what the index should hold (release, unpublish,
a new live revision, move, delete, a file attached or detached, a file's text
arriving, a view restriction) calls `index_later` with the records it touched.
The index task is queued only once the transaction commits, so a worker never
reads a state that is rolled back, and it re-reads the records from the
database, so running it twice, late or out of order leaves the same index.
"""

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.conf import settings
from django.db import transaction

from resource_hub.records.models import RecordFile, RecordPage

from .errors import SearchError

logger = logging.getLogger(__name__)

#: Records per queued task: a move of a whole institution queues several small tasks.
TASK_BATCH = 500

#: The ids collected inside `index_deferred`, instead of queuing a task per change.
_deferred: ContextVar[set[int] | None] = ContextVar("search_index_deferred", default=None)


def index_later(record_ids: Iterable[int]) -> None:
    """Queue `search.tasks.index_records` for these records after the current transaction commits.

    Without ELASTICSEARCH_URL (database search) nothing is queued.
    """
    if not settings.ELASTICSEARCH_URL:
        return
    deferred = _deferred.get()
    if deferred is not None:
        deferred.update(int(pk) for pk in record_ids)
        return
    ids = sorted({int(pk) for pk in record_ids})
    for start in range(0, len(ids), TASK_BATCH):
        # robust: a failure to queue must not undo or break the user's save;
        # it is logged, and `search_index verify --fix` repairs the index.
        transaction.on_commit(partial(_enqueue, ids[start : start + TASK_BATCH]), robust=True)


@contextmanager
def index_deferred() -> Iterator[set[int]]:
    """Collect what `index_later` is given, and queue it once at the end: for bulk loads.

    The demo load releases hundreds of records, several publishes each;
    queued one by one, every change is its own index request (and, before the
    index exists, its own "no index" warning). At the end the records are
    queued in batches, or not at all when there is no index yet:
    `search_index ensure`, which `make run` runs next, builds one holding
    every released record.
    """
    pending: set[int] = set()
    token = _deferred.set(pending)
    try:
        yield pending
    finally:
        _deferred.reset(token)
        # Also after a failure: what was committed before it must reach the index.
        if pending and settings.ELASTICSEARCH_URL and not _index_missing():
            index_later(pending)
        elif pending:
            logger.info("%d records left for `search_index ensure`: no index yet", len(pending))


def _index_missing() -> bool:
    # On first use: lifecycle loads the Elasticsearch library, which most processes never need.
    from . import lifecycle

    try:
        with lifecycle.connected() as client:
            return not lifecycle.aliased_indices(client)
    except SearchError:
        return False  # unreachable: queue anyway; the task retries or gives up, as for any change


def records_under(page) -> list[int]:
    """Ids of the records at or below `page` in the page tree (a record, an institution...)."""
    return list(RecordPage.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


def records_with_document(document_id: int) -> list[int]:
    """Ids of the records whose released (live) file rows use this document."""
    return list(
        RecordFile.objects.filter(document_id=document_id)
        .values_list("record_id", flat=True)
        .distinct()
    )


def downloads_changed(record_ids: Iterable[int]) -> None:
    """Queue `search.tasks.update_download_counts` for these records after the transaction commits.

    Registered with the daily usage aggregation (`stats.aggregation.on_downloads_changed`),
    which calls it with the records whose downloads a counted day changed: their
    documents get the new count by a partial update, not a re-index.
    """
    if not settings.ELASTICSEARCH_URL:
        return
    deferred = _deferred.get()
    if deferred is not None:
        # A bulk load (the demo's year of usage): re-indexed once at the end, with the counts.
        deferred.update(int(pk) for pk in record_ids)
        return
    ids = sorted({int(pk) for pk in record_ids})
    for start in range(0, len(ids), TASK_BATCH):
        transaction.on_commit(
            partial(_enqueue_downloads, ids[start : start + TASK_BATCH]), robust=True
        )


def _enqueue_downloads(record_ids: list[int]) -> None:
    from .tasks import update_download_counts  # on first use, as _enqueue

    update_download_counts.enqueue(record_ids)


def _enqueue(record_ids: list[int]) -> None:
    from .tasks import index_records  # on first use: tasks loads lifecycle and Elasticsearch

    index_records.enqueue(record_ids)
