"""The browser uploader module (static/files/js/uploader.js), run by Node.js against the
live test server and the real S3 server: parallel parts, retries, resume, refusal.

What the module did is checked where it matters: in the database and the bucket.
"""

import hashlib
import json
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker
from wagtail.models import APIToken

from resource_hub.files.models import ResourceDocument, Upload

SCENARIOS = Path(__file__).parent / "js" / "uploader_scenarios.mjs"
MIB = 1024 * 1024

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def node():
    path = shutil.which("node")
    if path is None:
        pytest.fail("Node.js is needed to test the uploader module (install nodejs)")
    return path


@pytest.fixture
def run(node, live_server, uploader, collection, settings):
    settings.FILES_UPLOAD_PART_SIZE = 5 * MIB
    _row, token = APIToken.create_token(user=uploader, name="uploader test")

    def run(scenario: str, size: int = 0) -> dict:
        done = subprocess.run(
            [node, str(SCENARIOS), scenario, live_server.url, token, str(collection.pk), str(size)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return run


def stored_sha256(document: ResourceDocument) -> str:
    digest = hashlib.sha256()
    with document.file.open("rb") as stored:
        while chunk := stored.read(MIB):
            digest.update(chunk)
    return digest.hexdigest()


def test_parts_in_parallel_with_retries(run, s3_storage, s3_client, settings):
    outcome = run("parallel-with-retries", size=12 * MIB)

    document = ResourceDocument.objects.get(pk=outcome["result"]["document"]["id"])
    assert document.sha256 == outcome["sha256"] == stored_sha256(document)
    assert document.original_filename == "บทเรียน 教材.pdf"
    assert document.title == "Parallel"
    # Part 2 failed twice (network, 503) and part 3 once (500); each was retried.
    assert sorted(outcome["puts"]) == [1, 2, 2, 2, 3, 3]
    assert sorted((r["part"], r["attempt"]) for r in outcome["retries"]) == [(2, 1), (2, 2), (3, 1)]
    progress = outcome["progress"]
    assert progress[-1] == outcome["size"]
    assert outcome["errors"] == []
    listed = s3_client.list_multipart_uploads(Bucket=settings.S3_BUCKET, Prefix=f"{s3_storage}/")
    assert listed.get("Uploads", []) == []


def test_an_upload_cut_short_resumes_in_a_new_tab(run, s3_storage):
    outcome = run("resume", size=16 * MIB)

    assert outcome["firstOutcome"] == "aborted"
    assert outcome["firstPuts"] == [1]
    assert len(outcome["remembered"]) == 1
    assert outcome["starts"] == [True]  # the second tab resumed the same upload
    assert sorted(outcome["puts"]) == [2, 3, 4]  # only what was missing
    assert outcome["result"]["id"] == outcome["remembered"][0]
    assert outcome["left"] == []  # forgotten once finished
    document = ResourceDocument.objects.get(pk=outcome["result"]["document"]["id"])
    assert document.sha256 == outcome["sha256"] == stored_sha256(document)
    assert Upload.objects.get(pk=outcome["result"]["id"]).state == Upload.State.COMPLETED


def test_a_refused_file_reports_why(run, s3_storage, bucket_keys):
    outcome = run("refused")

    assert outcome["outcome"] == "file_type_not_allowed"
    assert "program" in outcome["message"]
    assert outcome["errors"] == ["file_type_not_allowed"]
    assert ResourceDocument.objects.count() == 0
    assert bucket_keys() == []


def test_the_same_module_works_with_local_storage(run, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    outcome = run("parallel-with-retries", size=12 * MIB)
    document = ResourceDocument.objects.get(pk=outcome["result"]["document"]["id"])
    assert (tmp_path / document.file.name).read_bytes().startswith(b"%PDF-1.4")
    assert document.sha256 == outcome["sha256"] == stored_sha256(document)


@pytest.fixture
def worker(settings):
    """The database task backend and a worker running beside the live server, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    stop = threading.Event()

    # django-tasks-db's own worker loop, in a thread (its command sets signal handlers,
    # which only the main thread may).
    batch = Worker(
        queue_names=["default"],
        interval=0.1,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="uploader-js-test",
        excluded_queue_names=[],
    )

    def work():
        try:
            while not stop.wait(0.1):
                batch.run()
        finally:
            connection.close()

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join(timeout=60)


def test_the_module_waits_while_a_worker_checks_the_file(run, worker, s3_storage):
    outcome = run("polled", size=6 * MIB)

    assert outcome["result"]["state"] == "completed"
    assert outcome["checks"] >= 1  # it was told 202 "completing" and polled
    document = ResourceDocument.objects.get(pk=outcome["result"]["document"]["id"])
    assert document.sha256 == outcome["sha256"] == stored_sha256(document)
    assert outcome["errors"] == []


def test_a_file_refused_by_the_worker_reports_why(run, worker, s3_storage, bucket_keys):
    outcome = run("refused")

    assert outcome["outcome"] == "file_type_not_allowed"
    assert "program" in outcome["message"]
    assert outcome["checks"] >= 1
    assert ResourceDocument.objects.count() == 0
    assert [key for key in bucket_keys() if not key.startswith("thumbnails/")] == []
