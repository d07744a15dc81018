"""One record as the API shows it: `RecordOut`, and `record_out`, which fills it.

The record page and the API answer from the same rows: the released version
for readers, the latest draft for the people who may change the record (the
access policy's `can_view_drafts`), who alone are told where it stands
(`state`). Labels follow the request's language (`Vocabulary.label`), as on
the page. Both the read endpoints (records.py) and the writes
(record_writes.py) answer with it.
"""

from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from ninja import Field, Schema

from resource_hub.access.documents import can_download
from resource_hub.access.records import can_view_drafts, visible_records
from resource_hub.access.viewers import as_viewer

# One class per schema name (OpenAPI keys them by name): the catalogue's pair.
from resource_hub.api.schemas import CodeLabel
from resource_hub.core.vocabularies import Language
from resource_hub.events.selectors import visible_events
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.exports import FORMATS
from resource_hub.records.models import AchievementPage, CreatorRole, RecordPage
from resource_hub.records.selectors import record_stable_url, record_status
from search.api import FacetOut, QueryEcho

from .cooperation_schemas import (
    CooperationOut,
    InstitutionRefOut,
    institution_ref,
    record_cooperation_out,
)

#: Citation styles of GET /records/{id}/citation (the record page shows both).
CITATION_STYLES = ("apa", "gbt7714")


class LicenceOut(CodeLabel):
    url: str | None = Field(description="The licence's deed or text.")


class CreatorOut(Schema):
    name: str
    orcid: str | None = Field(description="ORCID iD, e.g. 0000-0002-1825-0097.")
    affiliation: str | None
    role: CodeLabel


class TranslationOut(Schema):
    language: CodeLabel
    title: str
    abstract: str


class IdentifierOut(Schema):
    scheme: str = Field(description="doi, isbn or patent_number.")
    value: str
    url: str | None


class SummaryLinks(Schema):
    self: str = Field(description="This record in the API.")
    html: str | None = Field(
        description="The record's lasting page address (/r/<id>); null until it is released."
    )


class RecordSummaryOut(Schema):
    """A record in a list: enough to show a line and follow its links."""

    id: int
    title: str
    record_type: str = Field(description="teaching_resource or achievement.")
    year: int | None
    language: str
    links: SummaryLinks


class RecordItemOut(RecordSummaryOut):
    """A record in GET /records: a search hit, or a record released since `updated_since`."""

    institution: str
    access_level: str
    last_released: datetime | None = Field(None, description="With updated_since.")
    title_html: str | None = Field(None, description="Search: HTML-escaped, matches in <mark>.")
    snippets: list[str] = Field([], description="Search: HTML-escaped, matches in <mark>.")


class RecordsQueryEcho(QueryEcho):
    updated_since: datetime | None = None


class RecordsOut(Schema):
    """The answer of GET /records: the search's own shape, with record items."""

    query: RecordsQueryEcho
    total: int
    pages: int
    degraded: bool
    suggestion: str | None
    next_cursor: str | None
    results: list[RecordItemOut]
    facets: dict[str, FacetOut]


class FileLinks(Schema):
    download: str


class FileOut(Schema):
    id: int = Field(description="The stored document's id.")
    name: str = Field(description="The file's label on the record, else its title.")
    filename: str
    size: int | None = Field(description="Bytes.")
    mime_type: str
    sha256: str
    links: FileLinks


class DatesOut(Schema):
    first_released: datetime | None
    last_released: datetime | None


class StateOut(CodeLabel):
    comment: str = Field(description="The reviewer's comment when changes were requested.")
    note: str = Field(
        "",
        description='What goes with the state: "until <date>" for an embargo, or that '
        "unreleased changes are waiting.",
    )
    unreleased_changes: bool = Field(
        False, description="A released record with a newer draft not released yet."
    )


class RecordOutLinks(SummaryLinks):
    exports: dict[str, str] = Field(description="The record in each export format.")
    citation: dict[str, str] = Field(description="The reference in each citation style.")


class EventRefLinks(Schema):
    self: str = Field(description="The event in the API.")
    html: str | None = Field(description="The event's page.")


class EventRefOut(Schema):
    id: int
    name: str = Field(description="The English name.")
    name_local: str | None
    year: int
    links: EventRefLinks


class RecordOut(Schema):
    """Everything the record page shows."""

    id: int
    record_type: str = Field(description="teaching_resource or achievement.")
    title: str
    abstract: str
    language: CodeLabel
    translations: list[TranslationOut]
    creators: list[CreatorOut]
    identifiers: list[IdentifierOut]
    keywords: list[str]
    year: int
    achievement_date: date | None = Field(
        description="Achievements: publication, grant or award date."
    )
    award: str | None = Field(description="Achievements: the award or competition.")
    resource_type: CodeLabel
    subject: CodeLabel | None = Field(description="ISCED-F 2013 field.")
    levels: list[CodeLabel] = Field(description="Education levels and sectors.")
    licence: LicenceOut
    access_level: CodeLabel = Field(description="public, registered or institution.")
    country: CodeLabel | None = Field(description="The holding institution's country.")
    institution: InstitutionRefOut | None
    contributing_institutions: list[InstitutionRefOut]
    event: EventRefOut | None = Field(
        None, description="The event where the record was released or presented."
    )
    cooperation: CooperationOut | None = Field(
        None, description="Agreements, alliances, centres and training bases; else null."
    )
    files: list[FileOut] = Field(description="Only the files the caller may download.")
    related: list[RecordSummaryOut] = Field(description="Only records the caller may open.")
    dates: DatesOut
    state: StateOut | None = Field(
        None,
        description="Only for the record's author and editors: draft, in_review, "
        "changes_requested, released, embargoed, unpublished or withdrawn.",
    )
    links: RecordOutLinks


def record_type_of(record) -> str:
    """teaching_resource or achievement, for a specific record or a plain RecordPage row."""
    model = ContentType.objects.get_for_id(record.content_type_id).model_class()
    return "achievement" if issubclass(model, AchievementPage) else "teaching_resource"


def _code_label(entry) -> dict | None:
    return None if entry is None else {"code": entry.code, "label": entry.label}


def summary_links(record_id: int, *, live: bool) -> dict:
    return {
        "self": reverse("api:record", args=[record_id]),
        "html": record_stable_url(record_id) if live else None,
    }


def record_summary(record) -> dict:
    """A record (of any class, with `content_type` at hand) as `RecordSummaryOut`."""
    return {
        "id": record.pk,
        "title": record.title,
        "record_type": record_type_of(record),
        "year": record.year,
        "language": record.language_id,
        "links": summary_links(record.pk, live=record.live),
    }


def record_links(record) -> dict:
    citation = reverse("api:record-citation", args=[record.pk])
    return {
        **summary_links(record.pk, live=record.live),
        "exports": {name: reverse("api:record-export", args=[record.pk, name]) for name in FORMATS},
        "citation": {style: f"{citation}?style={style}" for style in CITATION_STYLES},
    }


def _identifiers(record) -> list[dict]:
    found = []
    if getattr(record, "doi", ""):
        found.append({"scheme": "doi", "value": record.doi, "url": f"https://doi.org/{record.doi}"})
    if getattr(record, "isbn", ""):
        found.append({"scheme": "isbn", "value": record.isbn, "url": None})
    if getattr(record, "patent_number", ""):
        found.append({"scheme": "patent_number", "value": record.patent_number, "url": None})
    return found


def _files(viewer, record, shown) -> list[dict]:
    items = []
    for item in shown.files.all().order_by("sort_order", "pk"):
        document = item.document
        if not can_download(viewer, document):
            continue
        download = reverse("files:download", args=[document.pk])
        items.append(
            {
                "id": document.pk,
                "name": item.label or document.title,
                "filename": document.original_filename,
                "size": document.size,
                "mime_type": document.mime_type,
                "sha256": document.sha256,
                "links": {"download": f"{download}?record={record.pk}"},
            }
        )
    return items


def _related(viewer, shown) -> list[dict]:
    order = {}
    for relation in shown.relations.all().order_by("sort_order", "pk"):
        order.setdefault(relation.target_id, len(order))
    if not order:
        return []
    targets = visible_records(viewer, RecordPage.objects.filter(pk__in=order))
    targets = sorted(targets, key=lambda target: order[target.pk])
    return [record_summary(target) for target in targets]


def _event_ref(request, event_id: int | None) -> dict | None:
    """The event a record names, if the caller may open it (a withdrawn event is not shown)."""
    if event_id is None:
        return None
    event = visible_events(request).filter(pk=event_id).first()
    if event is None:
        return None
    return {
        "id": event.pk,
        "name": event.title,
        "name_local": event.name_local or None,
        "year": event.year,
        "links": {"self": reverse("api:event", args=[event.pk]), "html": event.get_url()},
    }


def record_out(request, record) -> dict:
    """`record` as the caller may see it, in the shape of `RecordOut`.

    The caller must be allowed to see the record (`access.records.can_view`);
    its author and editors get the latest draft and its `state`, others the
    released version and no `state`.
    """
    viewer = as_viewer(request)
    record = record.specific
    drafts = can_view_drafts(viewer, record)
    shown = record.get_latest_revision_as_object() if drafts else record
    institution = InstitutionPage.objects.parent_of(record).select_related("country").first()
    partners = InstitutionPage.objects.filter(
        pk__in=[p.pk for p in shown.contributing_institutions.all()]
    ).select_related("country")
    creators = shown.creators.all().order_by("sort_order", "pk")
    translations = list(shown.translations.all().order_by("sort_order", "pk"))
    # One query for their languages, whether the rows come from the database or a revision.
    languages = Language.objects.in_bulk({t.language_id for t in translations})
    data = {
        "id": record.pk,
        "record_type": record_type_of(record),
        "title": shown.title,
        "abstract": shown.abstract,
        "language": _code_label(shown.language),
        "translations": [
            {
                "language": _code_label(languages[t.language_id]),
                "title": t.title,
                "abstract": t.abstract,
            }
            for t in translations
        ],
        "creators": [
            {
                "name": c.name,
                "orcid": c.orcid or None,
                "affiliation": c.affiliation or None,
                "role": {"code": c.role, "label": str(CreatorRole(c.role).label)},
            }
            for c in creators
        ],
        "identifiers": _identifiers(shown),
        "keywords": sorted(tag.name for tag in shown.keywords.all()),
        "year": shown.year,
        "achievement_date": getattr(shown, "achievement_date", None),
        "award": getattr(shown, "award_name", "") or None,
        "resource_type": _code_label(shown.resource_type),
        "subject": _code_label(shown.subject),
        "levels": [_code_label(level) for level in shown.education_levels.all()],
        "licence": {**_code_label(shown.licence), "url": shown.licence.url or None},
        "access_level": {
            "code": shown.access_level,
            "label": str(shown.get_access_level_display()),
        },
        "country": _code_label(institution.country) if institution else None,
        "institution": institution_ref(institution) if institution else None,
        "contributing_institutions": [institution_ref(p) for p in partners],
        "event": _event_ref(request, shown.event_id),
        "cooperation": record_cooperation_out(shown),
        "files": _files(viewer, record, shown),
        "related": _related(viewer, shown),
        "dates": {
            "first_released": record.first_published_at,
            "last_released": record.last_published_at,
        },
        "links": record_links(record),
    }
    if drafts:
        status = record_status(record)
        data["state"] = {
            "code": status.code,
            "label": str(status.label),
            "comment": status.comment,
            "note": str(status.note),
            "unreleased_changes": status.pending_changes,
        }
    return data
