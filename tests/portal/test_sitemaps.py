"""sitemap.xml (issue 12, part 7): public records and institutions in every language, with
hreflang alternates and lastmod; an index of several files past the limit."""

from datetime import datetime
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.http import http_date
from lxml import etree
from wagtail.models import PageViewRestriction

from resource_hub.portal.services import site_bootstrap
from resource_hub.portal.sitemaps import PageSitemap
from resource_hub.records.models import AccessLevel
from resource_hub.records.services import record_release

BASE = "https://hub.example.org"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def hub(settings, world):
    """The site served at BASE, as `bootstrap_site` leaves it after SITE_BASE_URL changed."""
    settings.SITE_BASE_URL = settings.WAGTAILADMIN_BASE_URL = BASE
    site_bootstrap()
    return world


@pytest.fixture
def released(hub, make_record):
    def make(*, institution=None, **fields):
        institution = institution or hub.inst_a
        editor = hub.editor_a if institution == hub.inst_a else hub.editor_b
        author = hub.teacher_a if institution == hub.inst_a else hub.teacher_b
        record = make_record(author=author, institution=institution, **fields)
        record_release(user=editor, record=record)
        record.refresh_from_db()
        return record

    return make


def in_every_language(page) -> dict[str, str]:
    urls = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            urls[code] = BASE + page.get_url()
    return urls


def url_entries(response) -> dict[str, dict]:
    """{loc: {"lastmod": datetime | None, "alternates": {hreflang: href}}} of a urlset."""
    root = etree.fromstring(response.content)  # our own output, not untrusted XML
    assert root.tag == f"{{{NS['s']}}}urlset"
    entries = {}
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        assert loc not in entries, f"{loc} listed twice"
        lastmod = url.findtext("s:lastmod", namespaces=NS)
        entries[loc] = {
            "lastmod": datetime.fromisoformat(lastmod) if lastmod else None,
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            },
        }
    return entries


def index_locations(response) -> list[str]:
    root = etree.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [sitemap.findtext("s:loc", namespaces=NS) for sitemap in root]


def fetch(client, url: str):
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == BASE
    return client.get(parts.path + (f"?{parts.query}" if parts.query else ""))


def test_a_public_record_is_listed_in_every_language_with_its_alternates_and_lastmod(
    client, hub, released, postgres_db
):
    record = released(title="Rice cultivation techniques")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    entries = url_entries(response)
    urls = in_every_language(record)
    alternates = {**urls, "x-default": urls["en"]}  # as the page's own <head> says
    expected = {"lastmod": record.last_published_at, "alternates": alternates}
    for code in LANGUAGE_CODES:
        assert entries[urls[code]] == expected
    assert urls["zh-hans"] == f"{BASE}/zh-hans/institutions/{hub.inst_a.slug}/{record.slug}/"


def test_institution_pages_are_listed_in_every_language(client, hub, postgres_db):
    entries = url_entries(client.get("/sitemap.xml"))

    for institution in (hub.inst_a, hub.inst_b):
        for code, url in in_every_language(institution).items():
            assert entries[url]["alternates"][code] == url
            assert entries[url]["lastmod"] == institution.last_published_at
    assert len(entries) == 2 * len(LANGUAGE_CODES)  # nothing else: no record is released


def test_restricted_unreleased_records_and_what_sits_under_a_restriction_are_left_out(
    client, hub, released, make_record, postgres_db
):
    public = released(title="Open lesson")
    hidden = [
        released(title="Members notes", access_level=AccessLevel.INSTITUTION),
        released(title="Registered notes", access_level=AccessLevel.REGISTERED),
        make_record(title="Draft notes"),
        released(title="Open under a closed institution", institution=hub.inst_b),
    ]
    PageViewRestriction.objects.create(page=hub.inst_b, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/sitemap.xml")

    entries = url_entries(response)
    listed = set(entries) | {href for e in entries.values() for href in e["alternates"].values()}
    assert set(in_every_language(public).values()) <= listed
    for record in hidden:
        record.refresh_from_db()
        assert not set(in_every_language(record).values()) & listed
        assert record.slug not in response.content.decode()
    assert not set(in_every_language(hub.inst_b).values()) & listed
    assert len(entries) == 2 * len(LANGUAGE_CODES)  # the public record and institution A


def chunks(urls: int, limit: int = 10) -> list[int]:
    """How many URLs each file of a section lists, `limit` a file."""
    return [min(limit, urls - start) for start in range(0, urls, limit)]


def section_files(section: str, count: int) -> list[str]:
    first = f"{BASE}/sitemap-{section}.xml"
    return [first, *(f"{first}?p={n}" for n in range(2, count + 1))]


def test_past_the_limit_the_sitemap_becomes_an_index_of_files_that_list_every_url_once(
    client, hub, released, postgres_db, monkeypatch
):
    records = [released(title=f"Lesson {n}") for n in range(3)]
    whole = url_entries(client.get("/sitemap.xml"))  # one file while under the limit
    # 10 URLs a file: a record's languages may straddle two files.
    monkeypatch.setattr(PageSitemap, "limit", 10)

    index = client.get("/sitemap.xml")

    assert index.status_code == 200
    files = index_locations(index)
    # Three records and two institutions, each under every language prefix.
    records_sizes, institutions_sizes = (
        chunks(3 * len(LANGUAGE_CODES)),
        chunks(2 * len(LANGUAGE_CODES)),
    )
    assert files == [
        *section_files("records", len(records_sizes)),
        *section_files("institutions", len(institutions_sizes)),
    ]
    latest = max(page.last_published_at for page in [*records, hub.inst_a, hub.inst_b])
    assert index["Last-Modified"] == http_date(latest.timestamp())
    parts = [url_entries(fetch(client, url)) for url in files]
    assert [len(part) for part in parts] == records_sizes + institutions_sizes
    merged = {loc: entry for part in parts for loc, entry in part.items()}
    assert sum(len(part) for part in parts) == len(merged) == len(whole) == 5 * len(LANGUAGE_CODES)
    assert merged == whole
    beyond = len(records_sizes) + 1
    assert fetch(client, f"{BASE}/sitemap-records.xml?p={beyond}").status_code == 404


def test_the_sitemap_is_cacheable_and_its_queries_do_not_grow_with_records(
    client, hub, released, postgres_db
):
    released(title="Lesson 0")
    client.get("/sitemap.xml")  # Wagtail caches the sites' root paths; releasing clears them
    with CaptureQueriesContext(connection) as one:
        first = client.get("/sitemap.xml")
    for n in range(1, 6):
        released(title=f"Lesson {n}")
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as six:
        client.get("/sitemap.xml")

    assert len(six) == len(one)
    assert first["Cache-Control"] == "public, max-age=3600"
    assert "Last-Modified" in first
    assert "noindex" in first["X-Robots-Tag"]


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap.xml?p=2",
        "/sitemap-records.xml?p=0",
        "/sitemap-records.xml?p=abc",
        "/sitemap-records.xml?p=²",
        "/sitemap-records.xml?p=" + "9" * 5000,
        "/sitemap-records.xml?p=%00",
        "/sitemap-drafts.xml",
    ],
)
def test_odd_sitemap_addresses_are_not_found(client, hub, postgres_db, path):
    assert client.get(path).status_code == 404
