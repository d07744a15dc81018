"""Browse pages: institutions, countries, subjects and levels, with public record counts.

Each entry links to the search page with the matching filter (parameter names
from search/facets.py) or to the institution's own page.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from resource_hub.core.vocabularies import Country

from . import selectors

INSTITUTIONS_PER_PAGE = 50

#: The browse pages, in the order the navigation lists them.
SECTIONS = (
    ("browse_institutions", _("Institutions")),
    ("browse_countries", _("Countries")),
    ("browse_subjects", _("Subjects")),
    ("browse_levels", _("Levels and sectors")),
)


def _render(request, template: str, context: dict):
    return render(request, template, {"sections": SECTIONS, **context})


@require_GET
def institutions(request):
    country_code = request.GET.get("country", "").strip()[:2].upper()
    country = Country.objects.filter(code=country_code).first() if country_code else None
    listing = selectors.institutions_with_counts(country=country.code if country else "")
    page = Paginator(listing, INSTITUTIONS_PER_PAGE).get_page(request.GET.get("page"))
    return _render(
        request,
        "core/browse_institutions.html",
        {"institutions": page, "country": country, "current": "browse_institutions"},
    )


@require_GET
def countries(request):
    return _render(
        request,
        "core/browse_countries.html",
        {"countries": selectors.country_tallies(), "current": "browse_countries"},
    )


@require_GET
def subjects(request):
    return _render(
        request,
        "core/browse_subjects.html",
        {"subjects": selectors.subject_tallies(), "current": "browse_subjects"},
    )


@require_GET
def levels(request):
    tallies = selectors.level_tallies()
    return _render(
        request,
        "core/browse_levels.html",
        {
            "levels": tallies.get("level", []),
            "sectors": tallies.get("sector", []),
            "current": "browse_levels",
        },
    )


urlpatterns = [
    path("institutions/", institutions, name="browse_institutions"),
    path("countries/", countries, name="browse_countries"),
    path("subjects/", subjects, name="browse_subjects"),
    path("levels/", levels, name="browse_levels"),
]
