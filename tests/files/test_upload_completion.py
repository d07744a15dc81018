"""Completing a direct upload: the parts are assembled where the document keeps them (its
own name, or the content key for a declared SHA-256) and nothing is copied; a wrong SHA-256
leaves nothing behind; and with the database task backend the client is answered 202 and
polls the upload's status while the worker checks the file."""

import hashlib
import json
import uuid
from datetime import timedelta

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from resource_hub.files import objectstore
from resource_hub.files.completion import upload_complete
from resource_hub.files.models import ResourceDocument, Upload
from resource_hub.files.services import document_create
from resource_hub.files.uploads import part_size_for, upload_sign_parts

from . import samples

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def api(client, uploader):
    client.force_login(uploader)
    return client


@pytest.fixture
def store_calls(s3_storage):
    """The operations the site's own S3 client sends while the test runs (botocore's events)."""
    client = objectstore.bucket().client
    calls = []

    def seen(model, **_kwargs):
        calls.append(model.name)

    client.meta.events.register("before-call.s3", seen)
    yield calls
    client.meta.events.unregister("before-call.s3", seen)


def post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def start(client, collection, payload: bytes, filename="lesson.pdf", **fields):
    body = {"collection": collection.pk, "filename": filename, "size": len(payload), **fields}
    return post(client, "/api/v1/uploads", body)


def send_all(client, upload, payload: bytes):
    numbers = list(range(1, upload["part_count"] + 1))
    parts = post(client, upload["links"]["parts"], {"parts": numbers}).json()["parts"]
    size = upload["part_size"]
    for part in parts:
        n = part["number"]
        answer = requests.put(part["url"], data=payload[(n - 1) * size : n * size], timeout=30)
        assert answer.status_code == 200, answer.text


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- a declared SHA-256 -------------------------------------------------------------------


def test_a_declared_sha256_sends_the_parts_to_the_content_key_and_nothing_is_copied(
    api, collection, s3_objects, store_calls
):
    payload = samples.pdf(text="Declared up front")
    upload = start(api, collection, payload, sha256=sha256(payload)).json()
    row = Upload.objects.get(pk=upload["id"])
    assert row.key.startswith(f"documents/{sha256(payload)[:2]}/{sha256(payload)}/")
    assert [name for name, _id in s3_objects.multipart_uploads()] == [row.key]
    send_all(api, upload, payload)
    store_calls.clear()

    done = post(api, upload["links"]["complete"])

    assert done.status_code == 201, done.content
    document = ResourceDocument.objects.get(pk=done.json()["document"]["id"])
    assert document.file.name == row.key
    assert document.sha256 == sha256(payload) and document.mime_type == "application/pdf"
    assert "CopyObject" not in store_calls and "UploadPartCopy" not in store_calls
    assert "CompleteMultipartUpload" in store_calls
    assert s3_objects.names() == [row.key]  # nothing under uploads/, one object
    assert s3_objects.get(row.key) == payload
    assert s3_objects.multipart_uploads() == []


def test_a_plain_upload_is_kept_where_its_parts_were_assembled_and_nothing_is_copied(
    api, collection, s3_objects, store_calls
):
    """What browsers do (no SHA-256 declared): the parts go to the upload's own name under
    documents/, the document keeps it, and the store copies nothing (bench/README.md)."""
    payload = samples.pdf(text="Sent as it is")
    upload = start(api, collection, payload, filename="บทเรียน 1.pdf").json()
    row = Upload.objects.get(pk=upload["id"])
    assert row.key == f"documents/uploads/{row.pk}/บทเรียน 1.pdf"
    assert [name for name, _id in s3_objects.multipart_uploads()] == [row.key]
    send_all(api, upload, payload)
    store_calls.clear()

    done = post(api, upload["links"]["complete"])

    assert done.status_code == 201, done.content
    document = ResourceDocument.objects.get(pk=done.json()["document"]["id"])
    assert document.file.name == row.key
    assert document.sha256 == sha256(payload) and document.mime_type == "application/pdf"
    assert "CopyObject" not in store_calls and "UploadPartCopy" not in store_calls
    assert store_calls.count("GetObject") >= 1  # verified by reading it once
    assert s3_objects.names() == [row.key]
    assert s3_objects.get(row.key) == payload
    assert s3_objects.multipart_uploads() == []


def test_identical_plain_uploads_get_objects_of_their_own(api, collection, s3_objects):
    """No object is shared: deleting one document (Wagtail deletes its object) never takes
    another's bytes."""
    payload = samples.pdf(text="Twice the same")
    names = []
    for _ in range(2):
        upload = start(api, collection, payload).json()
        send_all(api, upload, payload)
        names.append(
            ResourceDocument.objects.get(
                pk=post(api, upload["links"]["complete"]).json()["document"]["id"]
            ).file.name
        )
    assert names[0] != names[1] and s3_objects.names() == sorted(names)


def test_an_upload_started_before_uploads_kept_their_key_is_copied_to_its_content_key(
    uploader, collection, s3_objects
):
    """Uploads under way when this version is deployed were started at uploads/<id>;
    the sweep removes what is under uploads/ once its upload is over, so those are copied."""
    payload = samples.pdf(text="Started by the old code")
    target = objectstore.bucket()
    pk = uuid.uuid4()
    key = f"uploads/{pk}"
    started = target.client.create_multipart_upload(
        Bucket=target.name, Key=target.key(key), ContentType="application/octet-stream"
    )
    row = Upload.objects.create(
        id=pk,
        user=uploader,
        collection=collection,
        filename="old.pdf",
        size=len(payload),
        part_size=part_size_for(len(payload)),
        key=key,
        upload_id=started["UploadId"],
        expires_at=timezone.now() + timedelta(hours=1),
    )
    part = upload_sign_parts(upload=row, part_numbers=[1])[0]
    assert requests.put(part["url"], data=payload, timeout=30).status_code == 200

    document = upload_complete(upload=row)

    digest = sha256(payload)
    assert document.file.name == f"documents/{digest[:2]}/{digest}/old.pdf"
    assert s3_objects.names() == [document.file.name]
    assert s3_objects.get(document.file.name) == payload


def test_a_wrong_declared_sha256_is_rejected_and_leaves_no_row_and_no_object(
    api, collection, s3_objects
):
    payload = samples.pdf(text="Not what was declared")
    upload = start(api, collection, payload, sha256=sha256(b"something else")).json()
    send_all(api, upload, payload)

    done = post(api, upload["links"]["complete"])

    assert done.status_code == 422
    assert done.json()["error"]["code"] == "invalid_upload"
    assert "checksum does not match" in done.json()["error"]["message"]
    assert ResourceDocument.objects.count() == 0
    assert s3_objects.names() == []
    assert s3_objects.multipart_uploads() == []
    row = Upload.objects.get(pk=upload["id"])
    assert (row.state, row.error_code) == (Upload.State.REJECTED, "invalid_upload")
    status = api.get(upload["links"]["self"]).json()
    assert status["error"] == {
        "code": "rejected",
        "message": row.error,
        "reason": "invalid_upload",
    }


def test_a_declared_upload_never_targets_a_stored_file(api, collection, uploader, s3_objects):
    payload = samples.pdf(text="Stored twice")
    first = document_create(
        user=uploader, collection=collection, file=ContentFile(payload, name="lesson.pdf")
    )
    upload = start(api, collection, payload, sha256=sha256(payload)).json()
    key = Upload.objects.get(pk=upload["id"]).key
    assert key != first.file.name and key.startswith(f"documents/{sha256(payload)[:2]}/")
    # A second declared upload of the same bytes and name gets a name of its own too.
    again = start(api, collection, payload, sha256=sha256(payload)).json()
    assert Upload.objects.get(pk=again["id"]).key not in (key, first.file.name)

    send_all(api, upload, payload)
    done = post(api, upload["links"]["complete"])

    assert done.status_code == 201
    assert s3_objects.get(first.file.name) == payload
    assert ResourceDocument.objects.get(pk=done.json()["document"]["id"]).file.name == key


# --- completing in the background ----------------------------------------------------------

# The worker runs with its own database connections, as in production, so these
# tests commit for real (and restore the database afterwards).
worker_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_worker():
    call_command("worker", "--batch", verbosity=0)


@worker_db
def test_completing_is_queued_and_the_client_polls_the_status(
    api, collection, s3_objects, settings
):
    settings.TASKS = DATABASE_TASKS
    payload = samples.pdf(text="Checked by the worker")
    upload = start(api, collection, payload).json()
    send_all(api, upload, payload)

    answer = post(api, upload["links"]["complete"])

    assert answer.status_code == 202
    assert answer.json()["state"] == "completing" and answer.json()["document"] is None
    assert ResourceDocument.objects.count() == 0
    status = api.get(upload["links"]["self"]).json()
    assert (status["state"], status["parts"]) == ("completing", [])
    in_progress = api.get("/api/v1/uploads").json()["uploads"]
    assert [(u["id"], u["state"]) for u in in_progress] == [(upload["id"], "completing")]
    # Asking again is harmless: the same answer, and the task is there for a worker.
    assert post(api, upload["links"]["complete"]).status_code == 202
    assert DBTaskResult.objects.ready().filter(task_path__endswith="complete_upload").exists()

    run_worker()

    status = api.get(upload["links"]["self"]).json()
    assert status["state"] == "completed"
    document = ResourceDocument.objects.get(pk=status["document"]["id"])
    assert document.sha256 == sha256(payload)
    # The same worker then made its text and thumbnail (queued once the row was committed).
    assert document.derivatives_state == "done"
    assert s3_objects.names() == sorted([document.file.name, document.thumbnail.name])
    assert post(api, upload["links"]["complete"]).status_code == 409  # finished


@worker_db
def test_a_file_refused_in_the_background_is_reported_by_the_status(
    api, collection, s3_objects, settings
):
    settings.TASKS = DATABASE_TASKS
    payload = samples.windows_exe() + bytes(5000)
    upload = start(api, collection, payload, filename="syllabus.pdf").json()
    send_all(api, upload, payload)
    assert post(api, upload["links"]["complete"]).status_code == 202

    run_worker()

    status = api.get(upload["links"]["self"]).json()
    assert status["state"] == "rejected"
    assert status["error"]["code"] == "rejected"
    assert status["error"]["reason"] == "file_type_not_allowed"
    assert "program" in status["error"]["message"]
    assert ResourceDocument.objects.count() == 0
    assert s3_objects.names() == [] and s3_objects.multipart_uploads() == []


@worker_db
def test_a_completion_that_fails_unexpectedly_does_not_leave_the_client_waiting(
    api, collection, s3_objects, settings
):
    """The task's own error sends the upload back to "started" (not "completing" for ever),
    with a code the client can show."""
    settings.TASKS = DATABASE_TASKS
    payload = samples.pdf(text="Asked again")
    upload = start(api, collection, payload).json()
    send_all(api, upload, payload)
    assert post(api, upload["links"]["complete"]).status_code == 202
    # The document row cannot be written: a database error, not a FileError.
    with connection.cursor() as cursor:
        cursor.execute(
            "ALTER TABLE files_resourcedocument ADD CONSTRAINT no_rows CHECK (id < 0) NOT VALID"
        )
    try:
        run_worker()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE files_resourcedocument DROP CONSTRAINT no_rows")

    status = api.get(upload["links"]["self"]).json()
    assert status["state"] == "started"
    assert status["error"]["code"] == "completion_failed"
    assert ResourceDocument.objects.count() == 0
    # The object stays where it was assembled, under the upload's own name ...
    key = f"documents/uploads/{upload['id']}/lesson.pdf"
    assert s3_objects.names() == [key]

    # ... so completing again verifies it there, without the parts (the store lists
    # none once they are assembled) and without sending anything again.
    assert post(api, upload["links"]["complete"]).status_code == 202
    run_worker()
    status = api.get(upload["links"]["self"]).json()
    assert status["state"] == "completed", status
    document = ResourceDocument.objects.get(pk=status["document"]["id"])
    assert (document.file.name, document.sha256) == (key, sha256(payload))
    assert s3_objects.get(key) == payload
