"""The database peer of `search.py` at several sizes: Wagtail's database search vs our
database fallback, on records loaded in bulk (bench only; see bench/README.md).

Loading 100,000 records with the record services (`record_create_draft` +
`record_release`, ~5 a second) would take hours, so `bulk_records` writes the
rows a release leaves behind straight into the page tree: the Wagtail page row
(treebeard path under one institution, live, first/last published), the
record and teaching-resource rows, keywords (taggit), translations and a
creator. Then both indexes are filled the way production fills them in bulk:
Wagtail's with its backend's `add_bulk` (what `manage.py update_index` runs),
ours with `fallback_index.refresh` (what the migration and a rebuild run).
What it does not write: revisions, log entries, workflow states, view
restrictions (every record is public), files.
"""

import statistics
import time
import uuid
from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from taggit.models import Tag
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import Country, Language, Licence, ResourceType
from resource_hub.institutions.models import InstitutionPage
from resource_hub.institutions.services import institution_create
from resource_hub.portal.services import site_bootstrap
from resource_hub.records.models import (
    RecordCreator,
    RecordKeyword,
    RecordPage,
    RecordTranslation,
    TeachingResourcePage,
)
from search import fallback_index
from search.fallback import database_search
from search.params import SearchParams

INSTITUTION = "Benchmark Institute (bulk)"
CHUNK = 2_000


def _institution() -> InstitutionPage:
    admin = get_user_model().objects.filter(username="bench-admin").first()
    if admin is None:
        admin = get_user_model().objects.create_superuser("bench-admin", "bench@example.org", "x")
    site_bootstrap()
    institution = InstitutionPage.objects.filter(title=INSTITUTION).first()
    if institution is None:
        institution = institution_create(
            user=admin,
            name_en=INSTITUTION,
            name_local="สถาบันเกณฑ์มาตรฐาน",
            country=Country.objects.get(code="TH"),
            institution_type="university",
        )
    return institution


def _copy(table: str, columns: list[str], rows: list[tuple]) -> None:
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"  # noqa: S608 - our own names
    # psycopg's own cursor under Django's: COPY is its fastest path.
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


@transaction.atomic
def _insert(institution: InstitutionPage, documents: list[dict], first_step: int) -> list[int]:
    """Page, record and teaching-resource rows, keywords, translations, a creator."""
    languages = set(Language.objects.values_list("pk", flat=True))
    resource_type = ResourceType.objects.filter(applies_to="material").first().pk
    licence = Licence.objects.get(code="CC-BY-4.0").pk
    content_type = ContentType.objects.get_for_model(TeachingResourcePage).pk
    locale = Locale.get_default().pk
    owner = get_user_model().objects.get(username="bench-admin").pk
    with connection.cursor() as cursor:
        cursor.execute("LOCK TABLE wagtailcore_page IN EXCLUSIVE MODE")
        cursor.execute("SELECT max(id) FROM wagtailcore_page")
        first_id = cursor.fetchone()[0] + 1
        cursor.execute(
            "SELECT setval('wagtailcore_page_id_seq', %s)", [first_id + len(documents) - 1]
        )
    ids, pages, records, keywords, translations, creators = [], [], [], [], [], []
    depth = institution.depth + 1
    for n, document in enumerate(documents):
        pk, slug = first_id + n, f"bulk-{first_step + n}"
        published = datetime.fromisoformat(document["first_published_at"]).astimezone(UTC)
        title = document["title"][:250]
        ids.append(pk)
        pages.append(
            (pk, Page._get_path(institution.path, depth, first_step + n), depth, 0, title, slug,
             True, False, f"{institution.url_path}{slug}/", "", False, "", False, content_type,
             owner, False, published, published, title, uuid.uuid4(), locale)
        )  # fmt: skip
        language = document["language"] if document["language"] in languages else "en"
        records.append(
            (pk, document["abstract"], document["year"], "public", language, licence,
             resource_type, None, "")
        )  # fmt: skip
        keywords.extend((pk, word) for word in dict.fromkeys(document["keywords"]))
        for order, translation in enumerate(document["translations"]):
            other = translation["language"] if translation["language"] in languages else "en"
            if other != language:
                translations.append(
                    (pk, order, other, translation["title"][:250], translation["abstract"])
                )
        creators.append((pk, 0, document["creators"][0]["name"], "", "", "author"))
    _copy(
        "wagtailcore_page",
        ["id", "path", "depth", "numchild", "title", "slug", "live", "has_unpublished_changes",
         "url_path", "seo_title", "show_in_menus", "search_description", "expired",
         "content_type_id", "owner_id", "locked", "first_published_at", "last_published_at",
         "draft_title", "translation_key", "locale_id"],
        pages,
    )  # fmt: skip
    _copy(
        "records_recordpage",
        ["page_ptr_id", "abstract", "year", "access_level", "language_id", "licence_id",
         "resource_type_id", "subject_id", "external_id"],
        records,
    )  # fmt: skip
    _copy("records_teachingresourcepage", ["recordpage_ptr_id"], [(pk,) for pk in ids])
    words = {word for _pk, word in keywords}
    tags = dict(Tag.objects.filter(name__in=words).values_list("name", "pk"))
    for word in sorted(words - set(tags)):
        tags[word] = Tag.objects.create(name=word).pk  # taggit makes the slug
    RecordKeyword.objects.bulk_create(
        [RecordKeyword(content_object_id=pk, tag_id=tags[word]) for pk, word in keywords],
        batch_size=5_000,
    )
    RecordTranslation.objects.bulk_create(
        [
            RecordTranslation(record_id=pk, sort_order=order, language_id=lang, title=t, abstract=a)
            for pk, order, lang, t, a in translations
        ],
        batch_size=5_000,
    )
    RecordCreator.objects.bulk_create(
        [
            RecordCreator(record_id=pk, sort_order=order, name=name, orcid=o, affiliation=a, role=r)
            for pk, order, name, o, a, r in creators
        ],
        batch_size=5_000,
    )
    InstitutionPage.objects.filter(pk=institution.pk).update(numchild=first_step + len(ids) - 1)
    return ids


def index_both(ids: list[int]) -> tuple[float, float]:
    """Both indexes, as production fills them in bulk; seconds for Wagtail's and ours."""
    backend = get_search_backend()
    started = time.perf_counter()
    for start in range(0, len(ids), 500):
        chunk = TeachingResourcePage.objects.filter(pk__in=ids[start : start + 500])
        backend.add_bulk(TeachingResourcePage, list(chunk.prefetch_related("keywords", "creators")))
    wagtail = time.perf_counter() - started
    started = time.perf_counter()
    for start in range(0, len(ids), 500):
        fallback_index.refresh(ids[start : start + 500])
    return wagtail, time.perf_counter() - started


def bulk_records(documents: list[dict]) -> int:
    """At least len(documents) released records under the bulk institution; returns how many."""
    institution = _institution()
    have = RecordPage.objects.child_of(institution).count()
    if RecordPage.objects.count() > len(documents):
        raise SystemExit(f"the database holds more than {len(documents)} records: use a fresh one")
    missing = documents[have:]
    if not missing:
        return have
    started, seconds = time.perf_counter(), [0.0, 0.0]
    for start in range(0, len(missing), CHUNK):
        institution.refresh_from_db()
        ids = _insert(institution, missing[start : start + CHUNK], have + start + 1)
        for n, spent in enumerate(index_both(ids)):
            seconds[n] += spent
    with connection.cursor() as cursor:  # what autovacuum would have done by now
        cursor.execute("ANALYZE")
    print(
        f"loaded {len(missing)} records in bulk in {time.perf_counter() - started:.0f} s "
        f"(Wagtail's index {seconds[0]:.0f} s, ours {seconds[1]:.0f} s)"
    )
    return have + len(missing)


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def _line(label: str, samples: list[float], base: list[float] | None = None) -> None:
    p50, p95 = statistics.median(samples), _percentile(samples, 0.95)
    text = f"{label:<52} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms"
    if base:
        text += f"   / Wagtail: p50 {p50 / statistics.median(base):5.2f}x"
        text += f"  p95 {p95 / _percentile(base, 0.95):5.2f}x"
    print(text, flush=True)


def run(documents: list[dict], queries: list[str], sizes: list[int]) -> None:
    """For each size: load up to it, then Wagtail's search and ours, query by query."""
    viewer = viewer_of(AnonymousUser())

    def wagtail(q):
        return len(list(RecordPage.objects.live().search(q)[:20]))

    def fallback(q):
        return database_search(SearchParams(q=q, viewer=viewer), reason="benchmark").total

    for size in sorted(sizes):
        total = bulk_records(documents[:size])
        for q in queries[:20]:  # warm up
            wagtail(q), fallback(q)
        timings, hits = {"wagtail": [], "fallback": []}, []
        for q in queries:
            for name, fn in (("wagtail", wagtail), ("fallback", fallback)):
                started = time.perf_counter()
                value = fn(q)
                timings[name].append((time.perf_counter() - started) * 1000)
                if name == "fallback":
                    hits.append(value)
        print(
            f"{len(queries)} queries on {total} released records in PostgreSQL; fallback hits "
            f"per query: median {statistics.median(hits):.0f}, max {max(hits)}"
        )
        _line("Wagtail database search: live().search(q)[:20]", timings["wagtail"])
        _line("our database fallback: database_search()", timings["fallback"], timings["wagtail"])
