"""files_sweep: orphan objects and abandoned uploads go, live uploads and good files stay,
rows without their object are reported and kept; on the real S3 server and locally."""

import io
import os
import time
import uuid
from datetime import timedelta

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from resource_hub.files.models import ResourceDocument, Upload
from resource_hub.files.services import document_create
from resource_hub.records.services import file_attach, record_release

GOOD = "Lesson notes · 教学笔记\n".encode() * 100
PART = b"p" * (5 * 1024 * 1024)  # S3's smallest part but the last


def sweep(*args):
    """Run the command; (exit status, stdout)."""
    out = io.StringIO()
    try:
        call_command("files_sweep", "--no-progress", *args, stdout=out, stderr=io.StringIO())
    except CommandError as error:
        return error.returncode, out.getvalue() + str(error)
    return 0, out.getvalue()


def upload_row(world, key, *, expires_in, state=Upload.State.STARTED, upload_id="", pk=None):
    return Upload.objects.create(
        id=pk or uuid.uuid4(),
        user=world.teacher_a,
        collection=world.inst_a.collection,
        filename=key.rsplit("/", 1)[-1],
        size=len(PART),
        part_size=len(PART),
        key=key,
        upload_id=upload_id,
        state=state,
        expires_at=timezone.now() + expires_in,
    )


def start_multipart(objects, name):
    created = objects.client.create_multipart_upload(Bucket=objects.bucket, Key=objects.key(name))
    objects.client.upload_part(
        Bucket=objects.bucket,
        Key=objects.key(name),
        UploadId=created["UploadId"],
        PartNumber=1,
        Body=PART[:1024],
    )
    return created["UploadId"]


def stage(objects, pk):
    objects.put(f"uploads/{pk}/part-00001", b"part one")
    objects.put(f"uploads/{pk}/part-00002", b"part two")


def downloaded(client, objects, record, document):
    """The bytes a visitor gets from the download link of a released record.

    S3 answers with a redirect to a signed URL, local storage streams the file
    (files.delivery): each store has its one answer.
    """
    response = client.get(reverse("files:download", args=[document.pk]) + f"?record={record.pk}")
    if objects.kind == "s3":
        assert response.status_code == 302
        return requests.get(response["Location"], timeout=10).content
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.fixture
def scene(world, objects, make_record):
    """A good released file, an orphan, a row without its object, and uploads in every state."""
    record = make_record()
    good = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(GOOD, name="教材.txt"),
    )
    file_attach(user=world.teacher_a, record=record, document=good)
    record_release(user=world.editor_a, record=record)
    lost = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(b"lost notes\n", name="lost.txt"),
    )
    objects.delete(lost.file.name)
    orphan = "documents/ab/" + "ab" * 32 + "/left-behind.txt"
    objects.put(orphan, b"nobody names me")
    objects.put("thumbnails/orphan.png", b"\x89PNG nobody")

    expired, live, done = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    rows = {}
    if objects.kind == "s3":
        expired_key, live_key = f"uploads/{expired}/big.bin", f"uploads/{live}/new.bin"
        rows["expired"] = upload_row(
            world,
            expired_key,
            expires_in=timedelta(hours=-1),
            upload_id=start_multipart(objects, expired_key),
        )
        rows["live"] = upload_row(
            world,
            live_key,
            expires_in=timedelta(hours=2),
            upload_id=start_multipart(objects, live_key),
        )
        start_multipart(objects, f"uploads/{uuid.uuid4()}/no-row.bin")
    else:
        stage(objects, expired)
        stage(objects, live)
        stage(objects, uuid.uuid4())  # no row
        rows["expired"] = upload_row(
            world, f"uploads/{expired}/big.bin", expires_in=timedelta(hours=-1), pk=expired
        )
        rows["live"] = upload_row(
            world, f"uploads/{live}/new.bin", expires_in=timedelta(hours=2), pk=live
        )
    # A completed upload whose staged object was left behind, and a stray single object.
    rows["done"] = upload_row(
        world,
        f"uploads/{done}.bin",
        expires_in=timedelta(hours=1),
        pk=done,
        state=Upload.State.COMPLETED,
    )
    objects.put(f"uploads/{done}.bin", b"already a document")
    objects.put("uploads/stray.bin", b"no row")
    # An expired row whose upload never reached the store.
    rows["forgotten"] = upload_row(world, "uploads/forgotten.bin", expires_in=timedelta(hours=-3))
    return {
        "record": record,
        "good": good,
        "lost": lost,
        "orphans": [orphan, "thumbnails/orphan.png"],
        "rows": rows,
    }


def test_dry_run_lists_everything_and_changes_nothing(scene, objects):
    names_before = objects.names()
    uploads_before = objects.multipart_uploads() if objects.kind == "s3" else None

    status, out = sweep("--dry-run", "--older-than", "0")

    assert status == 1  # a document has lost its object: a person must act
    for orphan in scene["orphans"]:
        assert f"ORPHAN (would delete): {orphan}" in out
    lost = scene["lost"]
    assert f"MISSING file: document {lost.pk} “lost”: no object {lost.file.name}" in out
    rows = scene["rows"]
    assert f"{rows['expired'].pk}" in out and "expired at" in out
    assert "with no Upload row" in out
    assert f"uploads/{rows['done'].pk}.bin" in out and "completed" in out
    assert "uploads/stray.bin" in out
    assert f"EXPIRED UPLOAD (would mark cancelled): {rows['forgotten'].pk}" in out
    assert str(rows["live"].pk) not in out
    assert scene["good"].file.name not in out
    assert "Nothing changed" in out

    assert objects.names() == names_before
    if objects.kind == "s3":
        assert objects.multipart_uploads() == uploads_before
    assert set(Upload.objects.values_list("state", flat=True)) == {"started", "completed"}


def test_a_sweep_removes_orphans_and_abandoned_uploads_and_keeps_the_rest(scene, objects, client):
    rows = scene["rows"]

    status, out = sweep("--older-than", "0")

    assert status == 1 and "1 documents name an object that is not stored" in out
    names = objects.names()
    for orphan in scene["orphans"]:
        assert orphan not in names
    assert "uploads/stray.bin" not in names
    assert f"uploads/{rows['done'].pk}.bin" not in names
    assert scene["good"].file.name in names
    if objects.kind == "s3":
        # Listed again: S3Proxy still answers ListParts for an aborted upload.
        assert objects.multipart_uploads() == [(rows["live"].key, rows["live"].upload_id)]
    else:
        staged = {name.split("/")[1] for name in names if name.startswith("uploads/")}
        assert staged == {str(rows["live"].pk)}
        assert not (objects.root / "documents" / "ab").exists()  # empty folders go too

    states = dict(Upload.objects.values_list("pk", "state"))
    assert states[rows["expired"].pk] == states[rows["forgotten"].pk] == "aborted"
    assert states[rows["live"].pk] == "started"
    assert states[rows["done"].pk] == "completed"
    assert ResourceDocument.objects.filter(pk=scene["lost"].pk).exists()  # never deleted
    assert downloaded(client, objects, scene["record"], scene["good"]) == GOOD

    # A second sweep finds nothing more to remove.
    status, out = sweep("--older-than", "0")
    assert "ORPHAN" not in out and "ABANDONED" not in out and "EXPIRED" not in out


def test_a_clean_store_sweeps_clean(world, objects):
    document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(GOOD, name="a.txt"),
    )
    status, out = sweep("--older-than", "0")
    assert status == 0
    assert "Deleted 0 objects and aborted 0 uploads" in out


def test_fresh_objects_without_a_row_are_kept_by_default(world, objects):
    """An upload in flight stores its object before its row: 24 hours' grace by default."""
    objects.put("documents/cd/" + "cd" * 32 + "/in-flight.txt", b"row comes next")
    objects.put("uploads/in-flight.bin", b"row comes next")
    expired = upload_row(world, "uploads/expired.bin", expires_in=timedelta(minutes=-1))
    objects.put("uploads/expired.bin", b"its row says it is over")

    status, out = sweep()

    assert status == 0
    assert "documents/cd/" + "cd" * 32 + "/in-flight.txt" in objects.names()
    assert "uploads/in-flight.bin" in objects.names()
    assert "uploads/expired.bin" not in objects.names()  # a row that is over needs no grace
    expired.refresh_from_db()
    assert expired.state == "aborted"


def test_old_local_orphans_go_with_the_default_age(world, local_objects):
    """S3 cannot backdate an object; locally the age filter is seen at work both ways."""
    objects = local_objects
    old = "documents/ef/" + "ef" * 32 + "/old.txt"
    objects.put(old, b"two days old")
    objects.put("thumbnails/new.png", b"a minute old")
    two_days_ago = time.time() - 48 * 3600
    os.utime(objects.root / old, (two_days_ago, two_days_ago))

    status, out = sweep()

    assert status == 0
    assert objects.names() == ["thumbnails/new.png"]


def test_listings_are_paginated(world, s3_objects, monkeypatch):
    """With two keys a page, five orphans and three multipart uploads are all found."""
    objects = s3_objects
    from resource_hub.files import inventory

    monkeypatch.setattr(inventory, "PAGE_SIZE", 2)
    calls = {"ListObjectsV2": 0, "ListMultipartUploads": 0}

    def count(event_name, **kwargs):
        calls[event_name.rsplit(".", 1)[-1]] += 1

    orphans = [f"thumbnails/orphan-{n}.png" for n in range(5)]
    for name in orphans:
        objects.put(name, b"png?")
    uploads = sorted(
        (name, start_multipart(objects, name))
        for name in (f"uploads/{uuid.uuid4()}/f.bin" for _ in range(3))
    )
    client = inventory.bucket().client
    for operation in calls:
        client.meta.events.register(f"before-call.s3.{operation}", count)

    try:
        status, out = sweep("--older-than", "0")
    finally:
        for operation in calls:
            client.meta.events.unregister(f"before-call.s3.{operation}", count)

    assert status == 0
    # documents/, thumbnails/ (3 pages) and uploads/ listed; 3 uploads take 2 pages.
    assert calls["ListObjectsV2"] >= 5 and calls["ListMultipartUploads"] >= 2
    assert objects.names() == []
    assert objects.multipart_uploads() == []
    for name, upload_id in uploads:
        assert f"{name} (upload id {upload_id})" in out


def test_an_upload_left_assembled_by_a_crash_is_kept_while_live_and_swept_once_expired(
    world, s3_objects
):
    """A completed upload's object stays where its parts were assembled (documents/uploads/).
    A completion that dies after assembling leaves that object without a document: kept
    while the upload may still be completed, an orphan once the upload has expired."""
    from django.db import IntegrityError, connection

    from resource_hub.files.completion import upload_finish, upload_request_completion
    from resource_hub.files.uploads import upload_sign_parts, upload_start

    def assembled(filename):
        upload = upload_start(
            user=world.teacher_a,
            collection=world.inst_a.collection,
            filename=filename,
            size=len(GOOD),
        )
        part = upload_sign_parts(upload=upload, part_numbers=[1])[0]
        assert requests.put(part["url"], data=GOOD, timeout=30).status_code == 200
        upload_request_completion(upload=upload, enqueue=False)
        return upload

    kept = assembled("kept.txt")
    upload_finish(upload_id=kept.pk)
    kept.refresh_from_db()
    assert kept.document.file.name == kept.key == f"documents/uploads/{kept.pk}/kept.txt"

    crashed = assembled("crashed.txt")
    # The worker dies after assembling: here, the document's row cannot be written.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the first row's checks, done now
        cursor.execute(
            "ALTER TABLE files_resourcedocument ADD CONSTRAINT no_rows CHECK (id < 0) NOT VALID"
        )
    with pytest.raises(IntegrityError):
        upload_finish(upload_id=crashed.pk)
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE files_resourcedocument DROP CONSTRAINT no_rows")
    assert ResourceDocument.objects.filter(file=crashed.key).count() == 0
    assert s3_objects.names() == sorted([kept.key, crashed.key])

    status, out = sweep("--older-than", "0")
    assert status == 0 and "ORPHAN" not in out
    assert s3_objects.names() == sorted([kept.key, crashed.key])  # the upload is live

    Upload.objects.filter(pk=crashed.pk).update(expires_at=timezone.now() - timedelta(hours=1))
    status, out = sweep("--older-than", "0")

    assert crashed.key in out
    assert s3_objects.names() == [kept.key]
    assert Upload.objects.get(pk=crashed.pk).state == Upload.State.ABORTED
    assert ResourceDocument.objects.get(pk=kept.document.pk).file.name == kept.key
