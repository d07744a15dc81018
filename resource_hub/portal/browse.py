"""Browse pages: institutions, countries, subjects and levels, with public record counts,
and the curated collections the viewer may open.

Each entry links to the search page with the matching filter (parameter names
from search/facets.py) or to the institution's own page.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from resource_hub.core.params import (
    COUNTRY_CODE,
    clean_code,
    clean_integer,
    refuse_invalid_parameters,
)
from resource_hub.core.vocabularies import Country

from . import selectors

INSTITUTIONS_PER_PAGE = 50
MAX_PAGE = 10_000

#: The browse pages, in the order the navigation lists them.
SECTIONS = (
    ("browse_institutions", _("Institutions")),
    ("browse_countries", _("Countries")),
    ("browse_subjects", _("Subjects")),
    ("browse_levels", _("Levels and sectors")),
    ("browse_collections", _("Collections")),
    ("network", _("Cross-border network")),  # resource_hub/network
)


def _render(request, template: str, context: dict):
    return render(request, template, {"sections": SECTIONS, **context})


@require_GET
@refuse_invalid_parameters
def institutions(request):
    country_code = request.GET.get("country", "").strip().upper()
    if country_code:
        clean_code("country", country_code, pattern=COUNTRY_CODE, example="VN")
    country = Country.objects.filter(code=country_code).first() if country_code else None
    listing = selectors.institutions_with_counts(country=country.code if country else "")
    number = request.GET.get("page", "").strip()
    number = clean_integer("page", number, low=1, high=MAX_PAGE) if number else 1
    # get_page: past the last page shows the last one.
    page = Paginator(listing, INSTITUTIONS_PER_PAGE).get_page(number)
    return _render(
        request,
        "portal/browse_institutions.html",
        {"institutions": page, "country": country, "current": "browse_institutions"},
    )


@require_GET
def countries(request):
    return _render(
        request,
        "portal/browse_countries.html",
        {"countries": selectors.country_tallies(), "current": "browse_countries"},
    )


@require_GET
def subjects(request):
    return _render(
        request,
        "portal/browse_subjects.html",
        {"subjects": selectors.subject_tallies(), "current": "browse_subjects"},
    )


@require_GET
def levels(request):
    tallies = selectors.level_tallies()
    return _render(
        request,
        "portal/browse_levels.html",
        {
            "levels": tallies.get("level", []),
            "sectors": tallies.get("sector", []),
            "current": "browse_levels",
        },
    )


@require_GET
@refuse_invalid_parameters
def collections(request):
    """Every institution's released collections this viewer may open (the access policy's)."""
    number = request.GET.get("page", "").strip()
    number = clean_integer("page", number, low=1, high=MAX_PAGE) if number else 1
    return _render(
        request,
        "portal/browse_collections.html",
        {
            "collections": selectors.collection_cards(request, page=number),
            "current": "browse_collections",
        },
    )


urlpatterns = [
    path("institutions/", institutions, name="browse_institutions"),
    path("countries/", countries, name="browse_countries"),
    path("subjects/", subjects, name="browse_subjects"),
    path("levels/", levels, name="browse_levels"),
    path("collections/", collections, name="browse_collections"),
]
