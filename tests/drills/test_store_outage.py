"""Fault drill: the object store stops in the middle of an upload and of a download.

A private S3 server (S3Proxy, started by the project's own script on a port of
its own, its data in a temporary folder) so that stopping it leaves the
shared one alone. The site is pointed at it; the browser's part is played with
`requests` against the signed URLs, as in tests/files/test_uploads.py.

What a user sees: the part they were sending fails in their browser (the
uploader retries it); asking the site to complete says the store is
unavailable (503, `storage_unavailable`) and the upload stays as it was; once
the store is back, the missing part is sent and the upload completes with the
whole file, nothing lost. A download started meanwhile gets its signed
redirect (signing is local) but the store refuses the connection; "download
all" is refused with a 503 page before it starts (tests/bundles/test_files_zip.py);
`/healthz` says storage is
failing while it lasts.
"""

import hashlib
import json
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
import requests
from django.core.files.base import ContentFile
from django.urls import reverse

from resource_hub.files.models import ResourceDocument, Upload
from resource_hub.files.services import document_create

from ..files import samples
from ..files.factories import CollectionFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
PART = 5 * 1024 * 1024


class PrivateStore:
    """An S3Proxy of our own, started and stopped with scripts/s3proxy.sh."""

    def __init__(self, folder: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        dist = ROOT / ".services" / "dist"
        if dist.is_dir():  # the jar fetched already: no second download
            shutil.copytree(dist, folder / "dist", dirs_exist_ok=True)
        self.env = {
            **os.environ,
            "RH_SERVICES_DIR": str(folder),
            "RH_S3_PORT": str(self.port),
            "RH_S3_BUCKET": "drill",
        }
        self.url = f"http://127.0.0.1:{self.port}"

    def _script(self, action: str) -> None:
        subprocess.run(  # noqa: S603 - the project's own script
            [str(ROOT / "scripts" / "s3proxy.sh"), action],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=180,
        )

    def start(self) -> None:
        self._script("start")

    def stop(self) -> None:
        self._script("stop")


@pytest.fixture
def store(tmp_path_factory, settings):
    private = PrivateStore(tmp_path_factory.mktemp("s3"))
    private.start()
    storages = {**settings.STORAGES}
    options = {
        **storages["default"]["OPTIONS"],
        "endpoint_url": private.url,
        "bucket_name": "drill",
    }
    options["location"] = ""
    storages["default"] = {**storages["default"], "OPTIONS": options}
    settings.STORAGES = storages
    settings.S3_ENDPOINT_URL = private.url
    settings.S3_BUCKET = "drill"
    settings.FILES_UPLOAD_PART_SIZE = PART
    yield private
    private.stop()


@pytest.fixture
def teacher(client, db):
    collection = CollectionFactory(name="Drill college")
    user = UserFactory(can_add_documents_to=collection)
    client.force_login(user)
    return client, collection, user


def post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def test_an_upload_survives_the_store_stopping_half_way(teacher, store):
    client, collection, _user = teacher
    payload = samples.pdf(pages=2, text="Photosynthesis", padding=8 * 1024 * 1024)
    body = {"collection": collection.pk, "filename": "lesson.pdf", "size": len(payload)}
    upload = post(client, reverse("api:uploads"), body).json()
    parts = post(client, upload["links"]["parts"], {"parts": [1, 2]}).json()["parts"]
    first, second = payload[:PART], payload[PART:]
    assert requests.put(parts[0]["url"], data=first, timeout=30).status_code == 200

    store.stop()
    with pytest.raises(requests.ConnectionError):  # the browser's PUT fails: it will retry
        requests.put(parts[1]["url"], data=second, timeout=30)
    completing = post(client, upload["links"]["complete"])
    health = client.get(reverse("healthz"))

    assert completing.status_code == 503, completing.content
    assert completing.json()["error"]["code"] == "storage_unavailable"
    assert health.status_code == 503
    assert Upload.objects.get(pk=upload["id"]).state == "started"  # as it was: nothing lost
    assert not ResourceDocument.objects.exists()

    store.start()
    listed = client.get(upload["links"]["self"]).json()
    assert [part["number"] for part in listed["parts"]] == [1]  # the store kept the first part
    again = post(client, upload["links"]["parts"], {"parts": [2]}).json()["parts"][0]
    assert requests.put(again["url"], data=second, timeout=30).status_code == 200
    done = post(client, upload["links"]["complete"])

    assert done.status_code == 201, done.content
    document = ResourceDocument.objects.get(pk=done.json()["document"]["id"])
    assert document.sha256 == hashlib.sha256(payload).hexdigest()
    with document.file.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == document.sha256


def test_a_download_while_the_store_is_away(teacher, store):
    client, collection, user = teacher
    document = document_create(
        user=user,
        collection=collection,
        file=ContentFile(b"lesson notes\n", name="notes.txt"),
    )
    url = reverse("files:download", args=[document.pk])
    assert requests.get(client.get(url)["Location"], timeout=30).content == b"lesson notes\n"

    store.stop()
    redirect = client.get(url)
    assert redirect.status_code == 302  # signing needs no store
    with pytest.raises(requests.ConnectionError):
        requests.get(redirect["Location"], timeout=30)

    store.start()
    assert requests.get(client.get(url)["Location"], timeout=30).content == b"lesson notes\n"
