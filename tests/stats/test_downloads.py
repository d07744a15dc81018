"""A file downloaded from a record counts as a COUNTER request of that record."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from resource_hub.files.services import document_create
from resource_hub.records.services import file_attach, record_release
from resource_hub.stats.models import ItemKind, Metric, UsageEvent
from tests.files import samples

from .conftest import BROWSER, GOOGLEBOT


@pytest.fixture
def released(released_with_file):
    return released_with_file()


def download(client, document, *, record=None, user_agent=BROWSER):
    path = reverse("files:download", args=[document.pk])
    if record is not None:
        path = f"{path}?record={record.pk}"
    # The count is made once the answer is sent: Django's test client closes the
    # response, as a WSGI server does.
    return client.get(path, HTTP_USER_AGENT=user_agent)


def test_a_download_from_a_record_is_a_request_of_that_record(client, released):
    record, document = released

    assert download(client, document, record=record).status_code == 302

    event = UsageEvent.objects.get()
    assert (event.metric, event.kind, event.record_id, event.document_id) == (
        Metric.REQUEST,
        ItemKind.FILE,
        record.pk,
        document.pk,
    )


def test_robots_refusals_and_downloads_naming_no_record_are_not_counted(
    client, world, released, make_record
):
    record, document = released
    foreign = make_record(title="Not holding the file")
    record_release(user=world.editor_a, record=foreign)

    assert download(client, document, record=record, user_agent=GOOGLEBOT).status_code == 302
    assert download(client, document).status_code == 302  # no record named
    assert download(client, document, record=foreign).status_code == 302  # not its holder
    client.force_login(world.teacher_b)
    record.unpublish()
    assert download(client, document, record=record).status_code in (403, 404)

    assert not UsageEvent.objects.exists()


def test_a_site_that_records_nothing_still_serves_the_file(client, released, settings):
    record, document = released
    settings.STATS_RECORDING = False

    assert download(client, document, record=record).status_code == 302
    assert client.get(record.url, HTTP_USER_AGENT=BROWSER).status_code == 200

    assert not UsageEvent.objects.exists()


def test_a_preview_opened_from_its_record_is_an_investigation(
    client, world, make_record, s3_storage
):
    record = make_record()
    document = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(samples.png(size=(60, 40)), name="field.png"),
    )
    file_attach(user=world.teacher_a, record=record, document=document)
    record_release(user=world.editor_a, record=record)
    path = reverse("files:preview", args=[document.pk])

    assert client.get(f"{path}?record={record.pk}", HTTP_USER_AGENT=BROWSER).status_code == 302
    assert client.get(path, HTTP_USER_AGENT=BROWSER).status_code == 302  # no record: not counted
    assert client.get(f"{path}?record=x", HTTP_USER_AGENT=BROWSER).status_code == 400

    event = UsageEvent.objects.get()
    assert (event.metric, event.kind, event.record_id, event.document_id) == (
        Metric.INVESTIGATION,
        ItemKind.FILE,
        record.pk,
        document.pk,
    )
    page = client.get(record.url, HTTP_USER_AGENT=GOOGLEBOT).content.decode()
    assert f"{path}?record={record.pk}" in page  # the record page's preview names its record
