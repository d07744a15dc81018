"""Reads for the public site's home, browse and institution pages.

They gather institutions and records, so they live here, above both apps,
and the page models of core and institutions reach them from get_context.
Counts are of released records that everyone may open (no view restriction),
so they are the same for every visitor and never reveal members-only or
unreleased work. Each function runs a fixed number of queries, whatever the
number of records or institutions.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch
from django.db.models.functions import Substr
from django.utils.translation import get_language
from wagtail.images import get_image_model

from resource_hub.access.records import visible_pages, visible_records
from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import Country, EducationLevel, SubjectField
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.cooperation_selectors import Cooperation
from resource_hub.records.cooperation_selectors import institution_cooperation as _cooperation
from resource_hub.records.models import CuratedCollectionItem, CuratedCollectionPage, RecordPage
from resource_hub.records.models.collections import CuratedCollectionTranslation
from resource_hub.records.selectors import record_listing


@dataclass
class Tally:
    """A vocabulary entry (or institution) and how many public records it has."""

    item: object
    records: int = 0
    institutions: int = 0
    children: list["Tally"] = field(default_factory=list)


def public_records():
    """Released records without a view restriction: what an anonymous visitor sees."""
    return visible_records(viewer_of(None))


def record_counts_by_institution(*, who=None) -> dict[int, int]:
    """{institution page id: public records directly under it}, in two queries.

    Given `who` (a viewer, request or user), the records that one may open
    instead: what each institution's own page counts for them (the API lists it).
    """
    records = public_records() if who is None else visible_records(who)
    by_path = dict(
        records.annotate(parent_path=Substr("path", 1, (F("depth") - 1) * RecordPage.steplen))
        .values("parent_path")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("parent_path", "n")
    )
    institutions = InstitutionPage.objects.filter(path__in=list(by_path)).values_list("pk", "path")
    return {pk: by_path[path] for pk, path in institutions}


def institutions_with_counts(*, country: str = "") -> list[InstitutionPage]:
    """Live institutions by name, each with `record_count`; one country's if given."""
    institutions = InstitutionPage.objects.live().select_related("country").order_by("title")
    if country:
        institutions = institutions.filter(country_id=country)
    counts = record_counts_by_institution()
    result = list(institutions)
    for institution in result:
        institution.record_count = counts.get(institution.pk, 0)
    return result


def country_tallies() -> list[Tally]:
    """Countries that have a live institution, most public records first."""
    counts = record_counts_by_institution()
    tallies: dict[str, Tally] = {}
    rows = InstitutionPage.objects.live().values_list("pk", "country_id")
    countries = Country.objects.in_bulk({country for _pk, country in rows})
    for pk, country in rows:
        tally = tallies.setdefault(country, Tally(countries[country]))
        tally.institutions += 1
        tally.records += counts.get(pk, 0)
    return sorted(tallies.values(), key=lambda t: (-t.records, t.item.label))


def subject_tallies() -> list[Tally]:
    """Broad ISCED-F fields, each with its narrow fields, with public record counts.

    A record filed under a detailed field counts for its narrow and broad field,
    as search's `subject` filter matches it there too.
    """
    counts: dict[str, int] = {}
    for length in (2, 3):
        rows = (
            public_records()
            .filter(subject__isnull=False)
            .annotate(code=Substr("subject_id", 1, length))
            .values("code")
            .annotate(n=Count("pk"))
            .order_by()
            .values_list("code", "n")
        )
        counts.update(rows)
    fields = SubjectField.objects.filter(level__in=["broad", "narrow"]).order_by("code")
    broad: dict[str, Tally] = {}
    for subject in fields:
        tally = Tally(subject, records=counts.get(subject.code, 0))
        if subject.level == "broad":
            broad[subject.code] = tally
        elif subject.parent_id in broad and tally.records:
            broad[subject.parent_id].children.append(tally)
    return list(broad.values())


def level_tallies() -> dict[str, list[Tally]]:
    """{"level": ISCED 2011 levels, "sector": sectors}, each entry with its public records."""
    through = RecordPage.education_levels.through
    counts = dict(
        through.objects.filter(recordpage__in=public_records().values("pk"))
        .values("educationlevel_id")
        .annotate(n=Count("recordpage_id"))
        .order_by()
        .values_list("educationlevel_id", "n")
    )
    result: dict[str, list[Tally]] = {"level": [], "sector": []}
    for level in EducationLevel.objects.all():
        result.setdefault(level.kind, []).append(Tally(level, records=counts.get(level.code, 0)))
    return result


def latest_releases(who, *, limit: int = 8) -> list[RecordPage]:
    """The newest released records this viewer (a request or a user) may open."""
    return list(record_listing(who)[:limit])


def featured_collections(*, limit: int = 6) -> list[CuratedCollectionPage]:
    """Curated collections open to everyone, most recently published first.

    Each carries `shown`: its title and description in the viewer's language.
    """
    collections = visible_pages(viewer_of(None), CuratedCollectionPage.objects.all())
    result = list(collections.order_by("-last_published_at", "-pk")[:limit])
    translations = _translations_in_viewer_language([page.pk for page in result])
    for page in result:
        page.shown = page.shown_text(translations.get(page.pk, []))
    return result


def institution_records(who, institution: InstitutionPage, *, page=None) -> Page:
    """One page (of 20) of the released records under this institution that the viewer may open.

    Newest first; a missing or wrong page number gives the first or last page.
    """
    records = record_listing(who, RecordPage.objects.child_of(institution))
    return Paginator(records, 20).get_page(page)


def institution_cooperation(who, institution: InstitutionPage) -> list[Cooperation]:
    """The agreements, alliances, centres and bases the institution is party to that the
    viewer may open (records.cooperation_selectors), for the institution's page."""
    return _cooperation(who, institution)


def institution_collections(who, institution: InstitutionPage) -> list[CuratedCollectionPage]:
    """The institution's curated collections the viewer may open, by title."""
    collections = CuratedCollectionPage.objects.child_of(institution)
    return list(visible_pages(who, collections).order_by("title"))


COLLECTIONS_PER_PAGE = 12
#: The cover's rendition on a collection card (16:9), prefetched for a whole page.
COVER_SPEC = "fill-640x360"


@dataclass
class CollectionCard:
    """A curated collection as the collections page lists it, for one viewer."""

    page: CuratedCollectionPage
    title: str
    description: str
    language: str  # of title and description when translated, else ""
    institution: InstitutionPage | None
    institution_name: str  # in the viewer's language (InstitutionPage.name_for)
    items: int  # records in it that this viewer may open


def collection_cards(who, *, page=None) -> Page:
    """One page of the released collections `who` may open, newest first, as cards.

    The access policy chooses the collections (`visible_pages`) and counts each
    one's items (`visible_records`), so a card never counts a record its page
    would hide. A missing or wrong page number gives the first or last page.
    Seven queries, whatever the number of collections or items (measured on the demo).
    """
    collections = (
        visible_pages(who, CuratedCollectionPage.objects.all())
        .prefetch_related(
            Prefetch(
                "cover_image", queryset=get_image_model().objects.prefetch_renditions(COVER_SPEC)
            )
        )
        .order_by("-first_published_at", "-pk")
    )
    listing = Paginator(collections, COLLECTIONS_PER_PAGE).get_page(page)
    rows = list(listing.object_list)
    pks = [row.pk for row in rows]
    counts = dict(
        CuratedCollectionItem.objects.filter(
            collection__in=pks, record__in=visible_records(who).values("pk")
        )
        .values("collection")
        .annotate(n=Count("record", distinct=True))
        .order_by()
        .values_list("collection", "n")
    )
    translations = _translations_in_viewer_language(pks)
    parents = {row.path[: -CuratedCollectionPage.steplen] for row in rows}
    institutions = {
        institution.path: institution
        for institution in InstitutionPage.objects.filter(path__in=parents).select_related(
            "country"
        )
    }
    cards = []
    for row in rows:
        institution = institutions.get(row.path[: -CuratedCollectionPage.steplen])
        cards.append(
            CollectionCard(
                page=row,
                institution=institution,
                institution_name=institution.name_for(get_language()) if institution else "",
                items=counts.get(row.pk, 0),
                **row.shown_text(translations.get(row.pk, [])),
            )
        )
    return Page(cards, listing.number, listing.paginator)


def _translations_in_viewer_language(pks: list[int]) -> dict[int, list]:
    """{collection id: its translations into the active language}, in one query."""
    language = (get_language() or "en").split("-")[0].lower()  # "zh-hans" -> "zh"
    translations: dict[int, list] = {}
    for translation in CuratedCollectionTranslation.objects.filter(
        collection__in=pks, language_id=language
    ):
        translations.setdefault(translation.collection_id, []).append(translation)
    return translations
