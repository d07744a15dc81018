"""Search: our index loading, query function and endpoint vs raw Elasticsearch, and
Wagtail's database search as the peer. Figures, not a test.

Run once `make services` has run (PostgreSQL and Elasticsearch are enough):

    .venv/bin/python bench/search.py [--records N] [--queries 200] [--db-records M]
    .venv/bin/python bench/search.py --db-sizes 1000,10000,100000 [--queries 200]

In one run, against the same servers, under a fresh index prefix
(`bench-<random>`, so the site's own index is never touched; deleted at the end):
- load: N synthetic multilingual documents, shaped like `record_document()`
  output (Chinese, Thai, Vietnamese, Indonesian, Malay, Khmer, English; fixed
  seed), into a new versioned index behind the bench alias with our bulk path
  (`lifecycle.create_index` + `lifecycle.bulk_index`, what `rebuild` runs once
  the documents are read from the database), vs a raw `_bulk` POST with
  urllib3 of the same documents, same chunk size, same index body; the two
  take turns slice by slice (LOAD_SLICE documents), so they share the noise;
- queries: for a fixed list of mixed-language queries, (a) the raw query (the
  body `search_body()` builds, POSTed to `_search` with urllib3), (a0) a bare
  `multi_match` over the same fields (`text_fields()`), a page of 20 with the
  same `_source`, no facets, highlights, suggester, filter or sort, POSTed the
  same way (what a plain search would send), (b) our query function
  `service.search()` as an anonymous visitor, (c) our endpoint
  `/api/v1/search` under gunicorn with production settings;
- the peer: Wagtail's database search (`RecordPage.objects.live().search(q)`,
  PostgreSQL full text) on M released records made with our record services
  from the first M documents, and our own database fallback on the same records.

With `--db-sizes`, only the database peer, at each size in turn (no
Elasticsearch): records loaded in bulk (`_database_search.py`), Wagtail's
database search and our fallback interleaved query by query at each size.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
import unicodedata
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resource_hub.settings.dev")
# A prefix of our own, set before the settings are read, so every index and
# alias made here (and the one the server searches) is the benchmark's.
PREFIX = f"bench-{uuid.uuid4().hex[:8]}"
os.environ["ELASTICSEARCH_INDEX_PREFIX"] = PREFIX
# Releasing records schedules index tasks; nothing runs them here.
os.environ["TASKS_BACKEND"] = "database"
# The site's 10 s is too short for a 2-core machine busy with other work: a slow
# query would be answered from the database and spoil the figures.
os.environ.setdefault("ELASTICSEARCH_TIMEOUT", "60")

import django
from _gunicorn_site import HTTPS, SECRET_KEY, free_port, start_server

django.setup()

import logging

import requests
import urllib3
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from resource_hub.access.search import document_fields as access_fields
from resource_hub.access.viewers import ANY_GROUP, AUTHENTICATED, group_token, viewer_of
from resource_hub.core.vocabularies import (
    Country,
    EducationLevel,
    Language,
    Licence,
    ResourceType,
    SubjectField,
)
from resource_hub.institutions.models import InstitutionPage
from resource_hub.institutions.services import institution_create
from resource_hub.portal.services import site_bootstrap
from resource_hub.records.models import RecordPage, TeachingResourcePage
from resource_hub.records.services import record_create_draft, record_release
from search.client import get_client, index_name, server_version
from search.documents import cluster_has_icu, index_body
from search.fallback import database_search
from search.indexing import fingerprint
from search.lifecycle import CHUNK_SIZE, alias_name, bulk_index, create_index
from search.params import SearchParams
from search.queries import SOURCE_FIELDS, search_body, text_fields
from search.service import search

SEED = 20261128

# Small word lists per language; Chinese, Thai and Khmer are written without spaces.
_WORD_LISTS = {
    "zh": "水稻 栽培 技术 教学 课程 农业 学生 教师 数学 物理 化学 生物 环境 水资源 "
    "土壤 机械 电子 计算机 网络 护理 旅游 烹饪 职业 教育 实验 研究 方法 评估",
    "th": "การเกษตร ข้าว การศึกษา นักเรียน ครู คณิตศาสตร์ ฟิสิกส์ เคมี ชีววิทยา "
    "สิ่งแวดล้อม น้ำ ดิน เครื่องจักร อิเล็กทรอนิกส์ คอมพิวเตอร์ เครือข่าย การพยาบาล "
    "การท่องเที่ยว อาหาร อาชีวศึกษา การทดลอง วิจัย วิธีการ การประเมิน",
    "vi": "lúa trồng kỹ thuật giáo dục học sinh giáo viên toán vật lý hóa học sinh "
    "học môi trường nước đất máy móc điện tử máy tính mạng điều dưỡng du lịch nấu "
    "ăn nghề nghiệp thí nghiệm nghiên cứu phương pháp đánh giá",
    "id": "padi budidaya teknik pendidikan siswa guru matematika fisika kimia biologi "
    "lingkungan air tanah mesin elektronik komputer jaringan keperawatan pariwisata "
    "masakan kejuruan percobaan penelitian metode penilaian",
    "ms": "padi penanaman teknik pendidikan pelajar guru matematik fizik kimia biologi "
    "alam sekitar air tanah jentera elektronik komputer rangkaian kejururawatan "
    "pelancongan masakan vokasional ujikaji penyelidikan kaedah penilaian",
    "km": "កសិកម្ម ស្រូវ ការអប់រំ សិស្ស គ្រូ គណិតវិទ្យា រូបវិទ្យា គីមីវិទ្យា ជីវវិទ្យា "
    "បរិស្ថាន ទឹក ដី ម៉ាស៊ីន អេឡិចត្រូនិក កុំព្យូទ័រ បណ្តាញ ថែទាំ ទេសចរណ៍ ម្ហូប "
    "វិជ្ជាជីវៈ ពិសោធន៍ ស្រាវជ្រាវ វិធីសាស្ត្រ ការវាយតម្លៃ",
    "en": "rice cultivation techniques teaching course agriculture students teachers "
    "mathematics physics chemistry biology environment water soil machinery electronics "
    "computer network nursing tourism cooking vocational education experiment research "
    "method assessment lesson training",
}
WORDS = {language: text.split() for language, text in _WORD_LISTS.items()}
LANGUAGES = list(WORDS)
NO_SPACES = {"zh", "th", "km"}
COUNTRIES = {"zh": "CN", "th": "TH", "vi": "VN", "id": "ID", "ms": "MY", "km": "KH", "en": "PH"}


def phrase(rng: random.Random, language: str, low: int, high: int) -> str:
    words = rng.choices(WORDS[language], k=rng.randint(low, high))
    return ("" if language in NO_SPACES else " ").join(words)


def vocabularies() -> dict[str, list[str]]:
    """Codes that exist in the database, so facet labels resolve as on the site."""
    return {
        "subjects": sorted(SubjectField.objects.values_list("pk", flat=True)) or ["0511"],
        "levels": sorted(EducationLevel.objects.values_list("pk", flat=True)) or ["5"],
        "resource_types": sorted(ResourceType.objects.values_list("pk", flat=True)) or ["x"],
        "licences": sorted(Licence.objects.values_list("pk", flat=True)) or ["CC-BY-4.0"],
    }


LEVELS = ["public", "registered", "institution"]


def access_of(level: str, institution: dict) -> dict:
    """The access policy's fields for a record of `level` (none, a login or a group
    restriction), as `record_document()` writes them."""
    clauses = []
    if level == "registered":
        clauses = [frozenset({AUTHENTICATED})]
    elif level == "institution":
        clauses = [frozenset({group_token(int(institution["id"])), ANY_GROUP})]
    return access_fields(clauses, access_level=level)


def make_documents(count: int, vocab: dict, first_id: int) -> list[dict]:
    """`count` documents shaped like `record_document()`'s, the same for a given seed."""
    rng = random.Random(SEED)  # noqa: S311 - reproducible, not secret
    institutions = [
        {
            "id": str(900_000 + n),
            "name": f"{phrase(rng, 'en', 2, 3).title()} College {n}",
            "name_local": phrase(rng, language, 2, 4),
            "country": COUNTRIES[language],
        }
        for n, language in enumerate(LANGUAGES * 6)
    ]
    documents = []
    for n in range(count):
        language = rng.choice(LANGUAGES)
        title = phrase(rng, language, 3, 7)
        translations = []
        if rng.random() < 0.4:
            other = rng.choice([code for code in LANGUAGES if code != language])
            translations.append(
                {
                    "language": other,
                    "title": phrase(rng, other, 3, 7),
                    "abstract": phrase(rng, other, 15, 40),
                }
            )
        has_files = rng.random() < 0.5
        institution = rng.choice([i for i in institutions if i["country"] == COUNTRIES[language]])
        subject = rng.choice(vocab["subjects"])
        published = f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        document = {
            "id": first_id + n,
            "record_type": rng.choice(["teaching_resource", "teaching_resource", "achievement"]),
            "url_path": f"/home/institutions/bench/{n}/",
            "version": first_id + n,
            "title": title,
            "suggest": [title, *(t["title"] for t in translations)],
            "abstract": phrase(rng, language, 20, 60),
            "keywords": [phrase(rng, language, 1, 1) for _ in range(rng.randint(1, 4))],
            "translations": translations,
            "creators": [
                {"name": f"Author {rng.randint(1, 5000)}", "orcid": "", "affiliation": ""}
            ],
            "institution": institution,
            "partners": [],
            "file_text": phrase(rng, language, 100, 400) if has_files else "",
            "subjects": sorted({subject[:2], subject[:3], subject}),
            "levels": rng.sample(vocab["levels"], k=min(2, len(vocab["levels"]))),
            "resource_type": rng.choice(vocab["resource_types"]),
            "language": language,
            "languages": sorted({language, *(t["language"] for t in translations)}),
            "country": institution["country"],
            "licence": rng.choice(vocab["licences"]),
            "year": int(published[:4]),
            "has_files": has_files,
            "file_count": rng.randint(1, 3) if has_files else 0,
            **access_of(rng.choices(LEVELS, [8, 1, 1])[0], institution),
            "published_at": f"{published}T08:00:00+00:00",
            "first_published_at": f"{published}T08:00:00+00:00",
            "download_count": rng.randint(0, 500),
        }
        document["fingerprint"] = fingerprint(document)
        documents.append(document)
    return documents


def make_queries(count: int) -> list[str]:
    """One or two words of one language, sometimes with an English word, sometimes
    Vietnamese typed without diacritics; the same list for a given seed."""
    rng = random.Random(SEED + 1)  # noqa: S311 - reproducible
    queries = []
    for _ in range(count):
        language = rng.choice(LANGUAGES)
        q = phrase(rng, language, 1, 2)
        if language in NO_SPACES:  # a query is usually typed with spaces between words
            q = " ".join(rng.choices(WORDS[language], k=rng.randint(1, 2)))
        if language == "vi" and rng.random() < 0.3:
            q = "".join(c for c in unicodedata.normalize("NFD", q) if not unicodedata.combining(c))
            q = q.replace("đ", "d")
        if rng.random() < 0.2:
            q = f"{q} {rng.choice(WORDS['en'])}"
        queries.append(q)
    return queries


# --- loading -----------------------------------------------------------------------


#: The loads alternate in slices of this many documents, so that both see the same
#: machine: a busy neighbour during one whole load and not the other would decide
#: the ratio (2026-12-05: 0.80 sequentially, ours first, as the load average fell).
LOAD_SLICE = 10_000


def load_ours(client, index: str, documents: list[dict]) -> float:
    """Our path: `bulk_index` (streaming_bulk, CHUNK_SIZE) into a new versioned index."""
    started = time.perf_counter()
    result = bulk_index(client, index, documents)
    elapsed = time.perf_counter() - started
    if result.errors or result.indexed != len(documents):
        raise SystemExit(f"our load failed: {result.indexed} indexed, {result.errors[:1]}")
    return elapsed


def load_raw(http, index: str, documents: list[dict]) -> float:
    """The baseline: the same documents, POST /_bulk in CHUNK_SIZE chunks."""
    url = f"{settings.ELASTICSEARCH_URL.rstrip('/')}/{index}/_bulk"
    started = time.perf_counter()
    for start in range(0, len(documents), CHUNK_SIZE):
        lines = []
        for document in documents[start : start + CHUNK_SIZE]:
            lines.append(json.dumps({"index": {"_id": str(document["id"])}}))
            lines.append(json.dumps(document, ensure_ascii=False))
        response = http.request(
            "POST",
            url,
            body=("\n".join(lines) + "\n").encode(),
            headers={"Content-Type": "application/x-ndjson"},
        )
        if response.status != 200 or json.loads(response.data)["errors"]:
            raise SystemExit(f"raw bulk failed: {response.status} {response.data[:300]}")
    return time.perf_counter() - started


def load_both(client, http, documents: list[dict]) -> tuple[str, float, str, float]:
    """Our index (`lifecycle.create_index`, what `rebuild` makes) and a raw one with the
    same body, loaded slice by slice in turns (ours first, then raw first, ...)."""
    ours = create_index(client)
    raw = index_name("raw")
    body = index_body(
        shards=settings.ELASTICSEARCH_SHARDS,
        replicas=settings.ELASTICSEARCH_REPLICAS,
        icu=cluster_has_icu(client),
    )
    body["settings"]["refresh_interval"] = "-1"
    client.indices.create(index=raw, **body)
    ours_seconds = raw_seconds = 0.0
    for turn, start in enumerate(range(0, len(documents), LOAD_SLICE)):
        part = documents[start : start + LOAD_SLICE]
        if turn % 2 == 0:
            ours_seconds += load_ours(client, ours, part)
            raw_seconds += load_raw(http, raw, part)
        else:
            raw_seconds += load_raw(http, raw, part)
            ours_seconds += load_ours(client, ours, part)
    for index in (ours, raw):
        client.indices.put_settings(index=index, settings={"refresh_interval": None})
        client.indices.refresh(index=index)
    client.indices.update_aliases(
        actions=[{"add": {"index": ours, "alias": alias_name(), "is_write_index": True}}]
    )
    return ours, ours_seconds, raw, raw_seconds


# --- records in the database, for Wagtail's search ------------------------------------


def bench_records(documents: list[dict]) -> list[int]:
    """Released records made from `documents` with our record services; reused by later
    runs (the institution keeps them). Returns their ids, in document order."""
    admin = get_user_model().objects.filter(username="bench-admin").first()
    if admin is None:
        admin = get_user_model().objects.create_superuser("bench-admin", "bench@example.org", "x")
    site_bootstrap()
    institution = InstitutionPage.objects.filter(title="Benchmark Institute").first()
    if institution is None:
        institution = institution_create(
            user=admin,
            name_en="Benchmark Institute",
            name_local="สถาบันเกณฑ์มาตรฐาน",
            country=Country.objects.get(code="TH"),
            institution_type="university",
        )
    existing = list(
        RecordPage.objects.child_of(institution).live().order_by("pk").values_list("pk", flat=True)
    )
    languages = {language.pk: language for language in Language.objects.all()}
    resource_type = ResourceType.objects.filter(applies_to="material").first()
    licence = Licence.objects.get(code="CC-BY-4.0")
    started, missing = time.perf_counter(), documents[len(existing) :]
    for document in missing:
        record = record_create_draft(
            user=admin,
            institution=institution,
            record_class=TeachingResourcePage,
            title=document["title"][:250],
            abstract=document["abstract"],
            keywords=document["keywords"],
            language=languages.get(document["language"]) or languages["en"],
            resource_type=resource_type,
            licence=licence,
            year=document["year"],
            creators=[{"name": document["creators"][0]["name"]}],
        )
        record_release(user=admin, record=record)
        existing.append(record.pk)
    if missing:
        rate = len(missing) / (time.perf_counter() - started)
        print(f"made {len(missing)} released records with the record services ({rate:.1f}/s)")
    return existing[: len(documents)]


def index_database_peers(ids: list[int]) -> tuple[float, float]:
    """Both database indexes of the bench records, filled in bulk as `update_index` and a
    rebuild fill them; seconds for each.

    Records another benchmark made with `TASKS_BACKEND=database` (bench/api.py,
    bench/bundles.py) left Wagtail's index updates queued for a worker that never
    ran: Wagtail then searched an empty index, and its "5 ms" measured nothing.
    """
    import _database_search

    return _database_search.index_both(ids)


def wagtail_total(q: str) -> int:
    """Wagtail's database search as the admin runs it: how much of a page of 20 it filled."""
    return len(list(RecordPage.objects.live().search(q)[:20]))


# --- timing ---------------------------------------------------------------------------


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as `uptime` shows them."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def line(label: str, samples: list[float], base: list[float] | None = None) -> None:
    p50, p95 = statistics.median(samples), percentile(samples, 0.95)
    text = f"{label:<52} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms"
    if base:
        text += f"   / raw: p50 {p50 / statistics.median(base):5.2f}x"
        text += f"  p95 {p95 / percentile(base, 0.95):5.2f}x"
    print(text)


def database_sizes(args) -> None:
    """Wagtail's database search vs our fallback at several sizes, records loaded in bulk."""
    import _database_search

    if not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        raise SystemExit("run `make services` first (PostgreSQL)")
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    call_command("migrate", verbosity=0)
    sizes = [int(size) for size in args.db_sizes.split(",")]
    documents = make_documents(max(sizes), vocabularies(), 10_000_000)
    _database_search.run(documents, make_queries(args.queries), sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db-records", type=int, default=2_000)
    parser.add_argument("--db-sizes", default="", help="e.g. 1000,10000,100000: database only")
    args = parser.parse_args()
    if args.db_sizes:
        return database_sizes(args)
    client = get_client()
    if client is None or not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        raise SystemExit("run `make services` first (PostgreSQL and Elasticsearch)")

    logging.getLogger("wagtail").setLevel(logging.WARNING)  # no line per record made
    call_command("migrate", verbosity=0)
    settings.SECRET_KEY = SECRET_KEY
    vocab = vocabularies()
    started = time.perf_counter()
    # Ids above any record's, so a hit on a synthetic-only document is never a real record.
    first_id = 10_000_000
    documents = make_documents(args.records, vocab, first_id)
    queries = make_queries(args.queries)
    print(f"machine load at the start: {load_average()}")
    print(
        f"Elasticsearch {server_version()}, index prefix {PREFIX}; generated "
        f"{len(documents)} documents in {time.perf_counter() - started:.1f} s; "
        f"{len(queries)} queries"
    )
    # The first M documents are also released records in the database, under
    # their record ids, so some hits are real records and Wagtail searches them.
    db_ids = bench_records(documents[: args.db_records])
    wagtail_seconds, fallback_seconds = index_database_peers(db_ids)
    print(
        f"database indexes brought up to date for {len(db_ids)} records: Wagtail's "
        f"{wagtail_seconds:.1f} s, the fallback's {fallback_seconds:.1f} s"
    )
    for document, pk in zip(documents, db_ids, strict=False):
        document["id"] = document["version"] = pk
        document["fingerprint"] = fingerprint(document)

    http = urllib3.PoolManager(maxsize=4)
    server = None
    try:
        _index, ours_seconds, raw_index, raw_seconds = load_both(client, http, documents)
        ours_rate, raw_rate = len(documents) / ours_seconds, len(documents) / raw_seconds
        print(
            f"{'load, ours (bulk_index: streaming_bulk, ' + str(CHUNK_SIZE) + ' per request)':<52}"
            f" {ours_seconds:7.1f} s  {ours_rate:8.0f} docs/s"
        )
        print(
            f"{'load, raw POST /_bulk (urllib3)':<52} {raw_seconds:7.1f} s  {raw_rate:8.0f} docs/s"
        )
        print(f"{'load ours / raw (throughput)':<52} {ours_rate / raw_rate:7.2f}")
        client.indices.delete(index=raw_index)  # one index to search, as on the site

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(port, probe="/api/v1/search")
        anonymous = AnonymousUser()
        viewer = viewer_of(anonymous)
        browser = requests.Session()
        browser.headers.update(HTTPS)
        url = f"{settings.ELASTICSEARCH_URL.rstrip('/')}/{alias_name()}/_search"
        bodies = [json.dumps(search_body(SearchParams(q=q, viewer=viewer))) for q in queries]

        bare_bodies = [
            json.dumps(
                {
                    "query": {"multi_match": {"query": q, "fields": text_fields()}},
                    "size": 20,
                    "_source": SOURCE_FIELDS,
                }
            )
            for q in queries
        ]

        def post(body):
            response = http.request(
                "POST", url, body=body, headers={"Content-Type": "application/json"}
            )
            assert response.status == 200, response.data[:300]
            return json.loads(response.data)["hits"]["total"]["value"]

        def raw(n):
            return post(bodies[n])

        def bare(n):
            return post(bare_bodies[n])

        def ours(n):
            result = search(SearchParams(q=queries[n], viewer=viewer))
            assert not result.degraded, result.degraded_reason
            return result.total

        def endpoint(n):
            answer = browser.get(f"{base}/api/v1/search", params={"q": queries[n]}, timeout=30)
            assert answer.status_code == 200, answer.text[:300]
            assert not answer.json()["degraded"]

        def wagtail(n):
            return wagtail_total(queries[n])

        def fallback(n):
            params = SearchParams(q=queries[n], viewer=viewer)
            return database_search(params, reason="benchmark").total

        functions = {"raw": raw, "bare": bare, "ours": ours, "endpoint": endpoint}
        functions.update(wagtail=wagtail, fallback=fallback)
        for n in range(min(20, len(queries))):  # warm up every path
            for fn in functions.values():
                fn(n)
        timings = {name: [] for name in functions}
        found = {"raw": [], "wagtail": [], "fallback": []}
        totals = found["raw"]
        for n in range(len(queries)):  # interleaved, so every path sees the same noise
            for name, fn in functions.items():
                started = time.perf_counter()
                value = fn(n)
                timings[name].append((time.perf_counter() - started) * 1000)
                if name in found:
                    found[name].append(value)
        print(
            f"{len(queries)} queries on {len(documents)} documents, page of 20 with facets "
            f"and highlights; hits per query: median {statistics.median(totals):.0f}, "
            f"max {max(totals)}"
        )
        line("(a0) bare multi_match, same fields, POSTed (urllib3)", timings["bare"])
        line("(a) raw: search_body() POSTed to _search (urllib3)", timings["raw"])
        line("(b) ours: search.service.search(), anonymous", timings["ours"], timings["raw"])
        line(
            "(c) ours: GET /api/v1/search (gunicorn, production)",
            timings["endpoint"],
            timings["raw"],
        )
        p50 = {name: statistics.median(samples) for name, samples in timings.items()}
        ratio, ours_extra = p50["raw"] / p50["bare"], p50["ours"] - p50["raw"]
        print(f"{'(a) / (a0), p50: the full query over the bare one':<52} {ratio:7.2f}x")
        print(f"{'(b) - (a), p50: service.search() over the raw query':<52} {ours_extra:7.2f} ms")
        extra = p50["endpoint"] - p50["raw"]
        print(f"{'(c) - (a), p50: the endpoint over the raw query':<52} {extra:7.2f} ms")
        print(f"machine load after the queries: {load_average()}")
        print(f"peer, on {len(db_ids)} released records in PostgreSQL:")
        for name in ("wagtail", "fallback"):
            if not statistics.median(found[name]):
                raise SystemExit(f"the {name} peer found nothing for most queries: not a baseline")
        print(
            f"hits per query, median: Wagtail {statistics.median(found['wagtail']):.0f} of a "
            f"page of 20, the fallback {statistics.median(found['fallback']):.0f} in all"
        )
        line("Wagtail database search: live().search(q)[:20]", timings["wagtail"])
        line("our database fallback: database_search()", timings["fallback"])
        ratio = statistics.median(timings["fallback"]) / statistics.median(timings["wagtail"])
        print(f"{'fallback / Wagtail, p50':<52} {ratio:7.2f}x")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        # By name: a wildcard delete is refused by default (destructive_requires_name).
        names = list(client.indices.get(index=f"{PREFIX}-*", expand_wildcards="all"))
        if names:
            client.indices.delete(index=",".join(names))
        print(f"deleted the benchmark indices: {', '.join(names) or 'none'}")


if __name__ == "__main__":
    main()
