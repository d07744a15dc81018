"""Reading records: GET /records, /records/{id}, its exports and citations (docs/api/records.md).

Who may see what is the access policy's alone (`access.records.can_view`,
`visible_records`): a record the caller may not see is answered exactly as
one that does not exist. A record's answer carries an ETag, so a client
revalidates with If-None-Match and gets 304 when nothing it may see changed.
The writes on the same paths (POST /records, PATCH /records/{id}, …) are in record_writes.py.
"""

import base64
import binascii
import json
from datetime import UTC, datetime

from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from resource_hub.access.records import can_view, can_view_drafts, visible_records
from resource_hub.api.auth import PUBLIC
from resource_hub.api.caching import etag_of, not_modified
from resource_hub.api.errors import not_found
from resource_hub.api.schemas import errors
from resource_hub.core.params import MAX_ID, InvalidParameter, clean_integer, clean_text
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.citation import apa, gbt7714
from resource_hub.records.exports import FORMATS, cite_key, work_of
from resource_hub.records.models import RecordPage
from resource_hub.records.selectors import record_stable_url
from resource_hub.stats.models import Metric
from resource_hub.stats.recording import record_event
from search.api import SearchQuery, run_search
from search.params import MAX_PAGE_SIZE

from .record_schemas import (
    CITATION_STYLES,
    RecordOut,
    RecordsOut,
    record_out,
    record_summary,
    summary_links,
)

router = Router(tags=["records"], auth=PUBLIC)

#: Reads that a client may keep and revalidate (ETag), never a shared cache.
REVALIDATE = "private, no-cache"


class RecordsQuery(SearchQuery):
    """The search parameters, or `updated_since` for incremental harvesting."""

    updated_since: str | None = Field(
        None,
        description="ISO 8601 date or date and time (UTC if no offset): records released "
        "at or after it, oldest release first. Takes only page_size and cursor besides.",
    )


class CitationQuery(Schema):
    style: str | None = Field(None, description="apa (default) or gbt7714.")


class CitationOut(Schema):
    style: str
    text: str


def _visible_record(request, record_id: int):
    """The record, if the caller may see it; else 404, the same as for no record at all."""
    record = None
    if 1 <= record_id <= MAX_ID:
        record = (
            RecordPage.objects.filter(pk=record_id)
            .select_related("language", "resource_type", "licence", "subject")
            .first()
        )
    if record is None or not can_view(request, record):
        raise not_found(_("There is no such record, or you may not see it."))
    return record.specific


def _shown(request, record):
    """The version the caller reads: the latest draft for its author and editors."""
    if can_view_drafts(request, record):
        return record.get_latest_revision_as_object()
    return record


def _count_investigation(request, record) -> None:
    """COUNTER: reading a released record through the API is an investigation of it
    (one INSERT; robots and machines, which many API clients are, are not counted)."""
    if record.live:
        record_event(request, metric=Metric.INVESTIGATION, record_id=record.pk)


#: What an `updated_since` listing reads besides it: the rest needs the search engine.
_UPDATED_SINCE_TAKES = frozenset({"updated_since", "page_size", "cursor"})
MAX_CURSOR_LENGTH = 200


def _moment(value: str) -> datetime:
    """An ISO 8601 date or date and time; without an offset, UTC."""
    value = clean_text("updated_since", value.strip(), max_length=40)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidParameter(
            "updated_since",
            _(
                "updated_since must be an ISO 8601 date or date and time, e.g. 2025-03-01 "
                "or 2025-03-01T08:00:00Z."
            ),
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _encode_cursor(record) -> str:
    raw = json.dumps([record.last_published_at.isoformat(), record.pk])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[datetime, int]:
    """The (release moment, id) of the previous page's last record, or InvalidParameter."""
    try:
        if len(cursor) > MAX_CURSOR_LENGTH:
            raise ValueError
        moment, record_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not (isinstance(record_id, int) and 1 <= record_id <= MAX_ID):
            raise ValueError
        moment = datetime.fromisoformat(moment)
        if moment.tzinfo is None:
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise InvalidParameter(
            "cursor", _("This cursor is not one we gave; start again without it.")
        ) from None
    return moment, record_id


def _updated_records(request) -> dict:
    """Records released at or after `updated_since`, oldest release first, from the database.

    The search index cannot filter on release dates, so this listing reads
    the database through the access policy (`visible_records`), as the
    pages do; it pages with an opaque cursor of (release moment, id).
    """
    for name in request.GET:
        if name not in _UPDATED_SINCE_TAKES:
            raise InvalidParameter(
                name,
                _("updated_since takes only page_size and cursor besides; leave %(name)s out.")
                % {"name": name},
            )
    since = _moment(request.GET["updated_since"])
    page_size = clean_integer(
        "page_size", request.GET.get("page_size", "20"), low=1, high=MAX_PAGE_SIZE
    )
    released = visible_records(request).filter(last_published_at__gte=since)
    total = released.count()
    if request.GET.get("cursor"):
        moment, after = _decode_cursor(request.GET["cursor"])
        released = released.filter(
            Q(last_published_at__gt=moment) | Q(last_published_at=moment, pk__gt=after)
        )
    rows = list(released.order_by("last_published_at", "pk")[: page_size + 1])
    more, rows = len(rows) > page_size, rows[:page_size]
    parents = InstitutionPage.objects.filter(
        path__in={row.path[: -InstitutionPage.steplen] for row in rows}
    )
    names = {parent.path: parent.title for parent in parents}
    return {
        "query": {
            "q": "",
            "filters": {},
            "sort": "updated",
            "page": 1,
            "page_size": page_size,
            "updated_since": since,
        },
        "total": total,
        "pages": max(1, -(-total // page_size)),
        "degraded": False,
        "suggestion": None,
        "next_cursor": _encode_cursor(rows[-1]) if more else None,
        "results": [
            {
                **record_summary(row),
                "institution": names.get(row.path[: -InstitutionPage.steplen], ""),
                "access_level": row.access_level,
                "last_released": row.last_published_at,
            }
            for row in rows
        ],
        "facets": {},
    }


@router.get(
    "/records",
    response={200: RecordsOut, **errors(400, 401, 429, 503)},
    url_name="records",
)
def record_list(request, query: Query[RecordsQuery]):
    """Records the caller may see: a search (as /search), or those released since updated_since."""
    if "updated_since" in request.GET:
        return _updated_records(request)
    answer = run_search(request).as_json()
    for hit in answer["results"]:
        hit["links"] = summary_links(hit["id"], live=True)
    return answer


def _last_modified(record, *, drafts: bool):
    moments = [record.last_published_at]
    if drafts:
        moments.append(record.latest_revision_created_at)
    moments = [moment for moment in moments if moment is not None]
    return max(moments) if moments else None


@router.get(
    "/records/{int:record_id}",
    response={200: RecordOut, 304: None, **errors(401, 404, 429)},
    url_name="record",
    exclude_unset=True,
)
def record_detail(request, record_id: int, response: HttpResponse):
    """One record, as its page shows it; its author and editors read the latest draft."""
    record = _visible_record(request, record_id)
    data = record_out(request, record)
    etag = etag_of(data)
    headers = {"ETag": etag, "Cache-Control": REVALIDATE}
    modified = _last_modified(record, drafts="state" in data)
    if modified is not None:
        headers["Last-Modified"] = http_date(modified.timestamp())
    if not_modified(request, etag):
        response = HttpResponse(status=304)
        for name, value in headers.items():
            response[name] = value
        return response
    for name, value in headers.items():
        response[name] = value
    _count_investigation(request, record)
    return data


_EXPORT_RESPONSES = {
    200: {
        "description": "The record in that format.",
        "content": {fmt.content_type: {"schema": {"type": "string"}} for fmt in FORMATS.values()},
    }
}


@router.get(
    "/records/{int:record_id}/export/{export_format}",
    response={200: None, **errors(401, 404, 429)},
    url_name="record-export",
    openapi_extra={"responses": _EXPORT_RESPONSES},
)
def record_export(request, record_id: int, export_format: str):
    """The record as a file for reference managers: bibtex, ris, csl-json or dc-xml."""
    fmt = FORMATS.get(export_format)
    if fmt is None:
        raise not_found(
            _("There is no such export format; use one of: %(formats)s.")
            % {"formats": ", ".join(FORMATS)}
        )
    record = _visible_record(request, record_id)
    work = work_of(_shown(request, record), url=record_stable_url(record))
    body = fmt.render(work, record.pk, timezone.localdate())
    response = HttpResponse(body, content_type=f"{fmt.content_type}; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{cite_key(work, record.pk)}.{fmt.extension}"'
    )
    response["Cache-Control"] = REVALIDATE
    _count_investigation(request, record)
    return response


@router.get(
    "/records/{int:record_id}/citation",
    response={200: CitationOut, **errors(400, 401, 404, 429)},
    url_name="record-citation",
)
def record_citation(request, record_id: int, query: Query[CitationQuery]):
    """The reference to the record in APA 7 or GB/T 7714-2015, as plain text."""
    style = clean_text("style", request.GET.get("style", "apa").strip(), max_length=20)
    if style not in CITATION_STYLES:
        raise InvalidParameter(
            "style",
            _("Unknown citation style; use one of: %(styles)s.")
            % {"styles": ", ".join(CITATION_STYLES)},
        )
    record = _visible_record(request, record_id)
    work = work_of(_shown(request, record), url=record_stable_url(record))
    text = apa(work) if style == "apa" else gbt7714(work, accessed=timezone.localdate())
    _count_investigation(request, record)
    return {"style": style, "text": text}
