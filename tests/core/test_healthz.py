"""`/healthz`: the state of database, storage and search, for load balancers and people."""

import pytest
from django.db import OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def get_health(client):
    response = client.get(reverse("healthz"))
    return response.status_code, response.json()


def test_all_services_up_is_ok(client, s3_storage, es_client):
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
