"""The first `make run` on the full stack (issue 11, item 7).

From an empty cluster (this test's own index prefix) and a fresh database,
the steps `make run` runs before `runserver` leave a site whose search
answers from Elasticsearch, whose links carry its address, and whose log has
no flood of "no index" warnings.
"""

import io
import logging

import pytest
from django.core.management import call_command

from resource_hub.demo.selectors import demo_records
from resource_hub.records.models import RecordPage
from search import lifecycle
from search import services as search_services

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADDRESS = "http://127.0.0.1:8765"  # what `make run RUN_PORT=8765` gives SITE_BASE_URL


def make_run_steps() -> str:
    """bootstrap_site, load_demo (a small demo) and search_index ensure, as `make run` runs them."""
    out = io.StringIO()
    call_command("bootstrap_site", stdout=out)
    # Every institution, 40 of the 300 records (about 20 s): among them a public
    # record whose English title is for "learners with special educational needs".
    call_command("load_demo", "--records", "40", stdout=out)
    call_command("search_index", "ensure", "--no-progress", stdout=out)
    return out.getvalue()


def test_first_run_leaves_a_working_index_and_right_links(
    client, settings, es_client, s3_storage, caplog
):
    settings.DEBUG = True
    settings.SITE_BASE_URL = settings.WAGTAILADMIN_BASE_URL = ADDRESS
    assert not lifecycle.aliased_indices(es_client)  # an empty cluster for this prefix

    with caplog.at_level(logging.WARNING):
        output = make_run_steps()

    assert "Rebuilt because the search index has not been built" in output
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    # The numbered demo records and the demo's cooperation agreements (their own slugs).
    released = RecordPage.objects.live().count()
    assert released > demo_records().live().count() > 0
    assert lifecycle.status().documents == released

    response = client.get("/api/v1/search", {"q": "education"})
    body = response.json()
    assert response.status_code == 200
    assert body["degraded"] is False
    assert body["results"], body
    health = client.get("/healthz").json()
    assert health["checks"]["search"] == {"status": "ok", "backend": "elasticsearch"}

    record = demo_records().live().first().specific
    page = client.get(record.url).content.decode()
    assert f'value="{ADDRESS}/r/{record.pk}"' in page  # the share link: the stable one
    assert record.get_full_url().startswith(f"{ADDRESS}/")

    # A second run (the next `make run`) changes nothing and says so.
    assert "is current; nothing to do" in make_run_steps()
    assert lifecycle.status().documents == released


def test_a_load_into_an_existing_index_queues_its_records_once(
    settings, es_client, s3_storage, caplog, monkeypatch
):
    settings.DEBUG = True
    call_command("search_index", "ensure", "--no-progress", stdout=io.StringIO())  # empty index
    queued = []
    enqueue = search_services._enqueue
    monkeypatch.setattr(search_services, "_enqueue", lambda ids: queued.append(ids) or enqueue(ids))

    with caplog.at_level(logging.WARNING):
        call_command("load_demo", "--institutions", "4", "--records", "12", stdout=io.StringIO())

    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    assert len(queued) == 1  # one task for the whole load, not one per publish
    released = RecordPage.objects.live().count()
    assert released >= demo_records().live().count() > 0
    assert lifecycle.status().documents == released
