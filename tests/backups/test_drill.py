"""The backup drill: back up a site, destroy its database, bucket and index, restore,
and find the same site (records, files by SHA-256, search results, audit log).

Against the real services: PostgreSQL (pg_dump / pg_restore), the S3 server
and Elasticsearch. Transactional, because pg_dump reads committed data only.
"""

import hashlib
import json

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.utils import ProgrammingError
from wagtail.models import PageLogEntry

from resource_hub.backups import archive
from resource_hub.backups.errors import BackupError
from resource_hub.files.inventory import list_objects
from resource_hub.files.models import ResourceDocument
from resource_hub.files.objectstore import bucket
from resource_hub.files.services import document_create
from resource_hub.records.models import RecordPage
from resource_hub.records.services import file_attach, record_release
from search.params import parse_params
from search.service import search

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUERIES = ("rice", "水稻", "ข้าว", "lesson")


def site_with_files(world, make_record):
    """Two released records with files (one in Thai, one in Chinese) and a draft with one."""
    made = []
    for title, text in (
        ("水稻栽培技术 Rice cultivation", "稻田水分管理 paddy water"),
        ("การปลูกข้าว Rice in Thailand", "บทเรียนการปลูกข้าว lesson"),
        ("Draft lesson plan", "not yet released"),
    ):
        record = make_record(title=title)
        document = document_create(
            user=world.teacher_a,
            collection=world.inst_a.collection,
            file=ContentFile(text.encode(), name=f"{title[:8]}.txt"),
        )
        file_attach(user=world.teacher_a, record=record, document=document)
        made.append(record)
    for record in made[:2]:
        record_release(user=world.editor_a, record=record)
    return made


def snapshot(queries=QUERIES) -> dict:
    """What a person would check is the same site: records, files, search and the audit log."""
    target = bucket()
    files = {}
    for stored in list_objects(""):
        body = target.client.get_object(Bucket=target.name, Key=target.key(stored.name))["Body"]
        files[stored.name] = hashlib.sha256(body.read()).hexdigest()
    return {
        "records": sorted(
            RecordPage.objects.values_list("pk", "title", "live", "live_revision_id", "path")
        ),
        "documents": sorted(ResourceDocument.objects.values_list("pk", "file", "sha256")),
        "files": files,
        "search": {q: [hit.id for hit in search(parse_params({"q": q})).hits] for q in queries},
        "audit": sorted(
            PageLogEntry.objects.values_list("pk", "action", "page_id", "user_id", "timestamp")
        ),
    }


def destroy(settings, es_client):
    """Everything goes: the database's tables, the bucket's objects, the search indices."""
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    target = bucket()
    for stored in list(list_objects("")):
        target.client.delete_object(Bucket=target.name, Key=target.key(stored.name))
    es_client.indices.delete(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*")


def test_a_backup_restores_the_same_site(
    world, make_record, s3_storage, es_client, settings, tmp_path
):
    site_with_files(world, make_record)
    call_command("search_index", "rebuild", no_progress=True)
    before = snapshot()
    assert len(before["files"]) == 3 and before["search"]["rice"] and before["audit"], before

    call_command("backup", str(tmp_path), no_progress=True)
    (folder,) = tmp_path.iterdir()
    destroy(settings, es_client)
    assert not list(list_objects(""))
    with pytest.raises(ProgrammingError):  # no tables left
        RecordPage.objects.count()

    call_command("restore", str(folder), "--yes", no_progress=True)

    assert snapshot() == before


def test_the_demo_site_restores_the_same(s3_storage, es_client, settings, tmp_path):
    """The drill on the demo content `make run` shows (fewer records, the same kinds):
    institutions, accounts, records in every language with their files and thumbnails,
    collections, usage events."""
    call_command("load_demo", "--institutions", "4", "--records", "20", "--force")
    call_command("search_index", "rebuild", no_progress=True)
    titles = RecordPage.objects.filter(live=True).values_list("title", flat=True)[:4]
    queries = [title.split()[0] for title in titles]
    before = snapshot(queries)
    assert len(before["files"]) >= 10 and all(before["search"].values()), before["search"]

    call_command("backup", str(tmp_path), no_progress=True)
    (folder,) = tmp_path.iterdir()
    destroy(settings, es_client)
    call_command("restore", str(folder), "--yes", no_progress=True)

    assert snapshot(queries) == before


def test_a_damaged_backup_changes_nothing(world, make_record, s3_storage, tmp_path):
    site_with_files(world, make_record)
    call_command("backup", str(tmp_path), no_progress=True)
    (folder,) = tmp_path.iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    damaged = folder / "objects" / manifest["objects"][0]["name"]
    damaged.write_bytes(damaged.read_bytes() + b"!")
    record = RecordPage.objects.order_by("pk").last()
    record.title = "Edited after the backup"
    record.save()

    with pytest.raises(CommandError, match="wrong size"):
        call_command("restore", str(folder), "--yes", no_progress=True)

    assert RecordPage.objects.get(pk=record.pk).title == "Edited after the backup"


def test_restore_asks_for_confirmation_and_check_changes_nothing(
    world, make_record, s3_storage, tmp_path, capsys
):
    site_with_files(world, make_record)
    call_command("backup", str(tmp_path), no_progress=True)
    (folder,) = tmp_path.iterdir()
    count = RecordPage.objects.count()

    call_command("restore", str(folder), "--check", no_progress=True)
    assert "every checksum matches" in capsys.readouterr().out
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(folder), no_progress=True)
    with pytest.raises(CommandError, match="no manifest.json"):
        call_command("restore", str(tmp_path), "--yes", no_progress=True)
    assert RecordPage.objects.count() == count


def test_a_manifest_cannot_name_a_file_outside_the_backup(tmp_path):
    with pytest.raises(BackupError, match="unsafe"):
        archive._object_path(tmp_path, "../../etc/passwd")


@pytest.fixture
def store_down(settings):
    """The site's storage pointed at a port where nothing listens."""
    options = dict(settings.STORAGES["default"]["OPTIONS"])
    options["endpoint_url"] = "http://127.0.0.1:9"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": options},
    }


def test_a_backup_without_the_store_says_so_and_leaves_no_folder(
    world, s3_storage, tmp_path, store_down
):
    with pytest.raises(CommandError, match="object store cannot be reached"):
        call_command("backup", str(tmp_path), no_progress=True)

    assert list(tmp_path.iterdir()) == []


def test_a_restore_without_the_store_changes_nothing(
    world, make_record, s3_storage, tmp_path, request
):
    site_with_files(world, make_record)
    call_command("backup", str(tmp_path), no_progress=True)
    (folder,) = tmp_path.iterdir()
    record = RecordPage.objects.order_by("pk").last()
    record.title = "Edited after the backup"
    record.save()
    request.getfixturevalue("store_down")

    with pytest.raises(CommandError, match="object store cannot be reached"):
        call_command("restore", str(folder), "--yes", no_progress=True)

    assert RecordPage.objects.get(pk=record.pk).title == "Edited after the backup"
