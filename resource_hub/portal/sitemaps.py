"""sitemap.xml: the pages search engines should know, in every language.

Released records that everyone may open (the access policy asked for an
anonymous viewer: the same rule as the public listings) and institution
pages, each under every language prefix with `hreflang` alternates and
`lastmod` (django.contrib.sitemaps, i18n). `/sitemap.xml` lists them all
while they fit in one file (`PageSitemap.limit` URLs, sitemaps.org's 50,000)
and otherwise becomes an index of `/sitemap-<section>.xml?p=<n>` files.
Addresses start with SITE_BASE_URL whatever host the request came in on, as
the pages' own links do.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Max, QuerySet
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from resource_hub.access.records import visible_pages, visible_records
from resource_hub.access.viewers import viewer_of
from resource_hub.core.site_address import absolute_url
from resource_hub.institutions.models import InstitutionPage

#: Crawlers may keep a sitemap this long (seconds); it names only public pages.
MAX_AGE = 3600


class _InEveryLanguage:
    """The (page, language) pairs of a queryset, read from the database a slice at a time.

    Django's i18n sitemaps build the list of every pair before paginating;
    this sequence gives the paginator its length and reads only the pages of
    the slice it asks for.
    """

    def __init__(self, queryset: QuerySet, languages: list[str]):
        self.queryset, self.languages = queryset, languages

    def count(self) -> int:
        return self.queryset.count() * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[tuple]:
        width = len(self.languages)
        first, last = index.start // width, -(-index.stop // width)
        pairs = [(page, code) for page in self.queryset[first:last] for code in self.languages]
        skip = index.start - first * width
        return pairs[skip : skip + index.stop - index.start]


class PageSitemap(Sitemap):
    """Wagtail pages under every language prefix, each with its alternates."""

    i18n = True
    alternates = True
    #: URLs a file (each page counts once per language); past it, an index.
    limit = 50_000

    def __init__(self, request=None):
        self.request = request  # Wagtail reads the site's root paths once a request

    def pages(self) -> QuerySet:
        raise NotImplementedError

    def items(self) -> QuerySet:
        return self.pages().order_by("pk").only("pk", "path", "url_path", "last_published_at")

    @property
    def paginator(self) -> Paginator:
        return Paginator(_InEveryLanguage(self.items(), self._languages()), self.limit)

    def location(self, page) -> str:
        # The path under the site's root, reversed in the language Django activated.
        return page.get_url_parts(self.request)[2]

    def lastmod(self, page) -> datetime.datetime | None:
        return page.last_published_at

    def get_latest_lastmod(self) -> datetime.datetime | None:
        return self.pages().aggregate(latest=Max("last_published_at"))["latest"]

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_BASE_URL).scheme

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_BASE_URL).netloc

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        """Each URL with its alternates, and x-default as the pages' own head gives it."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            default = [a for a in url["alternates"] if a["lang_code"] == settings.LANGUAGE_CODE]
            url["alternates"] += [{**a, "lang_code": "x-default"} for a in default]
        return urls


class RecordSitemap(PageSitemap):
    def pages(self) -> QuerySet:
        return visible_records(viewer_of(None))


class InstitutionSitemap(PageSitemap):
    def pages(self) -> QuerySet:
        return visible_pages(viewer_of(None), InstitutionPage.objects.all())


SECTIONS = {"records": RecordSitemap, "institutions": InstitutionSitemap}


def _sections(request) -> dict[str, PageSitemap]:
    return {name: section(request) for name, section in SECTIONS.items()}


def _cacheable(response):
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    # The sitemap itself is no search result (Django's sitemap view says so too).
    response.headers.setdefault("X-Robots-Tag", "noindex, noodp, noarchive")
    return response


def _index(request, sections: dict[str, PageSitemap]):
    """The sitemap index: each section's files, with the latest change in each."""
    entries, latest = [], []
    for name, section in sections.items():
        location = absolute_url(reverse("sitemap_section", kwargs={"section": name}))
        lastmod = section.get_latest_lastmod()
        latest += [lastmod] if lastmod else []
        for number in section.paginator.page_range:
            suffix = f"?p={number}" if number > 1 else ""
            entries.append({"location": location + suffix, "lastmod": lastmod})
    headers = {"Last-Modified": http_date(max(latest).timestamp())} if latest else None
    return TemplateResponse(
        request,
        "portal/sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
        headers=headers,
    )


@require_safe
def sitemap(request):
    """/sitemap.xml: every URL in one file while they fit in one, else the index."""
    sections = _sections(request)
    total = sum(section.paginator.count for section in sections.values())
    if total > min(section.limit for section in sections.values()):
        return _cacheable(_index(request, sections))
    response = sitemap_views.sitemap(request, sections, template_name="portal/sitemap.xml")
    return _cacheable(response)


@require_safe
def sitemap_section(request, section: str):
    """/sitemap-<section>.xml?p=<n>: one file of a section (an unknown one, or page, is 404)."""
    response = sitemap_views.sitemap(
        request, _sections(request), section=section, template_name="portal/sitemap.xml"
    )
    return _cacheable(response)
