"""The record index's life: ensure, rebuild, update, verify, download counts, status.

Searches read the alias `<prefix>-records`; it points at one versioned index
`<prefix>-records-<UTC timestamp>`. A rebuild loads a new version while the
old one keeps answering, then moves the alias in one `update_aliases` call
(remove and add together, so no search ever finds the alias missing or on
two indices) and deletes the older versions.
"""

import re
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.helpers import scan, streaming_bulk
from wagtail.models import PageLogEntry

from resource_hub.stats.selectors import download_totals

from .client import get_client, index_name
from .documents import MAPPING_VERSION, cluster_has_icu, index_body
from .errors import IndexMissing, SearchError, SearchUnavailable, safe_url
from .indexing import RECORD_TYPES, indexable_records, iter_documents

CHUNK_SIZE = 500
_VERSION_SUFFIX = re.compile(r"-\d{20}$")  # -YYYYmmddHHMMSSffffff

OnProgress = Callable[[int], None]


def _nothing(amount: int) -> None:
    pass


@contextmanager
def connected():
    """The client, turning "no answer" into a SearchUnavailable that says where and why."""
    client = get_client()
    if client is None:
        raise SearchUnavailable("ELASTICSEARCH_URL is not set")
    try:
        # One request without retries first, so that a node that is down is
        # reported at once rather than after the client's retries and logs.
        client.options(max_retries=0).nodes.info(node_id="_local", filter_path="nodes.*.version")
        yield client
    except TransportError as error:  # refused, timed out, TLS: nothing answered
        raise SearchUnavailable(str(error.message or error)) from error
    except ApiError as error:  # it answered, with an error (401, 403, 400, 5xx)
        raise SearchError(
            f"Elasticsearch at {safe_url()} answered {error.status_code}: {error.message}"
        ) from error


def check_reachable() -> None:
    """Raise SearchUnavailable (where and why) unless the node answers."""
    with connected():
        pass


def alias_name() -> str:
    return index_name("records")


def versioned_indices(client: Elasticsearch) -> list[str]:
    """Every version of the record index that exists, oldest first."""
    found = client.indices.get(index=f"{alias_name()}-*", expand_wildcards="all")
    return sorted(name for name in found if _VERSION_SUFFIX.search(name))


def aliased_indices(client: Elasticsearch) -> list[str]:
    """The indices the alias points at (one, or none before the first rebuild)."""
    try:
        return sorted(client.indices.get_alias(name=alias_name()))
    except NotFoundError:
        return []


def create_index(client: Elasticsearch) -> str:
    """A new, empty version of the record index, set up for bulk loading."""
    name = f"{alias_name()}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
    body = index_body(
        shards=settings.ELASTICSEARCH_SHARDS,
        replicas=settings.ELASTICSEARCH_REPLICAS,
        icu=cluster_has_icu(client),
    )
    body["settings"]["refresh_interval"] = "-1"  # refreshed once, after the load
    client.indices.create(index=name, **body)
    return name


@dataclass
class BulkResult:
    indexed: int = 0
    deleted: int = 0
    errors: list[str] = field(default_factory=list)


def bulk_index(
    client: Elasticsearch,
    index: str,
    documents: Iterable[dict],
    *,
    deletes: Iterable[int] = (),
    on_progress: OnProgress = _nothing,
) -> BulkResult:
    """Send documents (and deletions by id) in bulk requests of CHUNK_SIZE actions."""
    actions = [{"_op_type": "delete", "_index": index, "_id": str(pk)} for pk in deletes]
    result = BulkResult()

    def all_actions():
        yield from actions
        for document in documents:
            yield {"_index": index, "_id": str(document["id"]), "_source": document}

    for ok, item in streaming_bulk(
        client, all_actions(), chunk_size=CHUNK_SIZE, raise_on_error=False, max_retries=3
    ):
        operation, details = next(iter(item.items()))
        if operation == "delete":
            # Deleting what is not there is the wanted end state.
            if ok or details.get("status") == 404:
                result.deleted += 1
            else:
                result.errors.append(f"delete {details.get('_id')}: {details.get('error')}")
            continue
        if ok:
            result.indexed += 1
        else:
            result.errors.append(f"record {details.get('_id')}: {details.get('error')}")
        on_progress(1)
    return result


@dataclass
class RebuildResult:
    index: str
    indexed: int
    removed: list[str]
    errors: list[str]


def rebuild(*, on_progress: OnProgress = _nothing) -> RebuildResult:
    """Load every released record into a new index version and move the alias to it.

    When any document fails, the alias stays where it was and the new index
    is deleted: search keeps answering from the old version.

    Changes made while the new version loads are indexed through the alias,
    into the old version; once the alias has moved, the records Wagtail
    logged a change for since the start (release, unpublish, edit, move,
    delete, privacy) are indexed again, into the new one.
    """
    started = timezone.now()
    with connected() as client:
        _refuse_plain_index(client)
        index = create_index(client)
        try:
            loaded = bulk_index(
                client, index, iter_documents(indexable_records()), on_progress=on_progress
            )
            if loaded.errors:
                raise SearchError(
                    f"{len(loaded.errors)} records could not be indexed; the alias was not "
                    f"moved. First: {loaded.errors[0]}"
                )
            client.indices.put_settings(index=index, settings={"refresh_interval": None})
            client.indices.refresh(index=index)
            previous = aliased_indices(client)
            client.indices.update_aliases(
                actions=[
                    *({"remove": {"index": old, "alias": alias_name()}} for old in previous),
                    {"add": {"index": index, "alias": alias_name(), "is_write_index": True}},
                ]
            )
        except BaseException:
            client.indices.delete(index=index, ignore_unavailable=True)
            raise
        removed = [old for old in versioned_indices(client) if old != index]
        if removed:
            client.indices.delete(index=",".join(removed), ignore_unavailable=True)
    changed = changed_since(started)
    if changed:
        caught_up = update(changed)
        if caught_up.errors:
            raise SearchError(f"Re-indexing records changed during the rebuild failed: "
                              f"{caught_up.errors[0]}")  # fmt: skip
    return RebuildResult(index=index, indexed=loaded.indexed, removed=removed, errors=[])


def changed_since(moment) -> list[int]:
    """Ids of records Wagtail logged an action on since `moment` (deleted ones too).

    Institutions and other pages are left out: they have no document to fix.
    """
    types = ContentType.objects.get_for_models(*RECORD_TYPES).values()
    entries = PageLogEntry.objects.filter(timestamp__gte=moment, content_type__in=types)
    return sorted(set(entries.values_list("page_id", flat=True)))


def update(ids: Iterable[int] | None = None, *, on_progress: OnProgress = _nothing) -> BulkResult:
    """Re-index the given records (every released one when `ids` is None).

    A given id that is no longer released (unpublished, deleted, never
    released) is deleted from the index, so calling this after any change
    leaves the index right.
    """
    with connected() as client:
        _require_alias(client)
        records = indexable_records()
        deletes: list[int] = []
        if ids is not None:
            ids = sorted(set(ids))
            records = records.filter(pk__in=ids)
            deletes = sorted(set(ids) - set(records.values_list("pk", flat=True)))
        result = bulk_index(
            client, alias_name(), iter_documents(records), deletes=deletes, on_progress=on_progress
        )
        client.indices.refresh(index=alias_name())
        return result


@dataclass
class VerifyReport:
    checked: int
    indexed: int
    missing: list[int]  # released, not in the index
    stale: list[int]  # in the index with an older version or other content
    extra: list[int]  # in the index, not released
    repaired: bool = False

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def verify(*, fix: bool = False, on_progress: OnProgress = _nothing) -> VerifyReport:
    """Compare the released records with the index; with `fix`, repair the difference."""
    with connected() as client:
        _require_alias(client)
        expected = {}
        for document in iter_documents(indexable_records()):
            expected[document["id"]] = (document["version"], document["fingerprint"])
            on_progress(1)
        found = {}
        for hit in scan(
            client, index=alias_name(), _source=["version", "fingerprint"], size=CHUNK_SIZE
        ):
            source = hit["_source"]
            found[int(hit["_id"])] = (source.get("version"), source.get("fingerprint"))
        report = VerifyReport(
            checked=len(expected),
            indexed=len(found),
            missing=sorted(set(expected) - set(found)),
            stale=sorted(pk for pk in set(expected) & set(found) if expected[pk] != found[pk]),
            extra=sorted(set(found) - set(expected)),
        )
    if fix and not report.ok:
        repaired = update([*report.missing, *report.stale, *report.extra])
        if repaired.errors:
            raise SearchError(f"Repair failed: {repaired.errors[0]}")
        report.repaired = True
    return report


@dataclass
class DownloadsResult:
    checked: int  # documents in the index
    updated: int  # whose download count changed


def sync_downloads(*, on_progress: OnProgress = _nothing) -> DownloadsResult:
    """Bring every indexed record's download count up to the database's.

    Downloads are the COUNTER figures of the daily usage rows
    (`stats.selectors.download_totals`), never saved on the record, so they do
    not re-index it; "most downloaded" reads the count this copies, with
    partial updates of the changed documents only. The daily aggregation asks
    for the records it changed (`update_downloads`); this is the catch-all
    (`search_index downloads`), and `rebuild` and `update` copy it too.
    """
    totals = download_totals()
    with connected() as client:
        _require_alias(client)
        changed, checked = [], 0
        for hit in scan(client, index=alias_name(), _source=["download_count"], size=CHUNK_SIZE):
            checked += 1
            pk = int(hit["_id"])
            if hit["_source"].get("download_count", 0) != totals.get(pk, 0):
                changed.append((hit["_index"], pk, totals.get(pk, 0)))
            on_progress(1)
        actions = (
            {"_op_type": "update", "_index": index, "_id": str(pk), "doc": {"download_count": n}}
            for index, pk, n in changed
        )
        _bulk_downloads(client, actions)
        if changed:
            client.indices.refresh(index=alias_name())
    return DownloadsResult(checked=checked, updated=len(changed))


def update_downloads(record_ids: Iterable[int]) -> int:
    """Copy these records' download counts into their documents (partial updates). Returns how many.

    What the daily aggregation asks for once it has counted a day: only the
    records whose downloads changed, without reading the index first. A
    record not in the index (unreleased, deleted) is skipped.
    """
    ids = sorted({int(pk) for pk in record_ids})
    if not ids:
        return 0
    totals = download_totals(record_ids=ids)
    with connected() as client:
        _require_alias(client)
        index = alias_name()
        actions = (
            {"_op_type": "update", "_index": index, "_id": str(pk), "doc": {"download_count": n}}
            for pk, n in ((pk, totals.get(pk, 0)) for pk in ids)
        )
        updated = _bulk_downloads(client, actions)
        client.indices.refresh(index=index)
    return updated


def _bulk_downloads(client, actions) -> int:
    updated = 0
    for ok, item in streaming_bulk(client, actions, chunk_size=CHUNK_SIZE, raise_on_error=False):
        if ok:
            updated += 1
        elif item.get("update", {}).get("status") != 404:  # not indexed, or deleted meanwhile
            raise SearchError(f"Updating download counts failed: {item}")
    return updated


@dataclass
class Status:
    alias: str
    indices: list[str]
    documents: int | None
    mapping_version: int | None
    icu: bool | None
    released: int

    @property
    def current(self) -> bool:
        """The index has the mapping this code writes."""
        return self.mapping_version == MAPPING_VERSION


def status() -> Status:
    """Where the alias points, how many documents it holds, and its mapping version."""
    with connected() as client:
        indices = aliased_indices(client)
        documents = mapping_version = icu = None
        if indices:
            documents = client.count(index=alias_name())["count"]
            meta = client.indices.get_mapping(index=indices[0])[indices[0]]["mappings"]
            mapping_version = meta.get("_meta", {}).get("mapping_version")
            icu = meta.get("_meta", {}).get("icu")
        return Status(
            alias=alias_name(),
            indices=indices,
            documents=documents,
            mapping_version=mapping_version,
            icu=icu,
            released=indexable_records().count(),
        )


def index_problem(client: Elasticsearch) -> str:
    """Why searches cannot answer from the index as it is, or "" when they can.

    No index behind the alias, one of an older mapping version, or an empty
    one while records are released. Short and free of host names: `/healthz`
    shows it to anyone.
    """
    indices = aliased_indices(client)
    if not indices:
        return "the search index has not been built, so searches use the database"
    meta = client.indices.get_mapping(index=indices[0])[indices[0]]["mappings"].get("_meta", {})
    if meta.get("mapping_version") != MAPPING_VERSION:
        return (
            f"the search index has mapping version {meta.get('mapping_version')}; "
            f"this code needs {MAPPING_VERSION}"
        )
    if client.count(index=alias_name())["count"] == 0 and indexable_records().exists():
        return "the search index is empty while records are released, so searches find nothing"
    return ""


@dataclass
class EnsureResult:
    reason: str  # why it was (re)built; "" when the index was fine
    rebuilt: RebuildResult | None = None


def ensure(*, on_progress: OnProgress = _nothing) -> EnsureResult:
    """Build the index when searches cannot use it (see `index_problem`); else do nothing.

    Cheap when the index is right, so `make run` and deployments run it every
    time: a fresh cluster, a new mapping version or a lost index get a full
    `rebuild` from the database, an index that only lags is left to `update`
    and `verify --fix`.
    """
    with connected() as client:
        reason = index_problem(client)
    if not reason:
        return EnsureResult(reason="")
    return EnsureResult(reason=reason, rebuilt=rebuild(on_progress=on_progress))


def _require_alias(client: Elasticsearch) -> None:
    if not aliased_indices(client):
        raise IndexMissing(f"There is no index behind {alias_name()}: run `search_index rebuild`.")


def _refuse_plain_index(client: Elasticsearch) -> None:
    """An index (not an alias) named like the alias would block the swap: say so first."""
    try:
        found = client.indices.get(index=alias_name())
    except NotFoundError:
        return
    if alias_name() in found:
        raise SearchError(
            f"{alias_name()} is an index, not an alias. Delete it (it is rebuilt from the "
            "database) and run `search_index rebuild` again."
        )
