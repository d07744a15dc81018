"""A large upload through our path vs a plain boto3 upload, and our download redirect
vs a direct signed URL. Figures, not a test.

Run with `make bench` (which starts the services), or directly once
`make services` has run:

    .venv/bin/python bench/files.py [--size-mib 1024] [--concurrency 4] [--downloads 200]

In one run, against the same S3 server:
- ours: the site under gunicorn with production settings (one worker
  process, four threads, so that process's memory can be read) answers the
  upload API, and a task worker (`manage.py worker`, TASKS_BACKEND=database)
  completes uploads; this script plays the browser: it starts the upload,
  asks for signed part URLs and PUTs the parts straight to the bucket,
  `concurrency` at a time, then completes: 202 "completing", and it polls the
  upload's status until "completed" (the worker assembles the parts where
  they were sent, documents/uploads/<upload id>/<name>, and reads the whole
  object once to verify it; nothing is copied);
- ours, declared: the same, but the client first computes the file's SHA-256
  (timed, part of the total) and declares it, so the parts go to the content
  key (nothing copied either);
- baseline: boto3 `upload_file` of the same file, same part size and
  concurrency, run just before each of ours;
- the peak resident memory (VmHWM) of the Django process over the run, and of
  each task worker (one per upload, `--max-tasks 1`, so its peak is the
  completion's);
- the derivatives task (text and thumbnail) for the uploaded PDF, run as a
  worker would run it, in its own process: time and peak memory;
- a download: GET /files/<id>/download (permission check, signed redirect)
  and the first KiB from the bucket, vs a GET of a signed URL made by boto3,
  on two paths: the uploader's, signed in (a file of no record: nothing is
  counted), and an anonymous visitor's from a released record
  (`?record=<id>` with a browser's user agent, so the COUNTER request event is
  written after the redirect, as for every real download from a record page).

The documents this run made are deleted at the end (rows and objects).
"""

import argparse
import concurrent.futures
import contextlib
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resource_hub.settings.dev")

import django
from _gunicorn_site import HTTPS, SECRET_KEY, free_port, start_server
from _pdf import make_file
from _s3 import s3_client

django.setup()

import requests
from boto3.s3.transfer import TransferConfig
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import APIToken, Collection, GroupCollectionPermission

MIB = 1024 * 1024
#: A browser's user agent: downloads by machines (COUNTER's list) are not recorded.
BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36"
)


class PeakMemory:
    """The peak resident memory (VmHWM) of a child process, sampled until it exits.

    Not the child's `ru_maxrss`: that counts the memory of this (large)
    process at the fork, before the child's own program replaced it.
    """

    def __init__(self, process: subprocess.Popen):
        self.kib = 0
        self._process = process
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while self._process.poll() is None:
            try:
                self.kib = max(self.kib, memory_kib(self._process.pid, "VmHWM"))
            except OSError:
                break
            time.sleep(0.005)

    def wait(self) -> int:
        self._process.wait()
        self._thread.join()
        return self.kib


def derive(document_id: int) -> tuple[float, int]:
    """Run the derivatives task for one document in its own process: (seconds, peak RSS KiB)."""
    started = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "files_derive", str(document_id)],
        cwd=ROOT,
        env={**os.environ, "TASKS_BACKEND": "immediate"},
        stdout=subprocess.DEVNULL,
    )
    peak = PeakMemory(process).wait()
    if process.returncode != 0:
        raise SystemExit("files_derive failed")
    return time.perf_counter() - started, peak


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


def start_task_worker() -> tuple[subprocess.Popen, list[str]]:
    """A task worker with the site's production settings that runs one task and exits,
    once it is ready; and the lines it logs (its completion log says where the time went).

    Its process's peak memory is the completion's: the bench's own
    derivative tasks are taken off the queue (`drop_bench_tasks`) so that the
    one task it runs is the completion.
    """
    worker = subprocess.Popen(  # noqa: S603 - our own manage.py
        [
            sys.executable,
            "manage.py",
            "db_worker",  # without the site's clock (`worker`), which queues a task at start
            "--interval=0.05",
            "--max-tasks=1",
            "--no-startup-delay",
            "--no-reload",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "resource_hub.settings.production",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "TASKS_BACKEND": "database",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = []
    for line in worker.stderr:
        lines.append(line)
        if "Starting worker" in line:
            break
    else:
        raise SystemExit("the task worker did not start:\n" + "".join(lines))
    threading.Thread(target=lambda: lines.extend(worker.stderr), daemon=True).start()
    worker.ready_rss = memory_kib(worker.pid, "VmRSS")
    worker.peak = PeakMemory(worker)
    return worker, lines


def drop_bench_tasks(user) -> None:
    """Take the tasks queued for the bench's own documents off the queue (derivatives, search
    and reference indexing: measured apart, or not at all), so that the one task a bench
    worker runs is the completion. Other waiting tasks stop the benchmark."""
    from django_tasks_db.models import DBTaskResult

    from resource_hub.files.models import ResourceDocument, Upload

    ours = {
        str(pk)
        for pk in ResourceDocument.objects.filter(uploaded_by_user=user).values_list(
            "pk", flat=True
        )
    }
    others = 0
    for queued in DBTaskResult.objects.ready():
        args = [str(arg) for arg in queued.args_kwargs.get("args") or []]
        document = args[2] if args[:2] == ["files", "resourcedocument"] and len(args) > 2 else None
        if queued.task_path.endswith(".derive_document") and args:
            document = args[0]
        interrupted = queued.task_path.endswith(".complete_upload") and args
        if interrupted and Upload.objects.filter(pk=args[0], user=user).exists():
            queued.delete()  # a completion left by an interrupted run of this benchmark
            continue
        if queued.task_path.endswith(".publish_scheduled_task"):
            queued.delete()  # idempotent, and queued again by every worker's clock
            continue
        if document is not None and (
            document in ours or not ResourceDocument.objects.filter(pk=document).exists()
        ):
            queued.delete()
        else:
            others += 1
    if others:
        raise SystemExit(
            f"{others} other tasks wait in the queue; run them first "
            "(TASKS_BACKEND=database manage.py worker --batch)"
        )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(4 * MIB):
            digest.update(chunk)
    return digest.hexdigest()


def upload_ours(
    base: str, token: str, collection: int, path: Path, concurrency: int, *, declare: bool
):
    api = requests.Session()
    api.headers.update({**HTTPS, "Authorization": f"Bearer {token}"})
    size = path.stat().st_size
    timings = {}
    started = time.perf_counter()
    body = {"collection": collection, "filename": path.name, "size": size}
    if declare:
        body["sha256"] = sha256_of(path)
        timings["sha256"] = time.perf_counter() - started
    answer = api.post(f"{base}/api/v1/uploads", json=body, timeout=30)
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
    status = done.json()
    while status["state"] == "completing":  # as the uploader module does, but more often
        time.sleep(0.05)
        status = api.get(base + upload["links"]["self"], timeout=30).json()
    if status["state"] != "completed":
        raise SystemExit(f"the upload was not completed: {status}")
    timings["complete"] = time.perf_counter() - before_complete
    timings["total"] = time.perf_counter() - started
    return status["document"], timings


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
    # The backend that loads users (the first, django-axes', only refuses sign-ins).
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
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


def upload_both(base, user, token, collection, path, concurrency, client, part_size, *, declare):
    """boto3, then ours with its own task worker: (baseline s, document, timings, worker KiB)."""
    drop_bench_tasks(user)
    worker, lines = start_task_worker()
    baseline = upload_boto3(client, path, concurrency, part_size)
    document, ours = upload_ours(base, token, collection, path, concurrency, declare=declare)
    peak = worker.peak.wait()
    if worker.returncode != 0:
        raise SystemExit("the task worker failed:\n" + "".join(lines))
    ours["log"] = next((line.strip() for line in lines if "assembled in" in line), "")
    ours["worker_ready_rss"] = worker.ready_rss
    return baseline, document, ours, peak


def released_record_with(document_id: int):
    """A released teaching resource holding the uploaded object: (institution, record, document).

    The record's own document row points at the same object (the uploaded
    file's key), so nothing is copied; `forget_record` removes rows only.
    """
    from _records import bench_admin, bench_institution, teaching_resource

    from resource_hub.files.models import ResourceDocument
    from resource_hub.records.services import file_attach, record_release

    uploaded = ResourceDocument.objects.get(pk=document_id)
    admin = bench_admin("files")
    institution = bench_institution(
        admin, f"Download Benchmark College {uuid.uuid4().hex[:6]}", "下载基准学院"
    )
    record = teaching_resource(
        admin,
        institution,
        title="课程讲义 Lecture notes (download benchmark)",
        abstract="A released record whose file the benchmark downloads anonymously.",
    )
    document = ResourceDocument.objects.create(
        title="Lecture notes",
        file=uploaded.file.name,
        size=uploaded.size,
        sha256=uploaded.sha256,
        mime_type=uploaded.mime_type,
        original_filename=uploaded.original_filename,
        collection=institution.collection,
        uploaded_by_user=admin,
        derivatives_state="none",
    )
    file_attach(user=admin, record=record, document=document)
    record_release(user=admin, record=record)
    return institution, record, document


def forget_record(institution, document) -> None:
    """The benchmark's institution, record and document rows (the object is the upload's)."""
    from django.db.models.signals import post_delete
    from wagtail.documents.signal_handlers import post_delete_file_cleanup

    from resource_hub.files.models import ResourceDocument

    institution.delete()
    post_delete.disconnect(post_delete_file_cleanup, sender=ResourceDocument)
    try:
        ResourceDocument.objects.filter(pk=document.pk).delete()
    finally:
        post_delete.connect(post_delete_file_cleanup, sender=ResourceDocument)


def delete_documents(ids) -> None:
    from resource_hub.files.models import ResourceDocument

    for document in ResourceDocument.objects.filter(pk__in=ids):
        for field in (document.file, document.thumbnail):
            if field:
                field.storage.delete(field.name)
        # The row goes (committed); Wagtail's after-commit hook then fails to queue
        # its own file deletion (the S3 storage's botocore Config is not JSON).
        # The objects were deleted above.
        with contextlib.suppress(TypeError):
            document.delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--downloads", type=int, default=200)
    args = parser.parse_args()
    load = os.getloadavg()  # the machine may be shared: say how busy it was
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
    # it loads the Elasticsearch client (measured apart below). Completions and
    # derivatives are queued for a worker, as in production.
    server = start_server(
        port, probe="/api/v1/uploads/collections", env={"TASKS_BACKEND": "database"}
    )
    made = []
    visited = None
    try:
        worker = worker_pid(server.pid)
        idle_rss = memory_kib(worker, "VmRSS")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench-lecture.pdf"
            make_file(path, args.size_mib * MIB)
            size = path.stat().st_size
            runs = {}
            for name, declare in (("plain", False), ("declared", True)):
                baseline, document, ours, task_rss = upload_both(
                    base,
                    user,
                    token,
                    collection.pk,
                    path,
                    args.concurrency,
                    client,
                    part_size,
                    declare=declare,
                )
                made.append(document["id"])
                runs[name] = (baseline, ours, task_rss)
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

        visited = released_record_with(document["id"])
        _institution, record, record_document = visited
        visitor = requests.Session()
        visitor.headers.update({**HTTPS, "User-Agent": BROWSER})
        from_record = f"{base}/files/{record_document.pk}/download?record={record.pk}"

        def via_us_anonymous():
            redirect = visitor.get(from_record, allow_redirects=False, timeout=10)
            assert redirect.status_code == 302, redirect.status_code
            assert requests.get(redirect.headers["Location"], headers=ranged, timeout=10).ok

        def direct():
            url = client.generate_presigned_url(
                "get_object",
                Params={"Bucket": settings.S3_BUCKET, "Key": object_key},
                ExpiresIn=300,
            )
            assert requests.get(url, headers=ranged, timeout=10).ok

        timings = {"ours": [], "visitor": [], "direct": []}
        paths = (("ours", via_us), ("visitor", via_us_anonymous), ("direct", direct))
        for _ in range(20):  # warm-up: each thread's first S3 client and connection
            for _name, fn in paths:
                fn()
        for _ in range(args.downloads):
            for name, fn in paths:
                start = time.perf_counter()
                fn()
                timings[name].append((time.perf_counter() - start) * 1000)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if visited is not None:
            forget_record(visited[0], visited[2])
        delete_documents(made)

    mib = size / MIB
    print(f"load average (1 min) at the start / end: {load[0]:.2f} / {os.getloadavg()[0]:.2f}")
    print(
        f"S3 server {settings.S3_ENDPOINT_URL}; file {mib:.0f} MiB; part size "
        f"{part_size // MIB} MiB; {args.concurrency} parts at a time"
    )
    titles = {
        "plain": "upload, ours (API + signed parts + complete, polled)",
        "declared": "upload, ours with the SHA-256 declared (content key)",
    }
    for name, (baseline, ours, task_rss) in runs.items():
        print(f"{titles[name]:<58} {ours['total']:7.2f} s  {mib / ours['total']:7.1f} MiB/s")
        if "sha256" in ours:
            print(f"{'   of which: the client computes the SHA-256':<58} {ours['sha256']:7.2f} s")
        print(f"{'   of which: parts sent to the bucket':<58} {ours['parts']:7.2f} s")
        print(f"{'   of which: complete (assemble, verify)':<58} {ours['complete']:7.2f} s")
        if ours["log"]:
            print(f"      the worker's log: {ours['log'].split(': ', 1)[-1]}")
        print(
            f"{'   task worker RSS when ready / peak (VmHWM)':<58} "
            f"{ours['worker_ready_rss'] / 1024:7.1f} MiB / {task_rss / 1024:.1f} MiB"
            f" ({task_rss * 1024 / 1e6:.1f} MB)"
        )
        print(
            f"{'   boto3 upload_file just before (baseline)':<58} {baseline:7.2f} s  "
            f"{mib / baseline:7.1f} MiB/s"
        )
        ratio = baseline / ours["total"]
        print(f"{'   throughput ours / baseline (target ≥ 0.9)':<58} {ratio:7.2f}")
    print(
        f"{'Django worker: RSS when idle / peak RSS (VmHWM)':<58} "
        f"{idle_rss / 1024:7.1f} MiB / {peak_rss / 1024:.1f} MiB ({peak_rss * 1024 / 1e6:.1f} MB)"
    )
    print("   (target: peak < 150 MB during a 1 GiB upload)")
    print(
        f"{'   then RSS after /healthz loads the Elasticsearch client':<58} "
        f"{search_rss / 1024:7.1f} MiB"
    )
    print(
        f"{'derivatives (text, thumbnail) in a worker process':<58} "
        f"{derive_seconds:7.2f} s  peak RSS {derive_rss / 1024:.1f} MiB"
    )
    print(f"download via /files/<id>/download, the uploader:  {percentiles(timings['ours'])}")
    print(f"   … an anonymous visitor from a released record: {percentiles(timings['visitor'])}")
    print(f"download via a boto3 signed URL (first KiB each): {percentiles(timings['direct'])}")
    direct_median = statistics.median(timings["direct"])
    for name, label in (("ours", "the uploader"), ("visitor", "a visitor from a record")):
        overhead = statistics.median(timings[name]) - direct_median
        ratio = statistics.median(timings[name]) / direct_median
        print(f"{f'download overhead, median ours - direct ({label})':<58} {overhead:7.2f} ms")
        if name == "ours":
            print("   (target < 5 ms)")
        print(f"{f'download ours / direct (median, {label})':<58} {ratio:7.2f}")


if __name__ == "__main__":
    main()
