"""Usage statistics: what recording costs a download and a record page, and aggregating one
million raw events. Figures, not a test.

Run with `make bench` (which starts the services), or directly once
`make services` has run:

    .venv/bin/python bench/stats.py [--requests 300] [--events 1000000]
        [--database rh_bench_stats]

What it makes lives apart from the site's own data: a database of its own
(`--database`, created when missing, its usage tables emptied first) and a
fresh key prefix in the bucket (`S3_LOCATION=bench-<random>`), whose object is
deleted at the end.

1. **Recording** (issue 15's target: under 1 ms median added). One released
   record with one small file. Two copies of the site under gunicorn with
   production settings (one worker process, four threads each, as files.py),
   the same code and database, one with `STATS_RECORDING=0`. Interleaved
   request by request, as an anonymous browser (a Chrome user agent, no
   cookie): the record page, and `GET /files/<id>/download?record=<id>` (the
   redirect only). Each recorded request writes one raw event (the server's
   INSERT); the unrecorded one writes none (checked at the end).
2. **Aggregating** `--events` raw events of one day (2,000 records, 60,000
   visitors, a third of them with a session cookie, views and downloads,
   double clicks included) with `manage.py stats_aggregate` in a process of its
   own (its peak memory read from /proc), against the baseline of the same
   events counted by PostgreSQL alone (`GROUP BY record, metric`: totals
   without COUNTER's rules) in the same run.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resource_hub.settings.dev")

PREFIX = f"bench-{uuid.uuid4().hex[:8]}"
CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0 Safari/537.36"
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="requests of each kind")
    parser.add_argument("--events", type=int, default=1_000_000, help="raw events to aggregate")
    parser.add_argument("--database", default="rh_bench_stats", help="PostgreSQL database")
    return parser.parse_args()


from _database import own_database

ARGS = parse_args()
os.environ["DATABASE_URL"] = own_database(ARGS.database)
os.environ["S3_LOCATION"] = PREFIX
os.environ["TASKS_BACKEND"] = "database"  # derivatives and indexing queued, not run

import django
from _gunicorn_site import HTTPS, SECRET_KEY, free_port, start_server

django.setup()

import requests
from _records import bench_admin, bench_institution, teaching_resource
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation

from resource_hub.files.services import document_create
from resource_hub.records.services import file_attach, record_release
from resource_hub.stats.models import AggregatedDay, DailyUsage, UsageEvent


def make_record():
    admin = bench_admin("stats")
    institution = bench_institution(admin, f"Statistics Benchmark College {PREFIX}", "统计基准学院")
    record = teaching_resource(
        admin,
        institution,
        title="职业教育 Lesson plan for the statistics benchmark",
        abstract="A lesson plan whose views and downloads are counted.",
    )
    document = document_create(
        user=admin,
        collection=institution.collection,
        file=ContentFile(b"lesson notes\n" * 100, name="lesson-notes.txt"),
    )
    file_attach(user=admin, record=record, document=document)
    record_release(user=admin, record=record)
    record.refresh_from_db()
    return admin, institution, record, document


def midnight(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, clock_time.min))


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def collect_static() -> None:
    """The record page under production settings names its CSS and scripts by their hashed
    names (the manifest), as a deployment's `collectstatic` makes them (into /static/)."""
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity=0"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "resource_hub.settings.production",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
        },
        check=True,
    )


def measure_recording(record, document, count: int) -> dict:
    collect_static()
    ports = {"recorded": free_port(), "not recorded": free_port()}
    servers = {
        "recorded": start_server(
            ports["recorded"], probe="/robots.txt", env={"STATS_RECORDING": "1"}
        ),
        "not recorded": start_server(
            ports["not recorded"], probe="/robots.txt", env={"STATS_RECORDING": "0"}
        ),
    }
    with translation.override("en"):
        page_url = record.url
    paths = {
        "record page": page_url,
        "download": f"/files/{document.pk}/download?record={record.pk}",
    }
    headers = {**HTTPS, "User-Agent": CHROME}
    timings = {(path, mode): [] for path in paths for mode in servers}
    try:
        sessions = {mode: requests.Session() for mode in servers}
        for session in sessions.values():
            session.headers.update(headers)
        for mode, session in sessions.items():  # warm-up, and the answers are right
            base = f"http://127.0.0.1:{ports[mode]}"
            for _ in range(20):
                page = session.get(base + paths["record page"], allow_redirects=False)
                download = session.get(base + paths["download"], allow_redirects=False)
            if page.status_code != 200 or download.status_code != 302:
                raise SystemExit(
                    f"{mode}: page {page.status_code}, download {download.status_code}"
                )
            session.cookies.clear()  # anonymous, no session cookie: the cookie-less key
        UsageEvent.objects.all().delete()
        for _ in range(count):
            for path_name, path in paths.items():
                for mode, session in sessions.items():
                    start = time.perf_counter()
                    response = session.get(
                        f"http://127.0.0.1:{ports[mode]}{path}", allow_redirects=False
                    )
                    timings[(path_name, mode)].append(time.perf_counter() - start)
                    if response.status_code not in (200, 302):
                        raise SystemExit(f"{mode} {path}: {response.status_code}")
        time.sleep(0.5)  # the download's event is written after its answer is sent
    finally:
        for server in servers.values():
            server.terminate()
            server.wait(timeout=30)
    events = UsageEvent.objects.count()
    return {"timings": timings, "events": events, "expected": count * len(paths)}


def insert_events(total: int, day) -> float:
    """`total` raw events of `day` written with COPY; returns the seconds it took."""
    rng = random.Random(15)  # noqa: S311 - made-up usage, not secrets
    start_of_day = midnight(day)
    visitors = [
        (uuid.UUID(int=rng.getrandbits(128)).hex, rng.random() < 0.33) for _ in range(60_000)
    ]
    records = list(range(1, 2001))
    popularity = [1 / (rank**0.8) for rank in range(1, len(records) + 1)]  # a long tail
    table = UsageEvent._meta.db_table
    columns = "timestamp, metric, kind, record_id, document_id, visitor, by_session, agent"
    started = time.perf_counter()
    with (
        connection.cursor() as cursor,
        cursor.connection.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        written = 0
        while written < total:
            visitor, by_session = rng.choice(visitors)
            moment = start_of_day + timedelta(seconds=rng.uniform(0, 86_399))
            for record_id in rng.choices(records, popularity, k=rng.randint(1, 6)):
                download = rng.random() < 0.35
                clicks = 2 if rng.random() < 0.05 else 1  # some double clicks
                for _ in range(clicks):
                    if written >= total:
                        break
                    copy.write_row(
                        (
                            moment,
                            "request" if download else "investigation",
                            "file" if download else "record",
                            record_id,
                            record_id if download else None,
                            visitor,
                            by_session,
                            "desktop",
                        )
                    )
                    written += 1
                    moment += timedelta(seconds=rng.uniform(1, 40))
    return time.perf_counter() - started


def peak_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def measure_aggregation(total: int) -> dict:
    day = timezone.localdate() - timedelta(days=2)
    UsageEvent.objects.all().delete()
    DailyUsage.objects.all().delete()
    AggregatedDay.objects.all().delete()
    load_seconds = insert_events(total, day)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {UsageEvent._meta.db_table}")

    # The baseline: PostgreSQL counts the same day's events by record and metric.
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT record_id, metric, count(*) FROM {UsageEvent._meta.db_table}"  # noqa: S608
            " WHERE timestamp >= %s AND timestamp < %s GROUP BY record_id, metric",
            [
                midnight(day),
                midnight(day + timedelta(days=1)),
            ],
        )
        baseline_rows = len(cursor.fetchall())
    baseline_seconds = time.perf_counter() - started

    command = [
        sys.executable,
        "manage.py",
        "stats_aggregate",
        f"--since={day.isoformat()}",
        f"--until={day.isoformat()}",
        "--no-prune",
    ]
    peak = [0]
    started = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - our own manage.py
        command, cwd=ROOT, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )

    def sample():
        while process.poll() is None:
            peak[0] = max(peak[0], peak_kib(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, errors = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"stats_aggregate failed:\n{errors.decode()[-2000:]}")
    counted = {
        metric: sum(DailyUsage.objects.filter(metric=metric).values_list("count", flat=True))
        for metric in DailyUsage.objects.values_list("metric", flat=True).distinct()
    }
    return {
        "load": load_seconds,
        "baseline": baseline_seconds,
        "baseline_rows": baseline_rows,
        "seconds": seconds,
        "peak_kib": peak[0],
        "rows": DailyUsage.objects.count(),
        "counted": counted,
    }


def forget(institution, document) -> None:
    document.file.delete(save=False)
    UsageEvent.objects.all().delete()
    DailyUsage.objects.all().delete()
    AggregatedDay.objects.all().delete()
    for page in institution.get_descendants(inclusive=True).specific().order_by("-depth"):
        page.delete()


def main() -> None:
    load = os.getloadavg()
    if not settings.S3_BUCKET:
        raise SystemExit("S3 is not configured: run `make services` first (or `make bench`)")
    call_command("migrate", verbosity=0)
    settings.SECRET_KEY = SECRET_KEY
    _admin, institution, record, document = make_record()
    try:
        recording = measure_recording(record, document, ARGS.requests)
        aggregation = measure_aggregation(ARGS.events)
    finally:
        forget(institution, document)

    print(f"load average (1 min) at the start / end: {load[0]:.2f} / {os.getloadavg()[0]:.2f}")
    print(f"{ARGS.requests} requests of each kind, interleaved; medians")
    print(f"{'what':<44} {'recorded':>10} {'not':>10} {'added':>10}")
    for path in ("record page", "download"):
        ours = median_ms(recording["timings"][(path, "recorded")])
        base = median_ms(recording["timings"][(path, "not recorded")])
        print(f"{path:<44} {ours:8.2f} ms {base:7.2f} ms {ours - base:+8.2f} ms   (target < 1 ms)")
    print(
        f"{'raw events written (recorded server only)':<44} {recording['events']:>10}"
        f"   (expected {recording['expected']})"
    )
    result = aggregation
    print()
    print(
        f"aggregating {ARGS.events:,} raw events of one day"
        f" (loaded with COPY in {result['load']:.1f} s)"
    )
    print(
        f"{'manage.py stats_aggregate (COUNTER rules)':<44} {result['seconds']:8.2f} s"
        f"   {ARGS.events / result['seconds']:,.0f} events/s"
        f"   peak {result['peak_kib'] / 1024:.1f} MiB"
    )
    print(
        f"{'baseline: GROUP BY record, metric in SQL':<44} {result['baseline']:8.2f} s"
        f"   ({result['baseline_rows']:,} rows, totals only)"
    )
    print(f"{'daily rows written':<44} {result['rows']:>10,}")
    for metric, count in sorted(result["counted"].items()):
        print(f"   {metric:<41} {count:>10,}")


if __name__ == "__main__":
    main()
