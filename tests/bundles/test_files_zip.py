""" "Download all files": the ZIP's content, its length, and who gets what."""

from urllib.parse import unquote

from django.urls import reverse

from resource_hub.access.documents import can_download
from resource_hub.files.models import ResourceDocument

from .conftest import add_file, manifest_of, read_zip, release, sha256


def record_url(record):
    return reverse("bundles:record_files", args=[record.pk])


def collection_url(collection):
    return reverse("bundles:collection_files", args=[collection.pk])


def test_a_records_zip_holds_its_files_byte_for_byte_with_manifest_citation_and_licence(
    client, shelf
):
    response = client.get(record_url(shelf.public))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"] == "private, no-store"
    archive = read_zip(response)  # also: Content-Length == bytes streamed
    assert archive.testzip() is None  # every member's CRC checks out
    folder = f"{shelf.public.pk} 水稻栽培技术 Rice cultivation techniques"
    assert archive.namelist() == [
        "manifest.json",
        "CITATION.txt",
        "LICENSES.txt",
        f"{folder}/教案 第一课.txt",
        f"{folder}/notes.txt",
    ]
    assert all(info.compress_type == 0 for info in archive.infolist())  # stored
    manifest = manifest_of(archive)
    (entry,) = manifest["records"]
    assert entry["id"] == shelf.public.pk
    assert entry["title"] == "水稻栽培技术 Rice cultivation techniques"
    assert entry["creators"][0] == {
        "name": "Li Wei",
        "orcid": "0000-0002-1825-0097",
        "affiliation": None,
        "role": "author",
    }
    assert entry["licence"]["id"] == "CC-BY-4.0"
    assert entry["url"].endswith(f"/r/{shelf.public.pk}")
    for described in entry["files"]:
        data = archive.read(described["path"])
        assert sha256(data) == described["sha256"]
        assert len(data) == described["size"]
    originals = {sha256(body) for body in shelf.bodies.values()}
    assert {f["sha256"] for f in entry["files"]} <= originals
    citation = archive.read("CITATION.txt").decode()
    assert "Li, W. (2025). 水稻栽培技术 Rice cultivation techniques" in citation
    assert "GB/T 7714-2015" in citation and f"/r/{shelf.public.pk}" in citation
    licences = archive.read("LICENSES.txt").decode()
    assert "CC-BY-4.0" in licences and "creativecommons.org" in licences


def test_the_download_name_is_the_title_with_an_ascii_fallback(client, shelf):
    response = client.get(record_url(shelf.public))

    disposition = response["Content-Disposition"]
    fallback = f'filename="record-{shelf.public.pk}-rice-cultivation-techniques.zip"'
    assert disposition.startswith(f"attachment; {fallback}; filename*=UTF-8''")
    assert unquote(disposition.split("''", 1)[1]) == "水稻栽培技术 Rice cultivation techniques.zip"


def test_a_collection_zip_holds_only_what_an_anonymous_visitor_may_download(client, shelf):
    response = client.get(collection_url(shelf.collection))

    archive = read_zip(response)
    manifest = manifest_of(archive)
    assert [r["id"] for r in manifest["records"]] == [shelf.public.pk, shelf.other.pk]
    names = archive.namelist()
    assert not any("exam answers" in name or "draft" in name for name in names)
    assert f"{shelf.other.pk} การปลูกข้าว Rice growing in Thailand/บทเรียน.txt" in names
    # The policy, asked file by file, agrees with what the archive holds.
    for document in ResourceDocument.objects.all():
        in_zip = any(
            f["sha256"] == document.sha256 for r in manifest["records"] for f in r["files"]
        )
        assert in_zip == can_download(None, document), document.original_filename


def test_members_see_their_members_only_files_in_the_editors_order(client, shelf, world):
    client.force_login(world.member_a)

    archive = read_zip(client.get(collection_url(shelf.collection)))

    manifest = manifest_of(archive)
    assert [r["id"] for r in manifest["records"]] == [
        shelf.members_only.pk,
        shelf.public.pk,
        shelf.other.pk,
    ]
    answers = next(f for f in manifest["records"][0]["files"] if f["name"] == "exam answers.txt")
    assert sha256(archive.read(answers["path"])) == answers["sha256"]


def test_unreleased_and_restricted_records_are_404_like_their_pages(client, shelf, world):
    assert client.get(record_url(shelf.draft)).status_code == 404
    assert client.get(record_url(shelf.members_only)).status_code == 404
    client.force_login(world.teacher_b)  # signed in, but not a member of institution A
    assert client.get(record_url(shelf.members_only)).status_code == 404
    client.force_login(world.teacher_a)  # the author: the draft is still not released
    assert client.get(record_url(shelf.draft)).status_code == 404
    assert client.get(record_url(shelf.members_only)).status_code == 200


def test_unknown_ids_and_unpublished_collections_are_404(client, shelf, world):
    assert client.get(reverse("bundles:record_files", args=[2**31])).status_code == 404
    assert client.get(reverse("bundles:record_files", args=[999999])).status_code == 404
    not_a_collection = reverse("bundles:collection_files", args=[shelf.public.pk])
    assert client.get(not_a_collection).status_code == 404
    shelf.collection.unpublish()
    assert client.get(collection_url(shelf.collection)).status_code == 404


def test_a_missing_object_refuses_the_bundle_before_it_starts(client, shelf, s3_client, settings):
    document = shelf.public.files.first().document
    s3_client.delete_object(
        Bucket=settings.S3_BUCKET,
        Key=f"{settings.STORAGES['default']['OPTIONS']['location']}/{document.file.name}",
    )

    response = client.get(record_url(shelf.public))

    assert response.status_code == 503
    assert "cannot be read from storage" in response.content.decode()


def test_head_answers_the_length_without_streaming(client, shelf):
    full = client.get(record_url(shelf.public))
    head = client.head(record_url(shelf.public))

    assert head.status_code == 200
    assert head["Content-Length"] == full["Content-Length"]


def test_same_file_names_in_one_record_do_not_collide(client, world, make_record, s3_storage):
    record = make_record(title="Two handouts")
    add_file(world, record, "handout.txt", b"first handout\n")
    add_file(world, record, "Handout.txt", b"second handout\n")
    release(world, record)

    archive = read_zip(client.get(record_url(record)))

    assert archive.namelist()[3:] == [
        f"{record.pk} Two handouts/handout.txt",
        f"{record.pk} Two handouts/Handout (2).txt",
    ]


def test_an_unreachable_store_is_a_503_page_not_a_crash(client, shelf, settings):
    # Nothing listens on port 9 (discard): the connection is refused at once.
    options = {**settings.STORAGES["default"]["OPTIONS"], "endpoint_url": "http://127.0.0.1:9"}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": options},
    }

    response = client.get(record_url(shelf.public))

    assert response.status_code == 503
    assert "cannot be reached" in response.content.decode()
