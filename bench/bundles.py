""" "Download all files" of a 2 GiB collection through the site vs a raw GET of the same
bytes from the bucket, with the Django worker's memory sampled. Figures, not a test.

Run with `make bench` (which starts the services), or directly once
`make services` has run:

    .venv/bin/python bench/bundles.py [--files 8] [--size-mib 256] [--rounds 2]
        [--database rh_bench_bundles]

What it makes lives apart from the site's own data: a database of its own
(`--database`, created when missing) and a fresh key prefix in the bucket
(`S3_LOCATION=bench-<random>`), whose objects are deleted at the end, with the
institution, records and collection made here. `--files` files of
`--size-mib` each (random bytes, so nothing compresses by accident) are put
into the bucket once with boto3 and attached, one per released teaching
resource, to one curated collection.

The site runs under gunicorn with production settings (one worker process,
four threads, as files.py). Then, interleaved for `--rounds`:

- ours: `GET /bundles/collections/<id>/files.zip` as an anonymous visitor,
  read in 1 MiB chunks and thrown away (the bytes are counted, and must equal
  the announced Content-Length); the worker's RSS is sampled every 50 ms;
- baseline: a GET of each object through a signed URL, in the same order,
  read the same way: the same bytes straight from the bucket.

Before the first round, one HEAD of the ZIP lets the worker make its S3 client,
as the baseline's client is made (and its URLs signed) before its clock starts.
"""

import argparse
import hashlib
import importlib.metadata
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resource_hub.settings.dev")

MIB = 1024 * 1024
MB = 1000 * 1000
CHUNK = MIB
PREFIX = f"bench-{uuid.uuid4().hex[:8]}"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=8, help="files in the collection")
    parser.add_argument("--size-mib", type=int, default=256, help="size of each file")
    parser.add_argument("--rounds", type=int, default=2, help="downloads of each kind")
    parser.add_argument(
        "--client",
        choices=["curl", "requests"],
        default="curl",
        help="who downloads: curl (compiled, as a browser) or Python's requests",
    )
    parser.add_argument("--database", default="rh_bench_bundles", help="PostgreSQL database")
    return parser.parse_args()


from _database import own_database

ARGS = parse_args()
os.environ["DATABASE_URL"] = own_database(ARGS.database)
os.environ["S3_LOCATION"] = PREFIX  # the server reads the same prefix
os.environ["TASKS_BACKEND"] = "database"  # index tasks queued, not run: not measured here

import django
from _gunicorn_site import HTTPS, SECRET_KEY, free_port, start_server
from _s3 import s3_client

django.setup()

import requests
from boto3.s3.transfer import TransferConfig
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models.signals import post_delete
from wagtail.documents.signal_handlers import post_delete_file_cleanup

from resource_hub.core.vocabularies import Country, Language, Licence, ResourceType
from resource_hub.files.models import ResourceDocument
from resource_hub.institutions.services import institution_create
from resource_hub.portal.services import site_bootstrap
from resource_hub.records.models import (
    CuratedCollectionItem,
    CuratedCollectionPage,
    TeachingResourcePage,
)
from resource_hub.records.services import file_attach, record_create_draft, record_release


def make_objects(client, count: int, size: int) -> list[tuple[str, str]]:
    """`count` objects of `size` random bytes under the prefix: (storage name, SHA-256)."""
    block = os.urandom(MIB)
    made = []
    config = TransferConfig(multipart_chunksize=16 * MIB, max_concurrency=4)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "part.bin"
        for n in range(count):
            digest = hashlib.sha256()
            with path.open("wb") as out:
                head = os.urandom(MIB)  # each object differs from the others
                for offset in range(0, size, MIB):
                    piece = (head if offset == 0 else block)[: min(MIB, size - offset)]
                    out.write(piece)
                    digest.update(piece)
            name = f"bench-bundles/{n:02d}/课件 lecture {n + 1}.bin"
            client.upload_file(str(path), settings.S3_BUCKET, f"{PREFIX}/{name}", Config=config)
            made.append((name, digest.hexdigest()))
    return made


def make_collection(objects: list[tuple[str, str]], size: int):
    """One institution, one released teaching resource per object, a collection of them."""
    user_model = get_user_model()
    admin = user_model.objects.filter(username="bench-bundles-admin").first()
    admin = admin or user_model.objects.create_superuser(
        "bench-bundles-admin", "bench-bundles@example.org", uuid.uuid4().hex
    )
    site_bootstrap()
    institution = institution_create(
        user=admin,
        name_en=f"Bundle Benchmark College {PREFIX}",
        name_local="打包基准学院",
        country=Country.objects.get(code="CN"),
        institution_type="vocational_college",
    )
    resource_type = ResourceType.objects.filter(applies_to="material").first()
    collection = institution.add_child(
        instance=CuratedCollectionPage(title=f"2 GiB 合集 {PREFIX}", owner=admin)
    )
    for n, (name, sha256) in enumerate(objects):
        record = record_create_draft(
            user=admin,
            institution=institution,
            record_class=TeachingResourcePage,
            title=f"课程视频 Lecture recording {n + 1}",
            abstract="A long lecture recording, for the bundle benchmark.",
            language=Language.objects.get(code="zh"),
            resource_type=resource_type,
            licence=Licence.objects.get(code="CC-BY-4.0"),
            year=2026,
            creators=[{"name": "Li Wei"}],
        )
        # The bytes are in the bucket already (put there by boto3): the row says what
        # the upload path would have measured.
        document = ResourceDocument.objects.create(
            title=f"Lecture {n + 1}",
            file=name,
            size=size,
            sha256=sha256,
            mime_type="application/octet-stream",
            original_filename=name.rsplit("/", 1)[1],
            collection=institution.collection,
            uploaded_by_user=admin,
            derivatives_state="none",
        )
        file_attach(user=admin, record=record, document=document)
        record_release(user=admin, record=record)
        CuratedCollectionItem.objects.create(collection=collection, record=record, sort_order=n)
    collection.save_revision(user=admin).publish()
    return institution, collection


def worker_pid(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    if len(children) != 1:
        raise SystemExit(f"expected one gunicorn worker, found {children}")
    return int(children[0])


def memory_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


class Sampler(threading.Thread):
    """The worker's RSS every `interval` seconds while running."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.samples: list[int] = []
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            self.samples.append(memory_kib(self.pid, "VmRSS"))
            time.sleep(self.interval)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def s3_server_pid() -> int | None:
    """The local S3Proxy's process, if this machine runs one (read from /proc), for its CPU."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if b"s3proxy" in (entry / "cmdline").read_bytes():
                    return int(entry.name)
            except OSError:
                continue
    return None


def busy_cores() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine so far, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def _share(before: tuple[float, float], after: tuple[float, float]) -> float:
    """How busy the machine's cores were between two `busy_cores()` readings (0 to 1)."""
    return (after[0] - before[0]) / max(1, after[1] - before[1])


def read_all(response) -> tuple[int, bytes]:
    total, tail = 0, b""
    for chunk in response.iter_content(CHUNK):
        total += len(chunk)
        tail = (tail + chunk)[-65536:]
    return total, tail


def fetch(urls: list[str], headers: dict) -> list[tuple[int, int]]:
    """GET each URL in turn (one connection where it can), bytes thrown away:
    (bytes received, Content-Length announced) for each."""
    if ARGS.client == "requests":
        answers = []
        with requests.Session() as session:
            for url in urls:
                with session.get(url, headers=headers, stream=True, timeout=600) as response:
                    response.raise_for_status()
                    announced = int(response.headers["Content-Length"])
                    answers.append((read_all(response)[0], announced))
        return answers
    command = ["curl", "--silent", "--show-error", "--fail"]
    for name, value in headers.items():
        command += ["--header", f"{name}: {value}"]
    command += ["--write-out", "%{size_download} %header{content-length}\n"]
    for url in urls:
        command += ["--output", "/dev/null", url]
    done = subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603
    return [tuple(int(n) for n in line.split()) for line in done.stdout.splitlines()]


def ours(url: str, pid: int) -> tuple[float, int, list[int]]:
    sampler = Sampler(pid)
    sampler.start()
    started = time.perf_counter()
    ((received, announced),) = fetch([url], HTTPS)
    elapsed = time.perf_counter() - started
    sampler.stopped.set()
    sampler.join()
    if received != announced:
        raise SystemExit(f"the ZIP is wrong: {received} bytes of {announced} announced")
    return elapsed, received, sampler.samples


def raw(client, names: list[str]) -> tuple[float, int]:
    urls = [
        client.generate_presigned_url(
            "get_object", Params={"Bucket": settings.S3_BUCKET, "Key": f"{PREFIX}/{name}"}
        )
        for name in names
    ]
    started = time.perf_counter()
    answers = fetch(urls, {})
    elapsed = time.perf_counter() - started
    if any(received != announced for received, announced in answers):
        raise SystemExit(f"a raw GET came short: {answers}")
    return elapsed, sum(received for received, _announced in answers)


def crc32_used() -> str:
    """Whose crc32 the worker gives zipstream-ng: the server runs in this environment."""
    try:
        return f"zlib-ng {importlib.metadata.version('zlib-ng')}"
    except importlib.metadata.PackageNotFoundError:
        return f"the system zlib {zlib.ZLIB_RUNTIME_VERSION} (zlib-ng is not installed)"


def clean_bucket(client) -> int:
    deleted = 0
    pages = client.get_paginator("list_objects_v2").paginate(
        Bucket=settings.S3_BUCKET, Prefix=f"{PREFIX}/"
    )
    for page in pages:
        for item in page.get("Contents", []):
            client.delete_object(Bucket=settings.S3_BUCKET, Key=item["Key"])
            deleted += 1
    return deleted


def forget(institution) -> None:
    """The pages and documents made here (the institution's groups and collection stay)."""
    documents = list(
        ResourceDocument.objects.filter(collection=institution.collection).values_list(
            "pk", flat=True
        )
    )
    institution.delete()
    # Wagtail queues each object's deletion as a task whose arguments (the storage's
    # settings) no task backend can store; the objects are gone already (clean_bucket).
    post_delete.disconnect(post_delete_file_cleanup, sender=ResourceDocument)
    try:
        ResourceDocument.objects.filter(pk__in=documents).delete()
    finally:
        post_delete.connect(post_delete_file_cleanup, sender=ResourceDocument)


def main() -> None:
    if not settings.S3_BUCKET:
        raise SystemExit("S3 is not configured: run `make services` first (or `make bench`)")
    call_command("migrate", verbosity=0)
    settings.SECRET_KEY = SECRET_KEY
    client = s3_client()
    size = ARGS.size_mib * MIB
    institution = None
    server = None
    try:
        started = time.perf_counter()
        objects = make_objects(client, ARGS.files, size)
        institution, collection = make_collection(objects, size)
        print(
            f"put {ARGS.files} × {ARGS.size_mib} MiB in the bucket and made the collection "
            f"in {time.perf_counter() - started:.1f} s"
        )
        port = free_port()
        server = start_server(port, probe="/bundles/collections/0/files.zip")
        pid = worker_pid(server.pid)
        idle_rss = memory_kib(pid, "VmRSS")
        url = f"http://127.0.0.1:{port}/bundles/collections/{collection.pk}/files.zip"
        # One HEAD first: the worker's first bundle makes its S3 client (botocore's
        # models, ~0.5 s here), a once-per-process cost that the raw side, whose client
        # signs the URLs before its clock starts, never pays inside its timing.
        requests.head(url, headers=HTTPS, timeout=60).raise_for_status()
        names = [name for name, _sha in objects]
        timings = {"ours": [], "raw": []}
        samples: list[int] = []
        worker_cpu, raw_busy, ours_busy = [], [], []
        s3_pid = s3_server_pid()
        s3_cpu = {"ours": [], "raw": []}
        loads = []
        for _round in range(ARGS.rounds):
            loads.append(os.getloadavg()[0])
            machine, s3_before = busy_cores(), s3_pid and cpu_seconds(s3_pid)
            seconds, raw_bytes = raw(client, names)
            timings["raw"].append(seconds)
            raw_busy.append(_share(machine, busy_cores()))
            if s3_pid:
                s3_cpu["raw"].append(cpu_seconds(s3_pid) - s3_before)
            before, machine, s3_before = (
                cpu_seconds(pid),
                busy_cores(),
                s3_pid and cpu_seconds(s3_pid),
            )
            seconds, zip_bytes, sampled = ours(url, pid)
            worker_cpu.append(cpu_seconds(pid) - before)
            ours_busy.append(_share(machine, busy_cores()))
            if s3_pid:
                s3_cpu["ours"].append(cpu_seconds(s3_pid) - s3_before)
            timings["ours"].append(seconds)
            samples += sampled
        peak_rss = memory_kib(pid, "VmHWM")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        deleted = clean_bucket(client)
        if institution is not None:
            forget(institution)
        print(f"cleaned up: {deleted} objects under {PREFIX}/, the pages and documents")

    ours_s, raw_s = statistics.median(timings["ours"]), statistics.median(timings["raw"])
    ours_rate, raw_rate = zip_bytes / MIB / ours_s, raw_bytes / MIB / raw_s
    print(
        f"S3 server {settings.S3_ENDPOINT_URL}; {ARGS.files} files × {ARGS.size_mib} MiB; "
        f"median of {ARGS.rounds} rounds, interleaved; client: {ARGS.client}"
    )
    print(f"{'what':<58} {'seconds':>8} {'MiB/s':>8}")
    print(
        f"{'ZIP through /bundles/collections/<id>/files.zip':<58} {ours_s:8.2f} {ours_rate:8.1f}"
        f"   ({zip_bytes / MIB:.1f} MiB, Content-Length exact)"
    )
    print(
        f"{'raw GET of the same objects (signed URLs)':<58} {raw_s:8.2f} {raw_rate:8.1f}"
        f"   ({raw_bytes / MIB:.1f} MiB)"
    )
    print(f"{'throughput ours / raw (target ≥ 0.8)':<58} {ours_rate / raw_rate:8.2f}")
    # The machine is shared: each round's ratio is of two downloads made one after the
    # other, so it is the figure to compare between runs (with the load it ran under).
    ratios = [
        (zip_bytes / ours_round) / (raw_bytes / raw_round)
        for raw_round, ours_round in zip(timings["raw"], timings["ours"], strict=True)
    ]
    print(
        f"{'… each round: ours / raw (1-minute load average before it)':<58} "
        + ", ".join(f"{ratio:.2f} ({load:.1f})" for ratio, load in zip(ratios, loads, strict=True))
    )
    print(f"{'CRC-32 of the members in the worker':<58} {crc32_used()}")
    print(
        f"{'Django worker CPU per ZIP (user + system)':<58} {statistics.median(worker_cpu):8.2f}"
        f"   (of {ours_s:.2f} s; {os.cpu_count()} cores shared with S3 server and client)"
    )
    if s3_cpu["ours"]:
        print(
            f"{'S3 server (S3Proxy) CPU during the ZIP / during the raw GET':<58} "
            f"{statistics.median(s3_cpu['ours']):8.2f} / {statistics.median(s3_cpu['raw']):.2f} s"
        )
    print(
        f"{'all cores busy during the ZIP / during the raw GET':<58} "
        f"{statistics.median(ours_busy):8.0%} / {statistics.median(raw_busy):.0%}"
    )
    print(
        f"{'worker RSS: idle / max sampled while streaming / VmHWM':<58} "
        f"{idle_rss / 1024:.1f} / {max(samples) / 1024:.1f} / {peak_rss / 1024:.1f} MiB"
        f"   (target < 200 MB = {200 * MB / MIB:.1f} MiB)"
    )
    first, last = samples[: len(samples) // 10 or 1], samples[-(len(samples) // 10 or 1) :]
    print(
        f"{'worker RSS: first tenth / last tenth of the samples (flat?)':<58} "
        f"{statistics.mean(first) / 1024:.1f} / {statistics.mean(last) / 1024:.1f} MiB"
    )


if __name__ == "__main__":
    main()
