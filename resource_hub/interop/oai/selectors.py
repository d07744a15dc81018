"""Records as OAI-PMH items: what an anonymous visitor may read, and tombstones.

An item is a record released at least once (an `OaiItem` row, kept by
`datestamps`). Those the access policy shows an anonymous visitor now are
answered in full; the others (unpublished, withdrawn, restricted since, on the
record or above it, deleted) as deleted headers, for ever (`deletedRecord`
persistent). The datestamp is stored: paging, `from`/`until` and the earliest
datestamp read one indexed column.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.db.models.functions import Substr
from django.utils.translation import get_language

from resource_hub.access.records import visible_pages, visible_records
from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import SubjectField
from resource_hub.institutions.models import InstitutionPage
from resource_hub.interop.models import OaiItem
from resource_hub.records.exports import work_of
from resource_hub.records.models import AchievementPage, RecordPage, TeachingResourcePage
from resource_hub.records.selectors import record_stable_url

from .formats import Source

ANONYMOUS = viewer_of(None)
OPENAIRE = "openaire"
_BROAD = re.compile(r"[0-9]{2}")
TYPES = {"teaching_resource": TeachingResourcePage, "achievement": AchievementPage}


@dataclass
class Item:
    record_id: int
    datestamp: datetime
    deleted: bool
    record: RecordPage | None = None  # None: deleted outright, only its tombstone is left
    sets: list[str] = field(default_factory=list)
    metadata: object = None  # an Element, for ListRecords and GetRecord


def items() -> QuerySet:
    """Every item (`OaiItem`: record_id and datestamp)."""
    return OaiItem.objects.all()


def public_institutions() -> QuerySet:
    return visible_pages(ANONYMOUS, InstitutionPage.objects.all()).select_related("country")


def subject_sets() -> list[tuple[str, str]]:
    """(code, English name) of the ISCED-F broad fields of records an anonymous visitor sees."""
    broad = (
        visible_records(ANONYMOUS)
        .filter(subject__isnull=False)
        .annotate(broad=Substr("subject_id", 1, 2))
        .values("broad")
    )
    fields = SubjectField.objects.filter(code__in=broad).order_by("code")
    return [(field.code, field.label_for(get_language())) for field in fields]


def set_filter(spec: str) -> Q | None:
    """The items of a set (a filter on `OaiItem`), or None when there is no such set."""
    kind, _colon, value = spec.partition(":")
    if kind == "type" and value in TYPES:
        return Q(record__content_type__in=_content_types(TYPES[value]))
    if spec == OPENAIRE:
        return Q(record__content_type__in=_content_types(AchievementPage))
    if kind == "subject":
        if not (_BROAD.fullmatch(value) and SubjectField.objects.filter(code=value).exists()):
            return None
        return Q(record__subject__code__startswith=value)
    if kind == "institution":
        institutions = public_institutions().filter(slug=value)
    elif kind == "country":
        institutions = public_institutions().filter(country__code=value)
    else:
        return None
    paths = [institution.path for institution in institutions]
    if not paths:
        return None
    query = Q()
    for path in paths:
        query |= Q(record__path__startswith=path)
    return query


def _content_types(model):
    return [ContentType.objects.get_for_model(model)]


def sets_of(record, institution) -> list[str]:
    """The sets a record's header names (a record deleted outright is in none)."""
    if record is None:
        return []
    achievement = record.specific_class is AchievementPage
    found = [f"type:{'achievement' if achievement else 'teaching_resource'}"]
    if institution is not None:
        found += [f"institution:{institution.slug}", f"country:{institution.country.code}"]
    if record.subject_id:
        found.append(f"subject:{record.subject_id[:2]}")
    if achievement:
        found.append(OPENAIRE)
    return found


def items_of(page: list, *, with_metadata: bool, render=None) -> list[Item]:
    """The page's `OaiItem`s as items, in a constant number of queries."""
    ids = [item.record_id for item in page]
    records = {
        record.pk: record
        for record in RecordPage.objects.filter(pk__in=ids).only(
            "path", "content_type_id", "subject_id"
        )
    }
    visible = set(
        visible_records(ANONYMOUS, RecordPage.objects.filter(pk__in=ids)).values_list(
            "pk", flat=True
        )
    )
    parents = {record.path[: -RecordPage.steplen] for record in records.values()}
    institutions = {
        institution.path: institution
        for institution in InstitutionPage.objects.filter(path__in=parents).select_related(
            "country"
        )
    }
    full = _full_records(visible) if with_metadata and visible else {}
    result = []
    for row in page:
        record = records.get(row.record_id)
        institution = record and institutions.get(record.path[: -RecordPage.steplen])
        item = Item(
            record_id=row.record_id,
            datestamp=row.datestamp,
            deleted=row.record_id not in visible,
            record=record,
            sets=sets_of(record, institution),
        )
        if with_metadata and not item.deleted:
            item.metadata = render(_source(full[row.record_id], institution))
        result.append(item)
    return result


#: What the base record lacks of an achievement, read for a whole page in one query.
_ACHIEVEMENT_FIELDS = ("doi", "isbn", "patent_number", "achievement_date", "award_name")


def _full_records(ids: set) -> dict:
    """Visible records with everything the formats read, in a constant number of queries."""
    full = {
        record.pk: record
        for record in RecordPage.objects.filter(pk__in=ids)
        .select_related(
            "language",
            "resource_type",
            "licence",
            "subject__parent__parent",
            "achievementpage",
            "event",
        )
        .prefetch_related("translations", "creators", "keywords", "education_levels", "relations")
    }
    for record in full.values():  # work_of reads an achievement's own fields from the record
        achievement = getattr(record, "achievementpage", None)
        for name in _ACHIEVEMENT_FIELDS if achievement is not None else ():
            setattr(record, name, getattr(achievement, name))
    targets = {
        relation.target_id for record in full.values() for relation in record.relations.all()
    }
    shown = set()
    if targets:  # related records only as an anonymous visitor may open them
        shown = set(
            visible_records(ANONYMOUS, RecordPage.objects.filter(pk__in=targets)).values_list(
                "pk", flat=True
            )
        )
    for record in full.values():
        relations = sorted(record.relations.all(), key=lambda r: (r.sort_order or 0, r.pk))
        record.oai_related = [
            record_stable_url(r.target_id) for r in relations if r.target_id in shown
        ]
    return full


def _source(record, institution) -> Source:
    creators = sorted(record.creators.all(), key=lambda c: (c.sort_order or 0, c.pk))
    translations = sorted(record.translations.all(), key=lambda t: (t.sort_order or 0, t.pk))
    work = work_of(
        record,
        url=record_stable_url(record),
        creators=creators,
        translations=translations,
        keywords=list(record.keywords.all()),
        publisher=institution.title if institution else "",
    )
    return Source(
        work=work,
        record=record,
        translations=translations,
        creators=creators,
        levels=sorted(record.education_levels.all(), key=lambda level: level.code),
        related=record.oai_related,
        institution=institution,
        # Only a released event: a harvester must not learn of one the site does not show.
        event=record.event if record.event_id and record.event.live else None,
    )
