"""Fifty people at once: visitors searching, browsing and downloading, teachers
depositing 20 MiB files through the direct-upload API, editors releasing. Locust,
headless, against gunicorn with production settings and the real services.
Figures, not a test.

Run with `make load` (installs locust's dependency group, starts the services),
or directly once `make services` has run and `uv sync --group load` installed locust:

    .venv/bin/python bench/load.py [--users 50] [--teachers 7] [--editors 3]
        [--duration 120] [--size-mib 20] [--web-workers 2] [--task-workers 1]

In one run:
1. A site of its own: a fresh database (`--database`, dropped and made again),
   a fresh index prefix and bucket key prefix (`bench-<random>`, deleted at
   the end), migrated, with the demo content (`load_demo`, 300 records, their
   files in the bucket) and its search index; an API token for a teacher and
   an editor of `--editors` institutions.
2. The site under gunicorn with production settings and deploy/gunicorn.conf.py
   (two processes of four threads per core, keep-alive as behind nginx),
   background tasks on the database queue run by `--task-workers` workers
   (`manage.py worker`), as deploy/ sets it up.
3. Baseline: the same number of users fetching /robots.txt, the least work a
   request to the site does (gunicorn, Django's middleware, a small view): what
   this machine serves when the pages themselves cost nothing. (Static files
   are nginx's, deploy/nginx, and not served by gunicorn in production.)
4. The scenario (bench/_locustfile.py) for `--duration` seconds, then every
   user finishes what it was doing (a deposit in flight is completed).
5. After the run: the task queue is drained; every deposit is checked (its
   record, its file's row and object, and its released state when an editor
   released it); `manage.py files_audit` reads every object back and compares
   SHA-256 and size; `manage.py search_index verify` compares the index with
   the released records. Lost rows or objects, and errors, are reported.
"""

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resource_hub.settings.dev")

MIB = 1024 * 1024
PREFIX = f"bench-{uuid.uuid4().hex[:8]}"
NO_REFUSAL = "1000000/m"  # the rate limits stay in the path but never refuse


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50, help="concurrent users in all")
    parser.add_argument("--teachers", type=int, default=7, help="of them, depositing teachers")
    parser.add_argument("--editors", type=int, default=3, help="of them, releasing editors")
    parser.add_argument("--duration", type=int, default=120, help="seconds of load")
    parser.add_argument("--baseline", type=int, default=30, help="seconds of the baseline")
    parser.add_argument("--spawn-rate", type=float, default=10, help="users started per second")
    parser.add_argument("--size-mib", type=int, default=20, help="size of each deposited file")
    parser.add_argument(
        "--web-workers",
        type=int,
        default=None,
        help="gunicorn worker processes (default: deploy/gunicorn.conf.py's, two per core)",
    )
    parser.add_argument("--task-workers", type=int, default=1, help="background task workers")
    parser.add_argument("--database", default="rh_bench_load", help="PostgreSQL database")
    args = parser.parse_args()
    if args.teachers + args.editors >= args.users:
        parser.error("--users must leave room for visitors beside --teachers and --editors")
    return args


from _database import own_database

ARGS = parse_args()
os.environ["DATABASE_URL"] = own_database(ARGS.database, fresh=True)
os.environ["ELASTICSEARCH_INDEX_PREFIX"] = PREFIX
os.environ["S3_LOCATION"] = PREFIX
os.environ.setdefault("ELASTICSEARCH_TIMEOUT", "30")
os.environ["API_THROTTLE_ANONYMOUS"] = os.environ["API_THROTTLE_USER"] = NO_REFUSAL

import django
from _gunicorn_site import SECRET_KEY, free_port, production_static, start_server
from _s3 import s3_client

django.setup()

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from wagtail.models import APIToken

from resource_hub.access.documents import upload_collections
from resource_hub.access.records import is_public, visible_records
from resource_hub.core.vocabularies import EducationLevel, ResourceType, SubjectField
from resource_hub.files.models import ResourceDocument
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.models import RecordPage

LOCUSTFILE = ROOT / "bench" / "_locustfile.py"


def manage(*command: str, env: dict | None = None, check: bool = True):
    """A manage.py command in its own process (output captured); fails the run when it
    fails, unless `check` is false."""
    done = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )
    if check and done.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return done


def prepare_site() -> float:
    """Migrate, bootstrap and load the demo content with tasks run inline; seconds taken."""
    started = time.perf_counter()
    inline = {"TASKS_BACKEND": "immediate"}
    manage("migrate", "--noinput", env=inline)
    manage("bootstrap_site", env=inline)
    manage("load_demo", env=inline)
    manage("search_index", "rebuild", "--no-progress", env=inline)
    return time.perf_counter() - started


def plan(folder: Path) -> Path:
    """What locust needs: tokens, the pages and files a visitor may open, queries, a record."""
    User = get_user_model()
    settings.SECRET_KEY = SECRET_KEY  # the server checks the tokens made here with its key
    rows = []
    for institution in InstitutionPage.objects.live().order_by("pk"):
        teacher = User.objects.filter(username=f"teacher.{institution.slug}").first()
        editor = User.objects.filter(username=f"editor.{institution.slug}").first()
        collections = upload_collections(teacher) if teacher else []
        if teacher is None or editor is None or not collections:
            continue
        rows.append(
            {
                "slug": institution.slug,
                "teacher_token": APIToken.create_token(user=teacher, name="load")[1],
                "editor_token": APIToken.create_token(user=editor, name="load")[1],
                "collection": collections[0].pk,
            }
        )
        if len(rows) == ARGS.editors:
            break
    if len(rows) < ARGS.editors:
        raise SystemExit(f"the demo content has {len(rows)} institutions with both accounts")
    released = list(visible_records(AnonymousUser()).specific().order_by("pk"))
    pages = [record.url for record in released]
    downloads = [
        f"/files/{item.document_id}/download?record={record.pk}"
        for record in released
        if is_public(record)
        for item in record.files.all()[:1]
    ]
    # Queries as people type them: the first word or two of titles, in every language.
    queries = sorted({" ".join(record.title.split()[:2])[:24] for record in released[::7]})
    countries = sorted({str(c) for c in InstitutionPage.objects.values_list("country", flat=True)})
    facets = [{"country": code} for code in countries[:6]] + [
        {"record_type": "achievement"},
        {"has_files": "true"},
    ]
    record = {
        "kind": "material",
        "title": "Kỹ thuật trồng lúa — Rice growing (load test)",
        "abstract": "Lesson plans for the first year of crop production.",
        "year": 2026,
        "language": "vi",
        "resource_type": ResourceType.objects.active().filter(applies_to="material")[0].code,
        "licence": "CC-BY-4.0",
        "subject": SubjectField.objects.active().filter(level="detailed")[0].code,
        "levels": [EducationLevel.objects.active()[0].code],
        "creators": [{"name": "Nguyễn Văn An"}],
        "access_level": "public",
    }
    path = folder / "plan.json"
    path.write_text(
        json.dumps(
            {
                "institutions": rows,
                "editors": ARGS.editors,
                "pages": pages,
                "downloads": downloads,
                "queries": queries,
                "facets": facets,
                "record": record,
                "size": ARGS.size_mib * MIB,
                "results": str(folder / "results.json"),
            }
        )
    )
    print(
        f"plan: {len(pages)} record pages, {len(downloads)} open files, {len(queries)} queries, "
        f"{len(rows)} institutions depositing"
    )
    return path


def locust(
    base: str, folder: Path, name: str, classes: list[str], users: int, seconds: int, env: dict
):
    """One headless locust run; its per-request rows from the CSV locust writes."""
    subprocess.run(  # noqa: S603 - locust from the project's environment
        [
            str(Path(sys.executable).with_name("locust")),
            "-f",
            str(LOCUSTFILE),
            "--headless",
            "--only-summary",
            f"--users={users}",
            f"--spawn-rate={ARGS.spawn_rate}",
            f"--run-time={seconds}s",
            "--stop-timeout=300",  # a deposit in flight is finished, not cut
            f"--host={base}",
            f"--csv={folder / name}",
            "--loglevel=WARNING",
            *classes,
        ],
        cwd=ROOT / "bench",
        env={**os.environ, **env},
        check=False,  # locust exits 1 when any request failed: reported below
    )
    with (folder / f"{name}_stats.csv").open(encoding="utf-8") as rows:
        return list(csv.DictReader(rows))


def drain_tasks(env: dict, timeout: float = 900) -> int:
    """Run the queue empty (what the workers had not done yet); tasks left."""
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + timeout
    while DBTaskResult.objects.ready().exists() and time.monotonic() < deadline:
        manage("worker", "--batch", env=env)
    return DBTaskResult.objects.ready().count()


def check_deposits(results: dict) -> list[str]:
    """Every deposit's record and file exist, each released one is live; what is wrong."""
    wrong = []
    s3 = s3_client()
    for deposit in results["deposited"]:
        record = RecordPage.objects.filter(pk=deposit["record"]).first()
        document = ResourceDocument.objects.filter(pk=deposit["document"]).first()
        if record is None or document is None:
            wrong.append(f"deposit {deposit}: row missing")
            continue
        if not record.specific.files.filter(document=document).exists():
            wrong.append(f"record {record.pk}: its file is not attached")
        key = f"{PREFIX}/{document.file.name}"
        size = s3.head_object(Bucket=settings.S3_BUCKET, Key=key)["ContentLength"]
        if size != document.size:
            wrong.append(
                f"document {document.pk}: object of {size} bytes, row says {document.size}"
            )
    for pk in results["released"]:
        if not RecordPage.objects.filter(pk=pk, live=True).exists():
            wrong.append(f"record {pk}: released but not live")
    return wrong


def row(rows: list[dict], name: str = "Aggregated") -> dict:
    return next((r for r in rows if r["Name"] == name), {})


def report(baseline: list[dict], scenario: list[dict], users: int) -> None:
    def line(label, r):
        if not r:
            return
        failures = int(r["Failure Count"])
        print(
            f"  {label:32} {int(r['Request Count']):>7} {float(r['Requests/s']):>8.1f} "
            f"{r['50%']:>7} {r['95%']:>7} {r['99%']:>7} {failures:>7}"
        )

    print(f"\n{users} users; response times in ms (locust's percentiles)")
    print(
        f"  {'request':32} {'count':>7} {'req/s':>8} {'p50':>7} {'p95':>7} {'p99':>7} {'errors':>7}"
    )
    line("baseline: /robots.txt", row(baseline))
    for r in sorted(scenario, key=lambda r: r["Name"]):
        if r["Name"] != "Aggregated":
            line(r["Name"], r)
    line("all of the scenario", row(scenario))


def cleanup() -> None:
    from search.client import get_client

    get_client().indices.delete(index=f"{PREFIX}-*", ignore_unavailable=True)
    s3 = s3_client()
    for page in s3.get_paginator("list_objects_v2").paginate(
        Bucket=settings.S3_BUCKET, Prefix=f"{PREFIX}/"
    ):
        keys = [{"Key": item["Key"]} for item in page.get("Contents", [])]
        if keys:
            s3.delete_objects(Bucket=settings.S3_BUCKET, Delete={"Objects": keys})


def main() -> None:
    if shutil.which("locust", path=str(Path(sys.executable).parent)) is None:
        raise SystemExit("locust is not installed: run `make load` (uv sync --group load)")
    if not (settings.ELASTICSEARCH_URL and settings.S3_BUCKET):
        raise SystemExit("run `make services` first (PostgreSQL, Elasticsearch, S3 server)")
    folder = Path(tempfile.mkdtemp(prefix="rh-load-"))
    servers = []
    try:
        print(f"preparing the site (database {ARGS.database}, prefix {PREFIX}) ...")
        print(f"  demo content and index in {prepare_site():.0f} s")
        plan_path = plan(folder)
        env = production_static(folder, {"TASKS_BACKEND": "database"})
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        servers.append(
            start_server(port, probe="/healthz", env=env, workers=ARGS.web_workers, deployed=True)
        )
        for _n in range(ARGS.task_workers):
            servers.append(
                subprocess.Popen(  # noqa: S603 - our own manage.py
                    [sys.executable, "manage.py", "worker", "--schedule-interval=10"],
                    cwd=ROOT,
                    env={**os.environ, **env},
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        locust_env = {
            "LOAD_PLAN": str(plan_path),
            "LOAD_TEACHERS": str(ARGS.teachers),
            "LOAD_EDITORS": str(ARGS.editors),
        }
        load_before = os.getloadavg()[0]
        print(f"baseline: {ARGS.users} users, /robots.txt, {ARGS.baseline} s ...")
        baseline = locust(
            base, folder, "baseline", ["Baseline"], ARGS.users, ARGS.baseline, {**locust_env}
        )
        print(f"scenario: {ARGS.users} users for {ARGS.duration} s ...")
        scenario = locust(
            base,
            folder,
            "scenario",
            ["Visitor", "Teacher", "Editor"],
            ARGS.users,
            ARGS.duration,
            locust_env,
        )
        load_after = os.getloadavg()[0]
        results = json.loads((folder / "results.json").read_text())
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=60)

    left = drain_tasks(env)
    wrong = check_deposits(results)
    audit = manage("files_audit", "--json", "--no-progress", check=False)
    verify = manage("search_index", "verify", "--json", "--no-progress", check=False)
    report(baseline, scenario, ARGS.users)
    total = row(scenario)
    print(
        f"\ndeposits: {len(results['deposited'])} of {ARGS.size_mib} MiB completed "
        f"({results['failed_deposits']} failed), {len(results['released'])} released, "
        f"{sum(len(v) for v in results['unreleased'].values())} left submitted"
    )
    print(
        f"errors: {total.get('Failure Count', '?')} of {total.get('Request Count', '?')} requests"
    )
    print(f"tasks left after draining: {left}")
    print(f"lost or wrong after the run: {len(wrong)}" + "".join(f"\n  {w}" for w in wrong))
    audited = json.loads(audit.stdout or "{}")
    print(
        f"files_audit: {audited.get('checked', '?')} files read back, "
        f"{len(audited.get('problems', []))} problems (exit {audit.returncode})"
    )
    print(
        f"search_index verify (exit {verify.returncode}): {' '.join(verify.stdout.split())[:400]}"
    )
    print(
        f"load average (1 min): {load_before:.2f} before the baseline, {load_after:.2f} at the end"
    )
    for name in ("baseline", "scenario"):
        failures = (folder / f"{name}_failures.csv").read_text().splitlines()[1:]
        if failures:
            print(f"\n{name} failures:\n" + "\n".join(failures)[:3000])
    cleanup()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
