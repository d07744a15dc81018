"""The REST API: reading a record, searching, and depositing, each beside a baseline
measured in the same run. Figures, not a test.

Run with `make bench` (which starts the services), or directly once
`make services` has run (PostgreSQL, Elasticsearch and the S3 server):

    .venv/bin/python bench/api.py [--records 200] [--requests 200] [--queries 200]
        [--deposits 3] [--size-mib 20] [--database rh_bench_api]

Everything it makes lives apart from the site's own data: a database of its own
(`--database`, created when missing; its records are reused by later runs), a
fresh Elasticsearch index prefix and a fresh key prefix in the bucket
(`bench-<random>` for both; the indices and every object under the prefix are
deleted at the end). The site runs under gunicorn with production settings
(one worker process, four threads, as files.py and search.py), background tasks
inline (`TASKS_BACKEND=immediate`, so a released record is searchable when the
release answers) and the rate limits on but high enough never to refuse.

1. `GET /api/v1/records/{id}` of a released record (the one the deposit below
   made: a file, a translation, keywords, a creator with an ORCID), anonymous
   and with a teacher's API token (a teacher of another institution: a reader),
   and with its author's token (who reads the latest draft and its state), vs
   the record's HTML page (where `/r/<id>` sends a visitor) and vs a
   revalidation with `If-None-Match` (304). Interleaved request by request.
   Also the SQL queries of one GET, counted in this process.
2. `GET /api/v1/records?q=<word>` and `GET /api/v1/search?q=<word>` vs the raw
   Elasticsearch `_search` of the body `search_body()` builds for the same
   query (POSTed with urllib3, as search.py), on `--records` released records
   made with the record services and indexed with `search.lifecycle.rebuild()`.
3. The deposit: `deposit()` of docs/api/example_client.py (draft, upload in
   parts straight to the bucket, attach, submit, release with an editor's
   token, find by search) with a made-up file of `--size-mib`, vs boto3
   `upload_file` of the same bytes to the same bucket with the same part size.
"""

import argparse
import contextlib
import importlib.util
import io
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resource_hub.settings.dev")

MIB = 1024 * 1024
# One prefix for the index and the bucket's keys, set before the settings are
# read, so everything made here (and what the server reads) is the benchmark's.
PREFIX = f"bench-{uuid.uuid4().hex[:8]}"
# Rate limits stay on (their cache is read and written on every call) but never refuse.
NO_REFUSAL = "1000000/m"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200, help="released records to search")
    parser.add_argument("--requests", type=int, default=200, help="requests per record path")
    parser.add_argument("--queries", type=int, default=200, help="queries per search path")
    parser.add_argument("--deposits", type=int, default=3, help="deposits (and boto3 uploads)")
    parser.add_argument("--size-mib", type=int, default=20, help="size of the deposited file")
    parser.add_argument("--database", default="rh_bench_api", help="PostgreSQL database to use")
    return parser.parse_args()


from _database import own_database

ARGS = parse_args()
os.environ["DATABASE_URL"] = own_database(ARGS.database)
os.environ["ELASTICSEARCH_INDEX_PREFIX"] = PREFIX
os.environ["S3_LOCATION"] = PREFIX
# Records made here queue index tasks that nothing runs: rebuild() indexes them.
os.environ["TASKS_BACKEND"] = "database"
os.environ.setdefault("ELASTICSEARCH_TIMEOUT", "60")  # a busy 2-core machine
os.environ["API_THROTTLE_ANONYMOUS"] = os.environ["API_THROTTLE_USER"] = NO_REFUSAL

import django
from _gunicorn_site import HTTPS, SECRET_KEY, free_port, production_static, start_server
from _s3 import s3_client

django.setup()

import logging

import requests
import urllib3
from boto3.s3.transfer import TransferConfig
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken

from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import Country, Language, Licence, ResourceType
from resource_hub.institutions.models import InstitutionPage
from resource_hub.institutions.services import Role, institution_create, membership_add
from resource_hub.portal.services import site_bootstrap
from resource_hub.records.models import RecordPage, TeachingResourcePage
from resource_hub.records.services import record_create_draft, record_release
from search.client import get_client, server_version
from search.lifecycle import alias_name, rebuild
from search.params import SearchParams
from search.queries import search_body

# Words for titles and abstracts of the searched records, and the queries.
WORDS = {
    "en": "rice cultivation teaching agriculture mathematics physics chemistry biology "
    "environment water soil machinery electronics computer network nursing tourism cooking",
    "vi": "lúa trồng giáo dục toán môi trường nước đất điện tử mạng du lịch",
    "id": "padi budidaya pendidikan matematika lingkungan air tanah mesin komputer pariwisata",
    "zh": "水稻 栽培 教学 农业 数学 环境 土壤 机械 计算机 护理 旅游 烹饪",
    "th": "การเกษตร ข้าว การศึกษา คณิตศาสตร์ สิ่งแวดล้อม ดิน คอมพิวเตอร์ การท่องเที่ยว",
}
LANGUAGES = list(WORDS)
SPLIT = {language: text.split() for language, text in WORDS.items()}


def load_example_client():
    """docs/api/example_client.py as a module (it is a script, not a package)."""
    path = ROOT / "docs" / "api" / "example_client.py"
    spec = importlib.util.spec_from_file_location("example_client", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the data -------------------------------------------------------------------------


def user(username: str, **extra):
    found = get_user_model().objects.filter(username=username).first()
    if found is not None:
        return found
    if extra.pop("superuser", False):
        return get_user_model().objects.create_superuser(username, f"{username}@example.org", "x")
    return get_user_model().objects.create_user(username, password="x", **extra)  # noqa: S106


def institution(admin, name: str, local: str, country: str):
    found = InstitutionPage.objects.filter(title=name).first()
    return found or institution_create(
        user=admin,
        name_en=name,
        name_local=local,
        country=Country.objects.get(code=country),
        institution_type="vocational_college",
    )


def people():
    """An administrator; a teacher and an editor of one institution (the deposit), a
    teacher of another (a reader of what the first released)."""
    admin = user("bench-api-admin", superuser=True)
    site_bootstrap()
    home = institution(admin, "API Benchmark College", "วิทยาลัยเกณฑ์มาตรฐาน", "TH")
    other = institution(admin, "API Benchmark University", "Đại học Đo lường", "VN")
    teacher, editor, reader = (
        user("bench-api-teacher"),
        user("bench-api-editor"),
        user("bench-api-reader"),
    )
    for member, place, role in (
        (teacher, home, Role.TEACHER),
        (editor, home, Role.EDITOR),
        (reader, other, Role.TEACHER),
    ):
        if not member.groups.exists():
            membership_add(user=admin, member=member, institution=place, role=role)
    return admin, home, teacher, editor, reader


def released_records(admin, place, count: int) -> list[int]:
    """`count` released records in `place`, made with the record services (reused)."""
    existing = list(
        RecordPage.objects.child_of(place)
        .live()
        .filter(owner=admin)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    languages = {language.code: language for language in Language.objects.all()}
    resource_type = ResourceType.objects.filter(applies_to="material").first()
    licence = Licence.objects.get(code="CC-BY-4.0")
    started = time.perf_counter()
    made = 0
    for n in range(len(existing), count):
        language = LANGUAGES[n % len(LANGUAGES)]
        words = SPLIT[language]
        joiner = "" if language in ("zh", "th") else " "
        title = joiner.join(words[(n * k + 3) % len(words)] for k in (1, 2, 5))
        abstract = joiner.join(words[(n * k + 1) % len(words)] for k in range(1, 12))
        record = record_create_draft(
            user=admin,
            institution=place,
            record_class=TeachingResourcePage,
            title=f"{title} {n}",
            abstract=abstract,
            keywords=[words[n % len(words)], SPLIT["en"][n % len(SPLIT["en"])]],
            language=languages.get(language) or languages["en"],
            resource_type=resource_type,
            licence=licence,
            year=2020 + n % 7,
            creators=[{"name": f"Author {n}"}],
        )
        record_release(user=admin, record=record)
        existing.append(record.pk)
        made += 1
    if made:
        rate = made / (time.perf_counter() - started)
        print(f"made {made} released records with the record services ({rate:.1f}/s)")
    return existing[:count]


def queries(count: int) -> list[str]:
    words = [word for language in LANGUAGES for word in SPLIT[language]]
    return [words[(n * 7) % len(words)] for n in range(count)]


# --- timing ---------------------------------------------------------------------------


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def row(label: str, samples: list[float], base: list[float] | None = None, name: str = "") -> None:
    text = f"{label:<58} p50 {statistics.median(samples):7.2f} ms   p95 {p95(samples):7.2f} ms"
    if base:
        ratio = statistics.median(samples) / statistics.median(base)
        text += f"   / {name}: p50 {ratio:5.2f}x  p95 {p95(samples) / p95(base):5.2f}x"
    print(text)


def interleaved(paths: dict, rounds: int, warm_up: int = 10) -> dict[str, list[float]]:
    """Call every path once per round, in turn, so they share the machine's noise."""
    for n in range(min(warm_up, rounds)):
        for fn in paths.values():
            fn(n)
    timings = {name: [] for name in paths}
    for n in range(rounds):
        for name, fn in paths.items():
            started = time.perf_counter()
            fn(n)
            timings[name].append((time.perf_counter() - started) * 1000)
    return timings


# --- 3. the deposit ---------------------------------------------------------------------


STEPS = {
    "draft": "vocabularies + POST /records (the draft)",
    "start": "upload: collections, start, sign the parts",
    "parts": "upload: PUT the parts straight to the bucket",
    "complete": "upload: complete (assemble, re-read + hash, copy, text)",
    "attach": "attach the file + submit",
    "release": "release (editor's token; indexes the record)",
    "find": "find it: GET /records?q=",
    "client": "the script itself (makes the file, SHA-256, waits)",
}


def deposit_timed(client_module, base: str, teacher: str, editor: str, size: int):
    """deposit() as a script runs it; the API calls' times recorded on the way."""
    calls = []
    original = client_module.Api.call

    def call(self, method, path, expect=200, **kwargs):
        started = time.perf_counter()
        try:
            return original(self, method, path, expect, **kwargs)
        finally:
            calls.append((method, path, started, time.perf_counter()))

    client_module.Api.call = call
    try:
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            released = client_module.deposit(base, teacher, editor, size)
        total = time.perf_counter() - started
    finally:
        client_module.Api.call = original
    steps = dict.fromkeys(STEPS, 0.0)
    for n, (method, path, begun, ended) in enumerate(calls):
        if path.endswith("/parts"):  # then the parts go to the bucket until /complete
            steps["start"] += ended - begun
            steps["parts"] += calls[n + 1][2] - ended
        elif path.endswith("/complete"):
            steps["complete"] += ended - begun
        elif path.endswith("/release"):
            steps["release"] += ended - begun
        elif path == "/records" and method == "GET":
            steps["find"] += ended - begun
        elif path.startswith("/records/"):
            steps["attach"] += ended - begun
        elif path.startswith("/uploads"):
            steps["start"] += ended - begun
        else:
            steps["draft"] += ended - begun
    steps["client"] = total - sum(steps.values())
    return released, total, steps


def upload_boto3(client, path: Path, part_size: int) -> float:
    config = TransferConfig(multipart_threshold=part_size, multipart_chunksize=part_size)
    key = f"{PREFIX}/bench/{uuid.uuid4().hex}/{path.name}"
    started = time.perf_counter()
    client.upload_file(str(path), settings.S3_BUCKET, key, Config=config)
    return time.perf_counter() - started


def clean_bucket(client) -> int:
    """Every object and unfinished upload under the benchmark's key prefix."""
    removed = 0
    paginator = client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=settings.S3_BUCKET, Prefix=f"{PREFIX}/"):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=settings.S3_BUCKET, Key=item["Key"])
            removed += 1
    uploads = client.list_multipart_uploads(Bucket=settings.S3_BUCKET, Prefix=f"{PREFIX}/")
    for upload in uploads.get("Uploads", []):
        client.abort_multipart_upload(
            Bucket=settings.S3_BUCKET, Key=upload["Key"], UploadId=upload["UploadId"]
        )
    return removed


# --- the run ----------------------------------------------------------------------------


def forget_deposits(teacher) -> int:
    """Delete the records deposits left in the benchmark's database (their document rows
    stay: their objects went with the bucket prefix of their run)."""
    deposited = list(RecordPage.objects.filter(owner=teacher))
    for record in deposited:
        record.delete()
    return len(deposited)


def count_queries(record_id: int, reader: str, author: str) -> list[tuple[str, int, int]]:
    """SQL queries of one GET /api/v1/records/{id}, in this process, after one warm-up:
    (who, all queries, those of the rate limiter)."""
    table = "api_ratewindow"
    browser = Client(HTTP_HOST="127.0.0.1")
    url = f"/api/v1/records/{record_id}"
    counts = []
    for name, headers in (
        ("anonymous", {}),
        ("a teacher's token (another institution)", {"HTTP_AUTHORIZATION": f"Bearer {reader}"}),
        ("the author's token", {"HTTP_AUTHORIZATION": f"Bearer {author}"}),
    ):
        answer = browser.get(url, **headers)
        assert answer.status_code == 200, answer.content[:300]
        for label, extra, status in (
            (name, {}, 200),
            (f"{name}, 304", {"HTTP_IF_NONE_MATCH": answer.headers["ETag"]}, 304),
        ):
            with CaptureQueriesContext(connection) as captured:
                again = browser.get(url, **headers, **extra)
            assert again.status_code == status, again.status_code
            sql = [query["sql"] for query in captured.captured_queries]
            limiter = sum(table in text for text in sql)
            counts.append((label, len(sql), limiter))
    return counts


def main() -> None:
    client = get_client()
    if client is None or not settings.S3_BUCKET:
        raise SystemExit("run `make services` first (PostgreSQL, Elasticsearch, S3 server)")
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    call_command("migrate", verbosity=0)
    settings.SECRET_KEY = SECRET_KEY  # the server checks the tokens made here
    example_client = load_example_client()
    s3 = s3_client()
    server = None
    made_tokens = []
    static_folder = tempfile.TemporaryDirectory(prefix=f"{PREFIX}-")
    try:
        admin, home, teacher, editor, reader = people()
        forget_deposits(teacher)  # so the index holds the same records on every run
        record_ids = released_records(admin, home, ARGS.records)
        started = time.perf_counter()
        indexed = rebuild()
        print(
            f"Elasticsearch {server_version()}, index prefix {PREFIX}: indexed "
            f"{indexed.indexed} released records in {time.perf_counter() - started:.1f} s"
        )
        tokens = {}
        for name, person in (("teacher", teacher), ("editor", editor), ("reader", reader)):
            token_row, tokens[name] = APIToken.create_token(user=person, name=f"bench {PREFIX}")
            made_tokens.append(token_row.pk)

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server_env = {
            "TASKS_BACKEND": "immediate",
            # deposit() speaks plain HTTP to the loopback, with no proxy header.
            "SECURE_SSL_REDIRECT": "0",
            "SITE_BASE_URL": base,
        }
        server_env = production_static(Path(static_folder.name), server_env)
        server = start_server(port, probe="/api/v1/vocabularies/resource-types", env=server_env)

        # 3. The deposit, first: its record is the one read in 1.
        part_size = settings.FILES_UPLOAD_PART_SIZE
        size = ARGS.size_mib * MIB
        deposits, uploads, all_steps = [], [], []
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "soil-moisture-notes.txt"
            path.write_bytes(example_client.lesson_file(size))  # the bytes deposit() sends
            small = Path(folder) / "warm-up.txt"
            small.write_bytes(example_client.lesson_file(MIB))
            # Warm-up, not measured: every call of the deposit once, and boto3's first call.
            upload_boto3(s3, small, part_size)
            deposit_timed(example_client, base, tokens["teacher"], tokens["editor"], MIB)
            for _ in range(ARGS.deposits):
                uploads.append(upload_boto3(s3, path, part_size))
                released, total, steps = deposit_timed(
                    example_client, base, tokens["teacher"], tokens["editor"], size
                )
                deposits.append(total)
                all_steps.append(steps)
        record_id = released["id"]

        # 1. One record.
        print(f"record {record_id}: {released['title']}")
        counts = count_queries(record_id, tokens["reader"], tokens["teacher"])
        anonymous = requests.Session()
        anonymous.headers.update(HTTPS)
        sessions = {}
        for name in ("reader", "teacher"):
            sessions[name] = requests.Session()
            sessions[name].headers.update({**HTTPS, "Authorization": f"Bearer {tokens[name]}"})
        api_url = f"{base}/api/v1/records/{record_id}"
        first = anonymous.get(api_url, timeout=30)
        assert first.status_code == 200, first.text[:300]
        etag = first.headers["ETag"]
        stable = anonymous.get(f"{base}/r/{record_id}", allow_redirects=False, timeout=30)
        assert stable.status_code in (301, 302), stable.status_code
        page_url = base + urlsplit(stable.headers["Location"]).path
        page = anonymous.get(page_url, timeout=30)
        assert page.status_code == 200, (page.status_code, page.text[:300])
        json_bytes, page_bytes = len(first.content), len(page.content)

        def get(session, url, status=200, **headers):
            def fn(_n):
                answer = session.get(url, headers=headers, timeout=30)
                assert answer.status_code == status, (answer.status_code, answer.text[:300])

            return fn

        record_timings = interleaved(
            {
                "anonymous": get(anonymous, api_url),
                "reader": get(sessions["reader"], api_url),
                "author": get(sessions["teacher"], api_url),
                "page": get(anonymous, page_url),
                "304": get(anonymous, api_url, 304, **{"If-None-Match": etag}),
            },
            ARGS.requests,
        )

        # 2. Search.
        viewer = viewer_of(AnonymousUser())
        http = urllib3.PoolManager(maxsize=4)
        es_url = f"{settings.ELASTICSEARCH_URL.rstrip('/')}/{alias_name()}/_search"
        words = queries(ARGS.queries)
        bodies = [json.dumps(search_body(SearchParams(q=q, viewer=viewer))) for q in words]
        totals = {}  # hits per query

        def raw(n):
            answer = http.request(
                "POST", es_url, body=bodies[n], headers={"Content-Type": "application/json"}
            )
            assert answer.status == 200, answer.data[:300]
            totals[n] = json.loads(answer.data)["hits"]["total"]["value"]

        def endpoint(path):
            def fn(n):
                answer = anonymous.get(f"{base}{path}", params={"q": words[n]}, timeout=60)
                assert answer.status_code == 200, answer.text[:300]
                assert not answer.json()["degraded"]

            return fn

        search_timings = interleaved(
            {
                "raw": raw,
                "records": endpoint("/api/v1/records"),
                "search": endpoint("/api/v1/search"),
            },
            len(words),
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        # The services first: nothing of ours may stay there, whatever failed.
        names = list(client.indices.get(index=f"{PREFIX}-*", expand_wildcards="all"))
        if names:  # by name: a wildcard delete is refused by default
            client.indices.delete(index=",".join(names))
        removed = clean_bucket(s3)
        print(
            f"deleted the benchmark indices ({', '.join(names) or 'none'}) and "
            f"{removed} objects under {settings.S3_BUCKET}/{PREFIX}/"
        )
        static_folder.cleanup()
        APIToken.objects.filter(pk__in=made_tokens).delete()

    print()
    print(
        f"1. GET /api/v1/records/{{id}}, {ARGS.requests} requests per path, interleaved "
        f"(gunicorn, production settings; JSON {json_bytes / 1024:.1f} KiB, "
        f"page {page_bytes / 1024:.1f} KiB)"
    )
    page_samples = record_timings["page"]
    row("HTML page (where /r/<id> sends a visitor), anonymous", page_samples)
    row("JSON, anonymous", record_timings["anonymous"], page_samples, "page")
    row(
        "JSON, teacher's API token (another institution)",
        record_timings["reader"],
        page_samples,
        "page",
    )
    row(
        "JSON, the author's API token (latest draft + state)",
        record_timings["author"],
        page_samples,
        "page",
    )
    row("JSON, If-None-Match -> 304, anonymous", record_timings["304"], page_samples, "page")
    print("SQL queries of one GET (in this process, after a warm-up):")
    for name, total, limiter in counts:
        print(f"{'   ' + name:<58} {total:3d}   ({limiter} of them the rate limiter's cache)")
    print()
    hits = list(totals.values())
    print(
        f"2. search, {len(words)} one-word queries on {len(record_ids)} released records, "
        f"anonymous, interleaved; hits per query: median {statistics.median(hits):.0f}, "
        f"max {max(hits)}"
    )
    row("raw: search_body() POSTed to _search (urllib3)", search_timings["raw"])
    row("GET /api/v1/records?q=", search_timings["records"], search_timings["raw"], "raw")
    row("GET /api/v1/search?q=", search_timings["search"], search_timings["raw"], "raw")
    print()
    mib = size / MIB
    ours, base_seconds = statistics.median(deposits), statistics.median(uploads)
    print(
        f"3. deposit of a {mib:.0f} MiB file, {ARGS.deposits} runs (median; "
        f"part size {part_size // MIB} MiB; S3 server {settings.S3_ENDPOINT_URL})"
    )
    print(
        f"{'example_client.deposit(): draft ... found by search':<58} {ours:7.2f} s  "
        f"{mib / ours:7.1f} MiB/s   (runs: {', '.join(f'{s:.2f}' for s in deposits)} s)"
    )
    for name, label in STEPS.items():
        seconds = statistics.median(steps[name] for steps in all_steps)
        print(f"{'   ' + label:<58} {seconds:7.2f} s")
    print(
        f"{'boto3 upload_file, same bytes and part size (baseline)':<58} {base_seconds:7.2f} s  "
        f"{mib / base_seconds:7.1f} MiB/s   (runs: {', '.join(f'{s:.2f}' for s in uploads)} s)"
    )
    print(f"{'deposit / upload (time)':<58} {ours / base_seconds:7.2f}x")


if __name__ == "__main__":
    main()
