"""Records as OAI-PMH items: what an anonymous visitor may read, and tombstones.

An item is a record released at least once (`first_published_at`). Those the
access policy shows an anonymous visitor now are answered in full; the others
(unpublished, withdrawn, restricted since) as deleted headers, for ever
(`deletedRecord` persistent). The datestamp is the last release, unpublishing,
withdrawal or change of restriction, from Wagtail's log.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import DateTimeField, F, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from wagtail.models import PageLogEntry

from resource_hub.access.records import visible_pages, visible_records
from resource_hub.access.viewers import viewer_of
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.exports import work_of
from resource_hub.records.models import AchievementPage, RecordPage, TeachingResourcePage
from resource_hub.records.selectors import record_stable_url

ANONYMOUS = viewer_of(None)
#: What changes an item as a harvester sees it.
CHANGES = (
    "wagtail.publish",
    "wagtail.unpublish",
    "records.withdraw",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
)
TYPES = {"teaching_resource": TeachingResourcePage, "achievement": AchievementPage}


@dataclass
class Item:
    record: RecordPage
    datestamp: datetime
    deleted: bool
    sets: list[str] = field(default_factory=list)
    metadata: object = None  # an Element, for ListRecords and GetRecord


def items() -> QuerySet:
    """Every item, annotated with its datestamp."""
    last_change = (
        PageLogEntry.objects.filter(page_id=OuterRef("pk"), action__in=CHANGES)
        .values("page_id")
        .annotate(last=Max("timestamp"))
        .values("last")
    )
    return RecordPage.objects.filter(first_published_at__isnull=False).annotate(
        datestamp=Coalesce(
            Greatest(F("last_published_at"), Subquery(last_change, output_field=DateTimeField())),
            F("last_published_at"),
            F("first_published_at"),
        )
    )


def public_institutions() -> QuerySet:
    return visible_pages(ANONYMOUS, InstitutionPage.objects.all()).select_related("country")


def set_filter(spec: str) -> Q | None:
    """The records of a set, or None when there is no such set."""
    kind, _colon, value = spec.partition(":")
    if kind == "type" and value in TYPES:
        return Q(content_type__in=_content_types(TYPES[value]))
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
        query |= Q(path__startswith=path)
    return query


def _content_types(model):
    return [ContentType.objects.get_for_model(model)]


def sets_of(record, institution) -> list[str]:
    kind = "teaching_resource" if record.specific_class is TeachingResourcePage else "achievement"
    found = [f"type:{kind}"]
    if institution is not None:
        found += [f"institution:{institution.slug}", f"country:{institution.country.code}"]
    return found


def items_of(page: list, *, with_metadata: bool, render=None) -> list[Item]:
    """The page's records as items, in a constant number of queries."""
    ids = [record.pk for record in page]
    visible = set(
        visible_records(ANONYMOUS, RecordPage.objects.filter(pk__in=ids)).values_list(
            "pk", flat=True
        )
    )
    parents = {record.path[: -RecordPage.steplen] for record in page}
    institutions = {
        institution.path: institution
        for institution in InstitutionPage.objects.filter(path__in=parents).select_related(
            "country"
        )
    }
    full = {}
    if with_metadata and visible:
        full = {
            record.pk: record
            for record in RecordPage.objects.filter(pk__in=visible)
            .select_related("language", "resource_type", "licence", "subject")
            .prefetch_related("translations", "creators", "keywords")
        }
    result = []
    for record in page:
        institution = institutions.get(record.path[: -RecordPage.steplen])
        item = Item(
            record=record,
            datestamp=record.datestamp,
            deleted=record.pk not in visible,
            sets=sets_of(record, institution),
        )
        if with_metadata and not item.deleted:
            item.metadata = _metadata(full[record.pk], institution, render)
        result.append(item)
    return result


def _metadata(record, institution, render):
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
    return render(work, record, translations)
