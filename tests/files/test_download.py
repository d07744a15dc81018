"""Downloads: permission first, a short-lived signed URL that forces an attachment with
the original (UTF-8) name, the same headers from local storage, and a counter."""

from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.core.files.base import ContentFile
from django.urls import reverse

from resource_hub.files.services import document_create
from resource_hub.records.services import file_attach, record_release
from resource_hub.stats.models import Metric, UsageEvent
from tests.stats.conftest import BROWSER

NAME = "教材 แบบเรียน ឯកសារ.txt"
BODY = "Lesson notes · 教学笔记\n".encode()


def released_with_file(world, make_record):
    record = make_record()
    document = document_create(
        user=world.teacher_a, collection=world.inst_a.collection, file=ContentFile(BODY, name=NAME)
    )
    file_attach(user=world.teacher_a, record=record, document=document)
    record_release(user=world.editor_a, record=record)
    return record, document


def download_url(document, record=None):
    url = reverse("files:download", args=[document.pk])
    return f"{url}?record={record.pk}" if record else url


def test_s3_download_redirects_to_a_signed_attachment_url(
    client, world, make_record, s3_storage, settings
):
    record, document = released_with_file(world, make_record)

    response = client.get(download_url(document, record))

    assert response.status_code == 302
    location = response["Location"]
    query = parse_qs(urlparse(location).query)
    assert query["X-Amz-Expires"] == [str(settings.S3_SIGNED_URL_EXPIRY)]
    fetched = requests.get(location, timeout=10)
    assert fetched.status_code == 200
    assert fetched.content == BODY
    disposition = fetched.headers["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''")
    assert requests.utils.unquote(disposition.split("''", 1)[1]) == NAME
    ranged = requests.get(location, headers={"Range": "bytes=0-4"}, timeout=10)
    assert ranged.status_code == 206 and ranged.content == BODY[:5]


def test_local_storage_streams_with_the_same_headers(
    client, world, make_record, settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    record, document = released_with_file(world, make_record)

    response = client.get(download_url(document, record))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == BODY
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_download_of_an_unreleased_file_is_refused(client, world, make_record, s3_storage):
    record = make_record()
    document = document_create(
        user=world.teacher_a, collection=world.inst_a.collection, file=ContentFile(BODY, name=NAME)
    )
    file_attach(user=world.teacher_a, record=record, document=document)

    client.defaults["HTTP_USER_AGENT"] = BROWSER  # would be counted, were it not refused
    anonymous = client.get(download_url(document, record))
    client.force_login(world.teacher_b)
    outsider = client.get(download_url(document))

    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
    assert outsider.status_code == 403
    assert not UsageEvent.objects.exists()


def test_downloads_from_a_record_are_counted_for_it_and_others_not(
    client, world, make_record, s3_storage
):
    record, document = released_with_file(world, make_record)
    client.defaults["HTTP_USER_AGENT"] = BROWSER  # a machine's downloads are not counted

    for _ in range(3):
        client.get(download_url(document, record))
    client.get(download_url(document))  # from no record: not a use of a released record
    client.get(download_url(document) + "?record=999999")  # not a holder: not counted

    events = UsageEvent.objects.filter(document_id=document.pk)
    assert list(events.values_list("metric", "record_id").distinct()) == [
        (Metric.REQUEST, record.pk)
    ]
    assert events.count() == 3


@pytest.mark.django_db
def test_unknown_file_is_404(client):
    assert client.get(reverse("files:download", args=[424242])).status_code == 404


def test_a_missing_local_object_is_a_404_not_a_crash(
    client, world, make_record, settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    record, document = released_with_file(world, make_record)
    document.file.storage.delete(document.file.name)

    response = client.get(download_url(document, record))

    assert response.status_code == 404
