"""Hostile parameters: a 400 naming the parameter, never a 500; odd ids are 404."""

import pytest
from django.urls import reverse

from .conftest import add_file, release

BAD_VERSIONS = ["2.0", "1.2", "", "1.1 ", "1.1\x00", "x" * 5000, "١.١", "1.1;DROP"]


@pytest.fixture
def teaching(world, make_record, s3_storage):
    record = make_record(title="A lesson")
    add_file(world, record, "lesson.txt", b"lesson\n")
    return release(world, record)


@pytest.mark.parametrize("version", BAD_VERSIONS)
def test_a_bad_cartridge_version_is_400_naming_it(client, teaching, version):
    url = reverse("bundles:record_cartridge", args=[teaching.pk])

    response = client.get(url, {"version": version})

    assert response.status_code == 400
    assert "version" in response.content.decode()


def test_a_repeated_or_unknown_parameter_changes_nothing(client, teaching):
    url = reverse("bundles:record_cartridge", args=[teaching.pk])

    assert client.get(url + "?version=1.1&version=1.3").status_code == 200
    assert client.get(url + "?what=%00").status_code == 200
    assert (
        client.get(reverse("bundles:record_files", args=[teaching.pk]) + "?x=%00").status_code
        == 200
    )


@pytest.mark.parametrize("path", ["0", "99999999999", "-1", "1e3", "%00"])
def test_odd_ids_are_404(client, path, db):
    assert client.get(f"/bundles/records/{path}/files.zip").status_code == 404
    assert client.get(f"/bundles/collections/{path}/cartridge.imscc").status_code == 404


def test_only_get_and_head(client, teaching):
    url = reverse("bundles:record_files", args=[teaching.pk])

    assert client.post(url).status_code == 405
