"""IMS Common Cartridge export: CC 1.1 (Moodle) and 1.3 (Canvas), checked against the
profiles' rules and read back by an independent reader (pyslet, a test dependency)."""

import io
import json
import unittest
import zipfile
from types import SimpleNamespace
from urllib.parse import unquote

import pytest
from django.urls import reverse
from pyslet import imscc_profilev1p0 as v1p0
from pyslet import imscc_profilev1p1 as imscc

from resource_hub.bundles.lom import lom_context
from resource_hub.records.models import AchievementPage

from .cc_profile import check_cartridge
from .conftest import add_file, release, sha256

VERSIONS = ["1.1", "1.3"]


def fetch(client, url, version) -> bytes:
    response = client.get(url, {"version": version})
    assert response.status_code == 200
    assert response["Content-Type"] == f"application/vnd.ims.imsccv{version.replace('.', 'p')}"
    assert response["Cache-Control"] == "private, no-store"
    body = b"".join(response.streaming_content)
    assert len(body) == int(response["Content-Length"])
    return body


@pytest.mark.parametrize("version", VERSIONS)
def test_a_teaching_resource_as_a_cartridge(client, shelf, version):
    url = reverse("bundles:record_cartridge", args=[shelf.public.pk])

    body = fetch(client, url, version)

    checked = check_cartridge(body, version)
    archive, root = checked["archive"], checked["root"]
    record_files = {
        unquote(path): data
        for path, data in ((name, archive.read(name)) for name in archive.namelist())
        if path.endswith(".txt") and "/" in path
    }
    assert {sha256(data) for data in record_files.values()} == {
        sha256(shelf.bodies[pk]) for pk in shelf.public.files.values_list("document_id", flat=True)
    }
    text = archive.read("imsmanifest.xml").decode()
    assert "水稻栽培技术 Rice cultivation techniques" in text
    assert "CC-BY-4.0" in text and "Li Wei" in text
    link = archive.read(
        f"{shelf.public.pk} 水稻栽培技术 Rice cultivation techniques/link/weblink.xml"
    )
    assert f"/r/{shelf.public.pk}".encode() in link
    index = archive.read(f"{shelf.public.pk} 水稻栽培技术 Rice cultivation techniques/index.html")
    assert "%E6%95%99%E6%A1%88%20%E7%AC%AC%E4%B8%80%E8%AF%BE.txt" in index.decode()  # 教案 第一课
    assert root.get("identifier") == f"M_resource_hub_record_{shelf.public.pk}"


def test_the_package_name_says_its_version(client, shelf):
    url = reverse("bundles:record_cartridge", args=[shelf.public.pk])

    response = client.get(url, {"version": "1.1"})

    disposition = response["Content-Disposition"]
    assert f'filename="record-{shelf.public.pk}-rice-cultivation-techniques-cc11.imscc"' in (
        disposition
    )
    assert unquote(disposition.split("''", 1)[1]) == (
        "水稻栽培技术 Rice cultivation techniques (CC 1.1).imscc"
    )


def test_without_a_version_the_package_is_cc_1_3(client, shelf):
    url = reverse("bundles:record_cartridge", args=[shelf.public.pk])

    check_cartridge(b"".join(client.get(url).streaming_content), "1.3")


@pytest.mark.parametrize("version", VERSIONS)
def test_a_collection_cartridge_has_one_item_per_record_the_viewer_may_open(
    client, shelf, world, version
):
    url = reverse("bundles:collection_cartridge", args=[shelf.collection.pk])

    anonymous = check_cartridge(fetch(client, url, version), version)
    client.force_login(world.member_a)
    member = check_cartridge(fetch(client, url, version), version)

    def record_items(checked):
        cp = checked["root"].tag.split("}")[0] + "}"
        top = checked["root"].find(f"{cp}organizations/{cp}organization/{cp}item")
        return [item.get("identifier") for item in top.findall(f"{cp}item")]

    assert record_items(anonymous) == [f"I_{shelf.public.pk}", f"I_{shelf.other.pk}", "I_licences"]
    assert record_items(member) == [
        f"I_{shelf.members_only.pk}",
        f"I_{shelf.public.pk}",
        f"I_{shelf.other.pk}",
        "I_licences",
    ]
    assert not any("exam answers" in name for name in anonymous["archive"].namelist())
    assert any("exam answers" in name for name in member["archive"].namelist())


def test_an_achievement_has_no_course_package_but_has_its_zip(
    client, world, make_record, s3_storage
):
    achievement = make_record(title="A patent", record_class=AchievementPage)
    add_file(world, achievement, "claims.txt", b"claims\n")
    release(world, achievement)

    cartridge = client.get(reverse("bundles:record_cartridge", args=[achievement.pk]))
    files = client.get(reverse("bundles:record_files", args=[achievement.pk]))

    assert cartridge.status_code == 404
    assert files.status_code == 200


def test_restricted_records_and_drafts_are_404(client, shelf, world):
    for record in (shelf.members_only, shelf.draft):
        url = reverse("bundles:record_cartridge", args=[record.pk])
        assert client.get(url, {"version": "1.1"}).status_code == 404
    client.force_login(world.teacher_b)
    url = reverse("bundles:record_cartridge", args=[shelf.members_only.pk])
    assert client.get(url, {"version": "1.1"}).status_code == 404


@pytest.mark.parametrize("version", VERSIONS)
def test_reads_back_with_pyslet_and_passes_its_profile_tests(client, shelf, tmp_path, version):
    """pyslet (PyPI) implements IMS Content Packaging and the CC profile's tests (1.0, 1.1).

    It knows CC 1.1's namespace only: a 1.3 manifest is read with its
    namespaces renamed to 1.1's, which their packaging rules share.
    """
    url = reverse("bundles:collection_cartridge", args=[shelf.collection.pk])
    # Unpacked here: pyslet's own unzip (written for Python 2) misreads UTF-8 names.
    package = tmp_path / "collection"
    zipfile.ZipFile(io.BytesIO(fetch(client, url, version))).extractall(package)
    manifest_file = package / "imsmanifest.xml"
    manifest_file.write_text(manifest_file.read_text().replace("imsccv1p3", "imsccv1p1"))

    cartridge = imscc.CommonCartridge(str(package))
    try:
        manifest = cartridge.cp.manifest.root
        resources = {r.id: r for r in manifest.Resources.Resource}
        assert sorted(resources) == sorted(
            [f"R_{pk}_{kind}" for pk in (shelf.public.pk, shelf.other.pk)
             for kind in ("content", "link")] + ["R_licences"]
        )  # fmt: skip
        assert {r.id for r in cartridge.cwcList} == {
            f"R_{shelf.public.pk}_content",
            f"R_{shelf.other.pk}_content",
            "R_licences",
        }
        assert set(cartridge.laoTable) == {f"R_{shelf.public.pk}_link", f"R_{shelf.other.pk}_link"}
        # Every file the manifest names is in the package, and every file is named.
        assert all(references for references in cartridge.cp.fileTable.values())
        result = unittest.TestResult()
        v1p0.CCTestSuite(cartridge).run(result)
        assert result.testsRun >= 8
        assert result.wasSuccessful(), result.failures + result.errors
    finally:
        cartridge.close()


def test_the_zip_and_the_cartridge_describe_the_same_files(client, shelf):
    zip_response = client.get(reverse("bundles:record_files", args=[shelf.public.pk]))
    cartridge = client.get(reverse("bundles:record_cartridge", args=[shelf.public.pk]))
    manifest = json.loads(
        zipfile.ZipFile(io.BytesIO(b"".join(zip_response.streaming_content))).read("manifest.json")
    )
    package = zipfile.ZipFile(io.BytesIO(b"".join(cartridge.streaming_content)))
    for described in manifest["records"][0]["files"]:
        assert sha256(package.read(described["path"])) == described["sha256"]


@pytest.mark.parametrize(
    ("codes", "context"),
    [
        (["isced-6"], "higher education"),
        (["sector-higher"], "higher education"),
        (["isced-4"], "training"),
        (["sector-vocational", "isced-3"], "training"),
        (["isced-1"], "school"),
        (["sector-special"], "school"),
        ([], "other"),
    ],
)
def test_the_lom_context_comes_from_the_records_levels(codes, context):
    levels = [SimpleNamespace(code=code) for code in codes]

    assert lom_context(levels) == context
