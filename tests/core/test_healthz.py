"""`/healthz`: the state of database, storage and search, for load balancers and people."""

import io

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse

from resource_hub.records.services import record_release
from search import lifecycle

pytestmark = pytest.mark.django_db


def get_health(client):
    response = client.get(reverse("healthz"))
    return response.status_code, response.json()


def test_all_services_up_is_ok(client, s3_storage, es_client):
    lifecycle.rebuild()  # the site's index exists (empty: no record is released)

    status, body = get_health(client)

    assert status == 200
    assert body["status"] == "ok"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "storage": "ok",
        "search": "ok",
    }
    assert body["checks"]["storage"]["backend"] == "S3Storage"
    assert body["checks"]["search"]["backend"] == "elasticsearch"


def test_a_missing_index_is_degraded_with_the_reason(client, s3_storage, es_client):
    status, body = get_health(client)

    assert status == 200
    assert body["status"] == "degraded"
    search = body["checks"]["search"]
    assert search["status"] == "degraded"
    assert search["backend"] == "elasticsearch"
    assert "has not been built" in search["reason"]
    assert "search_index ensure" in search["reason"]


def test_an_empty_index_while_records_are_released_is_degraded(
    client, s3_storage, es_client, make_record, world, django_capture_on_commit_callbacks
):
    lifecycle.rebuild()
    with django_capture_on_commit_callbacks(execute=True):  # indexed after commit
        record = record_release(user=world.editor_a, record=make_record())
    alias = lifecycle.alias_name()
    assert es_client.count(index=alias)["count"] == 1
    es_client.delete(index=alias, id=str(record.pk), refresh=True)  # the index lost it

    status, body = get_health(client)

    assert status == 200
    assert body["checks"]["search"]["status"] == "degraded"
    assert "empty while records are released" in body["checks"]["search"]["reason"]

    call_command("search_index", "ensure", "--no-progress", stdout=io.StringIO())

    assert es_client.count(index=alias)["count"] == 1
    assert get_health(client)[1]["checks"]["search"] == {"status": "ok", "backend": "elasticsearch"}


def test_without_elasticsearch_search_is_degraded_but_site_is_up(client, settings):
    settings.ELASTICSEARCH_URL = None

    status, body = get_health(client)

    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["status"] == "degraded"
    assert "database search" in body["checks"]["search"]["reason"]


def test_unreachable_elasticsearch_is_degraded(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # discard port: nothing listens
    settings.ELASTICSEARCH_TIMEOUT = 1

    status, body = get_health(client)

    assert status == 200
    assert body["checks"]["search"]["status"] == "degraded"
    assert body["checks"]["search"]["reason"].startswith("ConnectionError")


def test_unreachable_storage_is_down_with_503(client, settings, s3_storage):
    storages = {**settings.STORAGES}
    options = {**storages["default"]["OPTIONS"], "endpoint_url": "http://127.0.0.1:9"}
    storages["default"] = {**storages["default"], "OPTIONS": options}
    settings.STORAGES = storages

    status, body = get_health(client)

    assert status == 503
    assert body["status"] == "down"
    assert body["checks"]["storage"]["status"] == "down"
    assert body["checks"]["database"]["status"] == "ok"
    # Public endpoint: the reason names no host or port.
    assert "127.0.0.1" not in body["checks"]["storage"]["reason"]


def test_database_failure_is_down_with_503(client, monkeypatch):
    from resource_hub.core import health

    def broken_cursor():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", broken_cursor)

    status, body = get_health(client)

    assert status == 503
    assert body["checks"]["database"] == {
        "status": "down",
        "reason": "OperationalError: database unreachable or refused the request",
        "backend": health.connection.vendor,
    }


def test_healthz_is_never_cached(client):
    response = client.get(reverse("healthz"))

    assert "no-cache" in response["Cache-Control"]
