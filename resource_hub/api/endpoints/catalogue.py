"""Institutions, curated collections and vocabularies (docs/api/catalogue.md; issue 12).

What a caller may see is the access policy's answer (`visible_pages`,
`visible_records` through the portal's and records' selectors), never a rule
of this module: a hidden institution or collection is a 404, like its page.
Record counts are the ones the institution's own page shows the same person.
Vocabularies are the same for everyone, so they alone may be kept by shared
caches (ETag, `Cache-Control: public`).
"""

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status
from wagtail.images import get_image_model

from resource_hub.access.records import visible_pages
from resource_hub.access.viewers import as_viewer
from resource_hub.api.auth import PUBLIC
from resource_hub.api.caching import etag_of, not_modified
from resource_hub.api.errors import not_found
from resource_hub.api.schemas import errors
from resource_hub.core import vocabularies as vocab
from resource_hub.core.params import (
    COUNTRY_CODE,
    MAX_ID,
    InvalidParameter,
    clean_code,
    clean_integer,
)
from resource_hub.institutions.models import InstitutionPage
from resource_hub.portal import selectors as portal
from resource_hub.records.models import CuratedCollectionPage, RecordPage
from resource_hub.records.selectors import record_listing

from .catalogue_schemas import (
    CollectionOut,
    CollectionsOut,
    InstitutionOut,
    InstitutionQuery,
    InstitutionsOut,
    PageQuery,
    VocabulariesOut,
    VocabularyOut,
)

router = Router(tags=["catalogue"], auth=PUBLIC)

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000
LOGO = "max-160x80"  # the institution page's rendition
COVER = "width-800"  # the collection page's rendition
VOCABULARY_CACHE = "public, max-age=3600"


# --- helpers ---------------------------------------------------------------


def _record_summary(record: RecordPage, note: str = "") -> dict:
    return {
        "id": record.pk,
        "title": record.title,
        "url": record.get_url(),
        "note": note,
        "links": {"self": reverse("api:record", args=[record.pk])},
    }


def _paging(request, name: str, total: int) -> tuple[int, int, dict]:
    """(offset, limit, the paging members of the answer) for page and page_size."""
    page = request.GET.get("page", "").strip()
    page = clean_integer("page", page, low=1, high=MAX_PAGE) if page else 1
    size = request.GET.get("page_size", "").strip()
    size = clean_integer("page_size", size, low=1, high=MAX_PAGE_SIZE) if size else None
    limit = size or DEFAULT_PAGE_SIZE
    pages = -(-total // limit)

    def link(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return f"{reverse(name)}?{query.urlencode()}"

    paging = {
        "total": total,
        "page": page,
        "page_size": limit,
        "pages": pages,
        "next": link(page + 1) if page < pages else None,
        "previous": link(min(page - 1, pages)) if page > 1 and pages else None,
    }
    return (page - 1) * limit, limit, paging


def _rendition_url(image, spec: str) -> str | None:
    return image.get_rendition(spec).url if image is not None else None


# --- institutions ----------------------------------------------------------


def _institutions(request):
    images = get_image_model().objects.prefetch_renditions(LOGO)
    return (
        visible_pages(request, InstitutionPage.objects.all())
        .select_related("country")
        .prefetch_related(Prefetch("logo", queryset=images))
    )


def _institution_json(institution: InstitutionPage, record_count: int) -> dict:
    return {
        "id": institution.pk,
        "name": institution.title,
        "name_local": institution.name_local or None,
        "country": {"code": institution.country_id, "label": institution.country.label},
        "type": {
            "code": institution.institution_type,
            "label": str(institution.get_institution_type_display()),
        },
        "website": institution.website or None,
        "logo_url": _rendition_url(institution.logo, LOGO),
        "record_count": record_count,
        "links": {
            "self": reverse("api:institution", args=[institution.pk]),
            "html": institution.get_url(),
            "records": f"{reverse('api:records')}?institution={institution.pk}",
        },
    }


@router.get(
    "/institutions",
    response={200: InstitutionsOut, **errors(400, 401, 429)},
    url_name="institutions",
)
def institution_list(request, query: Query[InstitutionQuery]):
    """Live institutions the caller may see, by English name; one country's if given."""
    institutions = _institutions(request).order_by("title", "pk")
    country = request.GET.get("country", "").strip().upper()
    if country:
        clean_code("country", country, pattern=COUNTRY_CODE, example="VN")
        if not vocab.Country.objects.filter(code=country).exists():
            message = _(
                "country: there is no country %(code)s; see /api/v1/vocabularies/countries."
            )
            raise InvalidParameter("country", message % {"code": country})
        institutions = institutions.filter(country_id=country)
    offset, limit, paging = _paging(request, "api:institutions", institutions.count())
    shown = list(institutions[offset : offset + limit])
    counts = portal.record_counts_by_institution(who=as_viewer(request))
    results = [_institution_json(i, counts.get(i.pk, 0)) for i in shown]
    return {**paging, "results": results}


@router.get(
    "/institutions/{id}",
    response={200: InstitutionOut, **errors(400, 401, 404, 429)},
    url_name="institution",
)
def institution_detail(request, id: int = Path(..., ge=1, le=MAX_ID)):  # noqa: A002
    """One institution, if its page is live and the caller may open it."""
    institution = _institutions(request).filter(pk=id).first()
    if institution is None:
        raise not_found(_("There is no such institution, or you may not see it."))
    # The count its page shows this caller (the same selector, the same query).
    count = portal.institution_records(request, institution).paginator.count
    return _institution_json(institution, count)


# --- curated collections ---------------------------------------------------


def _collections(request):
    images = get_image_model().objects.prefetch_renditions(COVER)
    return visible_pages(request, CuratedCollectionPage.objects.all()).prefetch_related(
        "items", Prefetch("cover_image", queryset=images)
    )


def _collections_json(request, collections: list[CuratedCollectionPage]) -> list[dict]:
    """The collections with their items that the caller may open, in one query for all items."""
    ids = {item.record_id for c in collections for item in c.items.all()}
    records = {r.pk: r for r in record_listing(request, RecordPage.objects.filter(pk__in=ids))}
    # A collection lives under its institution: its parent's path, one query for all.
    steplen = CuratedCollectionPage.steplen
    by_path = InstitutionPage.objects.filter(path__in=[c.path[:-steplen] for c in collections])
    by_path = {i.path: i for i in by_path.only("pk", "title", "path")}
    parents = {c.pk: by_path[c.path[:-steplen]] for c in collections}
    return [
        {
            "id": c.pk,
            "title": c.title,
            "description": c.description,
            "cover_url": _rendition_url(c.cover_image, COVER),
            "institution": {"id": parents[c.pk].pk, "name": parents[c.pk].title},
            "items": [
                _record_summary(records[item.record_id], item.note)
                for item in c.items.all()
                if item.record_id in records
            ],
            "links": {
                "self": reverse("api:curated-collection", args=[c.pk]),
                "html": c.get_url(),
            },
        }
        for c in collections
    ]


@router.get(
    "/collections",
    response={200: CollectionsOut, **errors(400, 401, 429)},
    url_name="curated-collections",
)
def collection_list(request, query: Query[PageQuery]):
    """Curated collections the caller may see, most recently published first."""
    collections = _collections(request).order_by("-last_published_at", "-pk")
    offset, limit, paging = _paging(request, "api:curated-collections", collections.count())
    shown = list(collections[offset : offset + limit])
    return {**paging, "results": _collections_json(request, shown)}


@router.get(
    "/collections/{id}",
    response={200: CollectionOut, **errors(400, 401, 404, 429)},
    url_name="curated-collection",
)
def collection_detail(request, id: int = Path(..., ge=1, le=MAX_ID)):  # noqa: A002
    """One curated collection, if the caller may open it, with the items they may open."""
    collection = _collections(request).filter(pk=id).first()
    if collection is None:
        raise not_found(_("There is no such collection, or you may not see it."))
    return _collections_json(request, [collection])[0]


# --- vocabularies ----------------------------------------------------------


def _subject(entry) -> dict:
    return {"level": entry.level, "parent": entry.parent_id, "broad": entry.code[:2]}


def _resource_type(entry) -> dict:
    return {"applies_to": entry.applies_to, **({"uri": entry.uri} if entry.uri else {})}


#: name → (model, the standard it follows, its members besides code, labels and active)
VOCABULARIES = {
    "subjects": (vocab.SubjectField, "ISCED-F 2013", _subject),
    "levels": (vocab.EducationLevel, "ISCED 2011", lambda e: {"kind": e.kind}),
    "resource-types": (vocab.ResourceType, "LRMI", _resource_type),
    "languages": (
        vocab.Language,
        "ISO 639",
        lambda e: {"name_native": e.name_native, "script": e.script},
    ),
    "countries": (
        vocab.Country,
        "ISO 3166-1 alpha-2",
        lambda e: {"name_local": e.name_local, "asean_member": e.is_asean_member},
    ),
    "licences": (vocab.Licence, "SPDX", lambda e: {"url": e.url} if e.url else {}),
}


def _vocabulary_ref(name: str) -> dict:
    return {
        "name": name,
        "standard": VOCABULARIES[name][1],
        "links": {"self": reverse("api:vocabulary", args=[name])},
    }


def _entries(name: str) -> list[dict]:
    """Every entry, retired ones too (records keep them), labelled in every site language."""
    model, _standard, members = VOCABULARIES[name]
    entries = list(model.objects.all())
    labels: dict[str, dict[str, str]] = {entry.pk: {} for entry in entries}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for entry in entries:
                labels[entry.pk][language] = entry.label
    return [
        {"code": e.pk, "labels": labels[e.pk], "active": e.is_active, **members(e)} for e in entries
    ]


def _cacheable(request, response: HttpResponse, data):
    """`data`, or 304 when the caller's If-None-Match already holds it; public for an hour."""
    etag = etag_of(data, per_language=False)  # every language's labels are in it
    response["ETag"] = etag
    response["Cache-Control"] = VOCABULARY_CACHE
    if not_modified(request, etag):
        return Status(304, None)
    return data


@router.get(
    "/vocabularies",
    response={200: VocabulariesOut, 304: None, **errors(401, 429)},
    url_name="vocabularies",
)
def vocabulary_list(request, response: HttpResponse):
    """The controlled vocabularies records are described with."""
    return _cacheable(
        request, response, {"vocabularies": [_vocabulary_ref(n) for n in VOCABULARIES]}
    )


@router.get(
    "/vocabularies/{name}",
    response={200: VocabularyOut, 304: None, **errors(401, 404, 429)},
    url_name="vocabulary",
    exclude_unset=True,
)
def vocabulary_detail(request, response: HttpResponse, name: str):
    """Every entry of one vocabulary: its code, its labels in every site language, and more."""
    if name not in VOCABULARIES:
        message = _("There is no vocabulary %(name)s; there are: %(names)s.")
        raise not_found(message % {"name": name, "names": ", ".join(VOCABULARIES)})
    return _cacheable(request, response, {**_vocabulary_ref(name), "entries": _entries(name)})
