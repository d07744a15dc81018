"""Proof that the suite reaches the real PostgreSQL, S3 server and Elasticsearch."""

import uuid

import requests
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from wagtail.models import Page

from resource_hub.portal.services import site_bootstrap
from search.client import index_name, server_version


def test_page_is_saved_in_postgresql(postgres_db):
    home = site_bootstrap()
    child = home.add_child(instance=Page(title="Saved in PostgreSQL", slug="saved-in-postgres"))

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        (version,) = cursor.fetchone()
        cursor.execute("SELECT title FROM wagtailcore_page WHERE id = %s", [child.pk])
        (title,) = cursor.fetchone()

    assert version.startswith("PostgreSQL")
    assert title == "Saved in PostgreSQL"


def test_file_saved_through_default_storage_is_a_private_object_in_the_bucket(
    s3_storage, s3_client, settings
):
    payload = "教材 · แบบเรียน · giáo trình\n".encode() * 100
    name = default_storage.save("probe/lesson.txt", ContentFile(payload))

    key = f"{s3_storage}/{name}"
    stored = s3_client.get_object(Bucket=settings.S3_BUCKET, Key=key)
    assert stored["Body"].read() == payload

    endpoint = settings.STORAGES["default"]["OPTIONS"]["endpoint_url"]
    unsigned = requests.get(f"{endpoint}/{settings.S3_BUCKET}/{key}", timeout=10)
    assert unsigned.status_code == 403

    signed_url = default_storage.url(name)
    assert "X-Amz-Signature=" in signed_url
    signed = requests.get(signed_url, timeout=10)
    assert signed.status_code == 200
    assert signed.content == payload


def test_elasticsearch_indexes_and_finds_a_document(es_client):
    name = index_name(f"probe-{uuid.uuid4().hex[:8]}")
    es_client.indices.create(
        index=name,
        mappings={"properties": {"title": {"type": "text", "analyzer": "cjk"}}},
    )
    es_client.index(index=name, id="1", document={"title": "职业教育数字化教学资源"}, refresh=True)
    es_client.index(
        index=name, id="2", document={"title": "Marine biology field guide"}, refresh=True
    )

    hits = es_client.search(index=name, query={"match": {"title": "数字化"}})["hits"]["hits"]

    assert [hit["_id"] for hit in hits] == ["1"]
    major = int(server_version().split(".")[0])
    assert major >= 8
