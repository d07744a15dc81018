"""A large upload through our path vs a plain boto3 upload, and our download redirect
vs a direct signed URL. Figures, not a test.

Run with `make bench` (which starts the services), or directly once
`make services` has run:

    .venv/bin/python bench/files.py [--size-mib 1024] [--concurrency 4] [--downloads 200]

In one run, against the same S3 server:
- ours: the site under gunicorn with production settings (one worker
  process, four threads, so that process's memory can be read) answers the
  upload API; this script plays the browser: it
  starts the upload, asks for signed part URLs and PUTs the parts straight to
  the bucket, `concurrency` at a time, then completes (the server reads the
  whole object once to verify it and copies it to its content key);
- baseline: boto3 `upload_file` of the same file, same part size and concurrency;
- the peak resident memory (VmHWM) of the Django process over the run;
- the derivatives task (text and thumbnail) for the uploaded PDF, run as a
  worker would run it, in its own process: time and peak memory;
- a download: GET /files/<id>/download (permission check, signed redirect)
  and the first KiB from the bucket, vs a GET of a signed URL made by boto3.
"""

import argparse
import concurrent.futures
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resource_hub.settings.dev")

import django
from _gunicorn_site import HTTPS, SECRET_KEY, free_port, start_server
from _s3 import s3_client

django.setup()

import requests
from boto3.s3.transfer import TransferConfig
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import APIToken, Collection, GroupCollectionPermission

MIB = 1024 * 1024


def make_file(path: Path, size: int) -> None:
    """A valid one-page PDF of about `size` bytes: a text page plus one big stream of
    random (incompressible) bytes, with a correct cross-reference table."""
    block = os.urandom(MIB)
    text = b"BT /F1 18 Tf 72 720 Td (Benchmark lecture: photosynthesis) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1"
        b" /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
    ]
    offsets = []
    with path.open("wb") as out:
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        for number, body in enumerate(objects, start=1):
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
        noise = max(0, size - out.tell() - 1024)
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n<< /Length %d >>\nstream\n" % (len(objects) + 1, noise))
        written = 0
        while written < noise:
            piece = block[: min(MIB, noise - written)]
            out.write(piece)
            written += len(piece)
        out.write(b"\nendstream\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
        for offset in offsets:
            out.write(b"%010d 00000 n \n" % offset)
        out.write(
            b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(offsets) + 1, xref)
        )


def derive(document_id: int) -> tuple[float, int]:
    """Run the derivatives task for one document in its own process: (seconds, peak RSS KiB)."""
    started = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "files_derive", str(document_id)],
        cwd=ROOT,
        env={**os.environ, "TASKS_BACKEND": "immediate"},
        stdout=subprocess.DEVNULL,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit("files_derive failed")
    return time.perf_counter() - started, usage.ru_maxrss


def bench_user():
    """A teacher with "add document" on a collection of its own, and an API token."""
    from django.contrib.auth.models import Group, Permission

    user, _created = get_user_model().objects.get_or_create(username="bench-uploader")
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name="Benchmark uploads").first()
    if collection is None:
        collection = root.add_child(name="Benchmark uploads")
    group, _created = Group.objects.get_or_create(name="Benchmark uploaders")
    for codename in ("add_document", "change_document"):
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(
                content_type__app_label="wagtaildocs", codename=codename
            ),
        )
    user.groups.add(group)
    _row, token = APIToken.create_token(user=user, name=f"bench {uuid.uuid4().hex[:6]}")
    return user, collection, token


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


def upload_ours(base: str, token: str, collection: int, path: Path, concurrency: int):
    api = requests.Session()
    api.headers.update({**HTTPS, "Authorization": f"Bearer {token}"})
    size = path.stat().st_size
    timings = {}
    started = time.perf_counter()
    answer = api.post(
        f"{base}/api/v1/uploads",
        json={"collection": collection, "filename": path.name, "size": size},
        timeout=30,
    )
    if answer.status_code != 201:
        raise SystemExit(f"the upload did not start: {answer.status_code} {answer.text[:500]}")
    upload = answer.json()
    part_size, count = upload["part_size"], upload["part_count"]
    signed = {}
    for first in range(1, count + 1, 100):
        numbers = list(range(first, min(count, first + 99) + 1))
        answer = api.post(base + upload["links"]["parts"], json={"parts": numbers}, timeout=30)
        signed.update({p["number"]: p["url"] for p in answer.json()["parts"]})

    def send(number: int) -> None:
        with path.open("rb") as source:
            source.seek((number - 1) * part_size)
            data = source.read(part_size)
        response = requests.put(signed[number], data=data, timeout=300)
        response.raise_for_status()

    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(send, range(1, count + 1)))
    timings["parts"] = time.perf_counter() - started
    before_complete = time.perf_counter()
    done = api.post(base + upload["links"]["complete"], timeout=3600)
    done.raise_for_status()
    timings["complete"] = time.perf_counter() - before_complete
    timings["total"] = time.perf_counter() - started
    return done.json()["document"], timings


def upload_boto3(client, path: Path, concurrency: int, part_size: int) -> float:
    key = f"bench/{uuid.uuid4().hex}/{path.name}"
    config = TransferConfig(
        multipart_threshold=part_size, multipart_chunksize=part_size, max_concurrency=concurrency
    )
    started = time.perf_counter()
    client.upload_file(str(path), settings.S3_BUCKET, key, Config=config)
    elapsed = time.perf_counter() - started
    client.delete_object(Bucket=settings.S3_BUCKET, Key=key)
    return elapsed


def signed_in(user) -> requests.Session:
    """A client with a session for `user` (made as Django's test client does)."""
    from django.conf import settings as conf
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = conf.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    browser = requests.Session()
    # Sent by hand: the cookie is "Secure" and this loopback hop is plain HTTP.
    browser.headers.update({**HTTPS, "Cookie": f"{conf.SESSION_COOKIE_NAME}={session.session_key}"})
    return browser


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"median {statistics.median(ordered):7.2f} ms   p95 {p95:7.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--downloads", type=int, default=200)
    args = parser.parse_args()
    if not settings.S3_BUCKET:
        raise SystemExit("S3 is not configured: run `make services` first (or `make bench`)")

    call_command("migrate", verbosity=0)

    settings.SECRET_KEY = SECRET_KEY
    user, collection, token = bench_user()
    part_size = settings.FILES_UPLOAD_PART_SIZE
    client = s3_client()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # Any answer will do (401 without a token); /healthz is not the probe because
    # it loads the Elasticsearch client (measured apart below). Derivatives are
    # queued for the worker, as in production (also measured apart).
    server = start_server(
        port, probe="/api/v1/uploads/collections", env={"TASKS_BACKEND": "database"}
    )
    try:
        worker = worker_pid(server.pid)
        idle_rss = memory_kib(worker, "VmRSS")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench-lecture.pdf"
            make_file(path, args.size_mib * MIB)
            size = path.stat().st_size
            baseline = upload_boto3(client, path, args.concurrency, part_size)
            document, ours = upload_ours(base, token, collection.pk, path, args.concurrency)
        peak_rss = memory_kib(worker, "VmHWM")
        requests.get(f"{base}/healthz", headers=HTTPS, timeout=30)
        search_rss = memory_kib(worker, "VmRSS")
        derive_seconds, derive_rss = derive(document["id"])

        browser = signed_in(user)
        download = f"{base}/files/{document['id']}/download"
        key = f"{settings.STORAGES['default']['OPTIONS'].get('location') or ''}".strip("/")
        key = f"{key}/" if key else ""
        object_key = key + requests.utils.unquote(
            browser.get(download, allow_redirects=False, timeout=10)
            .headers["Location"]
            .split(f"/{settings.S3_BUCKET}/", 1)[1]
            .split("?", 1)[0]
        )
        ranged = {"Range": "bytes=0-1023"}

        def via_us():
            redirect = browser.get(download, allow_redirects=False, timeout=10)
            assert requests.get(redirect.headers["Location"], headers=ranged, timeout=10).ok

        def direct():
            url = client.generate_presigned_url(
                "get_object",
                Params={"Bucket": settings.S3_BUCKET, "Key": object_key},
                ExpiresIn=300,
            )
            assert requests.get(url, headers=ranged, timeout=10).ok

        timings = {"ours": [], "direct": []}
        for _ in range(args.downloads):
            for name, fn in (("ours", via_us), ("direct", direct)):
                start = time.perf_counter()
                fn()
                timings[name].append((time.perf_counter() - start) * 1000)
    finally:
        server.terminate()
        server.wait(timeout=30)

    mib = size / MIB
    print(
        f"S3 server {settings.S3_ENDPOINT_URL}; file {mib:.0f} MiB; part size "
        f"{part_size // MIB} MiB; {args.concurrency} parts at a time"
    )
    print(
        f"{'upload, ours (API + signed parts + verified complete)':<58} "
        f"{ours['total']:7.2f} s  {mib / ours['total']:7.1f} MiB/s"
    )
    print(f"{'   of which: parts sent to the bucket':<58} {ours['parts']:7.2f} s")
    print(
        f"{'   of which: complete (assemble, re-read + SHA-256, copy)':<58} "
        f"{ours['complete']:7.2f} s"
    )
    print(
        f"{'upload, boto3 upload_file (baseline)':<58} {baseline:7.2f} s  "
        f"{mib / baseline:7.1f} MiB/s"
    )
    print(f"{'throughput ours / baseline':<58} {baseline / ours['total']:7.2f}")
    print(
        f"{'Django worker: RSS when idle / peak RSS (VmHWM)':<58} "
        f"{idle_rss / 1024:7.1f} MiB / {peak_rss / 1024:.1f} MiB"
    )
    print(
        f"{'   then RSS after /healthz loads the Elasticsearch client':<58} "
        f"{search_rss / 1024:7.1f} MiB"
    )
    print(
        f"{'derivatives (text, thumbnail) in a worker process':<58} "
        f"{derive_seconds:7.2f} s  peak RSS {derive_rss / 1024:.1f} MiB"
    )
    print(f"download, first KiB via /files/<id>/download: {percentiles(timings['ours'])}")
    print(f"download, first KiB via a boto3 signed URL:   {percentiles(timings['direct'])}")
    ratio = statistics.median(timings["ours"]) / statistics.median(timings["direct"])
    print(f"{'download ours / direct (median)':<58} {ratio:7.2f}")


if __name__ == "__main__":
    main()
