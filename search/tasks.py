"""Background tasks of search: bring records' index documents up to date.

django-tasks 0.12 has no retries of its own. While Elasticsearch does not
answer, `index_records` queues itself again with a `run_after` delay that
doubles from RETRY_FIRST_DELAY up to RETRY_MAX_DELAY; after RETRY_MAX_ATTEMPTS
it gives up and says so. Nothing is lost either way: the database is the
source of truth and `search_index verify --fix` (run nightly) repairs
whatever an update missed.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task
from elasticsearch import ApiError

from . import lifecycle
from .client import get_client
from .errors import IndexMissing, SearchError, SearchUnavailable

logger = logging.getLogger(__name__)

RETRY_FIRST_DELAY = timedelta(seconds=30)
RETRY_MAX_DELAY = timedelta(hours=1)
RETRY_MAX_ATTEMPTS = 40  # 30 s, 1, 2, 4 ... min, then hourly: about a day and a half

#: Answers of a node that is there but busy or restarting: worth another try.
_TRANSIENT_STATUSES = {429, 502, 503, 504}

# Outcomes, returned as the task's result (visible in the task results table).
DONE, OFF, NO_INDEX, RETRYING, GAVE_UP, FAILED = (
    "done",
    "off",
    "no-index",
    "retrying",
    "gave-up",
    "failed",
)


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after failed attempt number `attempt` (1, 2, ...)."""
    return min(RETRY_FIRST_DELAY * 2 ** (attempt - 1), RETRY_MAX_DELAY)


@task()
def index_records(record_ids: list[int], attempt: int = 1) -> str:
    """Upsert the released records among `record_ids`, delete the others from the index.

    Idempotent: it re-reads the records, so a late or repeated run is harmless.
    """
    if get_client() is None:
        return OFF  # no ELASTICSEARCH_URL: the site searches its database
    try:
        result = lifecycle.update(record_ids)
    except SearchUnavailable as error:
        return _retry_or_give_up(record_ids, attempt, error.reason)
    except IndexMissing as error:
        # No index yet: the first `search_index rebuild` loads every released record.
        logger.warning("index_records %s skipped: %s", record_ids, error)
        return NO_INDEX
    except SearchError as error:
        cause = error.__cause__
        if isinstance(cause, ApiError) and cause.status_code in _TRANSIENT_STATUSES:
            return _retry_or_give_up(record_ids, attempt, str(error))
        logger.error("index_records %s failed: %s", record_ids, error)
        return FAILED
    if result.errors:
        logger.error(
            "index_records %s: %d of the documents were refused; first: %s",
            record_ids,
            len(result.errors),
            result.errors[0],
        )
        return FAILED
    logger.info(
        "index_records: %d indexed, %d removed (attempt %d)",
        result.indexed,
        result.deleted,
        attempt,
    )
    return DONE


def _retry_or_give_up(record_ids: list[int], attempt: int, reason: str) -> str:
    if attempt >= RETRY_MAX_ATTEMPTS:
        logger.error(
            "index_records %s: gave up after %d attempts (%s); "
            "`manage.py search_index verify --fix` will repair the index",
            record_ids,
            attempt,
            reason,
        )
        return GAVE_UP
    if not index_records.get_backend().supports_defer:
        # The immediate backend (development, tests) cannot wait: say so and stop.
        logger.warning(
            "index_records %s: Elasticsearch is unreachable (%s) and the task backend cannot "
            "retry later; `manage.py search_index verify --fix` will repair the index",
            record_ids,
            reason,
        )
        return GAVE_UP
    delay = retry_delay(attempt)
    index_records.using(run_after=timezone.now() + delay).enqueue(record_ids, attempt + 1)
    logger.warning(
        "index_records %s: Elasticsearch is unreachable (%s); attempt %d in %d s",
        record_ids,
        reason,
        attempt + 1,
        delay.total_seconds(),
    )
    return RETRYING


@task()
def update_download_counts(record_ids: list[int]) -> str:
    """Copy these records' download counts into the index (after the daily usage aggregation).

    Idempotent (it copies the database's figures). No retries: if Elasticsearch
    does not answer, `search_index downloads` (the README's schedule) copies
    whatever is behind.
    """
    if get_client() is None:
        return OFF
    try:
        updated = lifecycle.update_downloads(record_ids)
    except IndexMissing:
        return NO_INDEX
    except SearchError as error:
        logger.warning(
            "update_download_counts of %d records failed (%s); "
            "`manage.py search_index downloads` will copy them",
            len(record_ids),
            error,
        )
        return FAILED
    logger.info("update_download_counts: %d of %d documents updated", updated, len(record_ids))
    return DONE
