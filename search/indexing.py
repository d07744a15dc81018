"""From released records to index documents.

`indexable_records()` is what may be in the index: released (live) records
only. `documents_for()` turns a chunk of them into document dicts in a fixed
number of queries, whatever the chunk's size; `record_document()` is the pure
part, reading only the record's prefetched relations and `DocumentSources`.

Only the live row and its rows are read: a released record's unreleased edits
live in a revision (see `record_update_draft`), so `title` is the released
title and `draft_title` is never indexed.
"""

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Substr

from resource_hub.access.restrictions import clauses_of_pages
from resource_hub.access.search import document_fields as access_fields
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.models import (
    AchievementPage,
    RecordFile,
    RecordKeyword,
    RecordPage,
    RecordParty,
    TeachingResourcePage,
)
from resource_hub.stats.selectors import download_totals

from .pinyin import completion_inputs, pinyin_forms

RECORD_TYPES = {TeachingResourcePage: "teaching_resource", AchievementPage: "achievement"}

#: Fields that change without the record changing: not part of the fingerprint.
VOLATILE_FIELDS = ("download_count", "fingerprint")


def indexable_records() -> QuerySet:
    """Released records of every type, with the relations a document reads prefetched.

    Records that are not public still qualify: each document carries the
    access policy's clauses, and the queries filter by what the viewer may see.
    """
    cap = settings.ELASTICSEARCH_FILE_TEXT_MAX_CHARS
    files = (
        RecordFile.objects.annotate(text_head=Substr("document__text__text", 1, cap))
        .only("id", "record_id", "document_id", "sort_order")
        .order_by("sort_order", "pk")
    )
    return (
        RecordPage.objects.live()
        .select_related("content_type")
        .prefetch_related(
            Prefetch(
                "event", queryset=_event_model().objects.only("id", "title", "name_local", "year")
            ),
            "translations",
            "creators",
            "education_levels",
            Prefetch("files", queryset=files),
            Prefetch("keyword_items", queryset=RecordKeyword.objects.select_related("tag")),
            Prefetch(
                "contributing_institutions",
                queryset=InstitutionPage.objects.only("id", "title", "name_local", "country_id"),
            ),
            Prefetch(
                "parties",
                queryset=RecordParty.objects.select_related("institution"),
            ),
        )
        .order_by("pk")
    )


@dataclass
class DocumentSources:
    """What documents need beyond a record's own relations, fetched once per chunk."""

    institutions: dict[str, InstitutionPage] = field(default_factory=dict)  # by page path
    downloads: dict[int, int] = field(default_factory=dict)  # by record id
    # The access policy's clauses for each record (its own and its ancestors' restrictions)
    clauses: dict[int, list[frozenset[str]]] = field(default_factory=dict)
    file_text_cap: int = 100_000

    @classmethod
    def for_records(cls, records: list) -> "DocumentSources":
        parent_paths = {record.path[: -RecordPage.steplen] for record in records}
        institutions = InstitutionPage.objects.filter(path__in=parent_paths).only(
            "id", "path", "title", "name_local", "country_id"
        )
        return cls(
            institutions={institution.path: institution for institution in institutions},
            # The COUNTER downloads of the daily usage rows (stats), as the record page shows them.
            downloads=download_totals(record_ids=[record.pk for record in records]),
            clauses=clauses_of_pages(records),
            file_text_cap=settings.ELASTICSEARCH_FILE_TEXT_MAX_CHARS,
        )


def record_document(record, sources: DocumentSources) -> dict:
    """The index document of one released record (`_id` is the record's id).

    Pure: reads the record's prefetched relations (see `indexable_records`)
    and `sources`, and makes no query of its own.
    """
    translations = list(record.translations.all())
    files = list(record.files.all())
    institution = sources.institutions.get(record.path[: -RecordPage.steplen])
    subjects = []
    if record.subject_id:
        subjects = [record.subject_id[:n] for n in (2, 3) if n < len(record.subject_id)]
        subjects.append(record.subject_id)
    document = {
        "id": record.pk,
        "record_type": _record_type(record),
        "url_path": record.url_path,
        "version": record.live_revision_id,
        "title": record.title,
        "suggest": suggest_inputs([record.title, *(t.title for t in translations)]),
        "abstract": record.abstract,
        "keywords": [item.tag.name for item in record.keyword_items.all()],
        "translations": [
            {"language": t.language_id, "title": t.title, "abstract": t.abstract}
            for t in translations
        ],
        "creators": [
            {"name": c.name, "orcid": c.orcid, "affiliation": c.affiliation}
            for c in record.creators.all()
        ],
        "institution": _institution(institution),
        "partners": [_institution(partner) for partner in record.contributing_institutions.all()],
        "event": _event(record.event) if record.event_id else None,
        "file_text": file_text(files, cap=sources.file_text_cap),
        "pinyin": _pinyin(record, translations, institution),
        "subjects": subjects,
        "levels": sorted(level.pk for level in record.education_levels.all()),
        "resource_type": record.resource_type_id,
        "language": record.language_id,
        "languages": sorted({record.language_id, *(t.language_id for t in translations)}),
        "country": institution.country_id if institution else None,
        "partner_countries": partner_countries(record),
        "licence": record.licence_id,
        "year": record.year,
        "has_files": bool(files),
        "file_count": len(files),
        **access_fields(sources.clauses.get(record.pk, []), access_level=record.access_level),
        "published_at": _iso(record.last_published_at),
        "first_published_at": _iso(record.first_published_at),
        "download_count": sources.downloads.get(record.pk, 0),
    }
    document["fingerprint"] = fingerprint(document)
    return document


def partner_countries(record) -> list[str]:
    """The countries of the record's cooperation parties and contributing institutions.

    The `partner_country` facet, and in the database `fallback.facet_condition`.
    """
    partners = [page.country_id for page in record.contributing_institutions.all()]
    partners += [party.institution.country_id for party in record.parties.all()]
    return sorted(set(partners))


def suggest_inputs(titles: list[str]) -> list[dict]:
    """Autocomplete inputs: per title, the title and the pinyin of a Chinese one (`search.pinyin`).

    One entry per title, the title first: `service.autocomplete` reads from it
    which title a completion stands for, without romanising anything itself.
    """
    return [{"input": [title, *completion_inputs(title)]} for title in titles if title]


def _pinyin(record, translations: list, institution) -> dict:
    """The pinyin of the record's Chinese titles, creators' and institutions' names."""
    institutions = [institution, *record.contributing_institutions.all()]
    names = [text for page in institutions if page for text in (page.title, page.name_local)]
    return {
        "title": pinyin_forms([record.title, *(t.title for t in translations)]).as_document(),
        "creators": pinyin_forms(c.name for c in record.creators.all()).as_document(),
        "institutions": pinyin_forms(names).as_document(),
    }


def file_text(files: list, *, cap: int) -> str:
    """The files' extracted text in their order, cut at `cap` characters in all."""
    parts, remaining = [], cap
    for item in files:
        text = (getattr(item, "text_head", None) or "").strip()
        if not text or remaining <= 0:
            continue
        parts.append(text[:remaining])
        remaining -= len(parts[-1]) + 2
    return "\n\n".join(parts)[:cap]


def fingerprint(document: dict) -> str:
    """A digest of what the document says, so `verify` can tell a stale copy."""
    stable = {key: value for key, value in document.items() if key not in VOLATILE_FIELDS}
    encoded = json.dumps(stable, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()[:32]


def documents_for(records: Iterable) -> list[dict]:
    """Documents for one chunk of `indexable_records()`, in a fixed number of queries."""
    records = list(records)
    if not records:
        return []
    sources = DocumentSources.for_records(records)
    return [record_document(record, sources) for record in records]


def iter_documents(queryset: QuerySet, *, chunk_size: int = 500) -> Iterator[dict]:
    """Every document of `queryset` (of `indexable_records()`), one chunk at a time."""
    ids = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        yield from documents_for(queryset.filter(pk__in=chunk))


def _record_type(record) -> str:
    model = record.content_type.model_class()
    return RECORD_TYPES.get(model, record.content_type.model)


def _institution(page) -> dict | None:
    if page is None:
        return None
    return {
        "id": str(page.pk),
        "name": page.title,
        "name_local": page.name_local,
        "country": page.country_id,
    }


def _event_model():
    # The model the record's `event` points at: events sit above search (an event
    # page lists its records through search), so it is not imported by name.
    return RecordPage._meta.get_field("event").related_model


def _event(page) -> dict | None:
    if page is None:
        return None
    return {
        "id": str(page.pk),
        "name": page.title,
        "name_local": page.name_local,
        "year": page.year,
    }


def _iso(value) -> str | None:
    return value.isoformat() if value else None
