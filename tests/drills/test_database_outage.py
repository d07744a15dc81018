"""Fault drill: PostgreSQL restarts, then stays away a while, while the site serves.

Against the real server: a restart is every connection of the site's database
terminated by the server (`pg_terminate_backend`, what a restart does to its
clients); an outage is the database refusing new connections
(`ALLOW_CONNECTIONS false`). The site runs under gunicorn (one process, two
threads) with the settings' persistent connections and health checks, as in
production; Django's live server closes its connections after each request,
so it could not show a restart.

What a user sees: across a restart, nothing (the next request reconnects);
during an outage, a 503 page saying the database is away and to try again
(Retry-After), the API's error shape with `database_unavailable`, and
`/healthz` 503 naming the database; afterwards, the same site, nothing lost.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
import requests
from django.db import connection

from resource_hub.records.services import record_release

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def terminate_the_sites_connections() -> int:
    """What a server restart does to its clients (our own test connection aside)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def allow_connections(allowed: bool) -> None:
    """Let the site's database accept new connections, or not (said from another database)."""
    settings = connection.settings_dict
    name = connection.ops.quote_name(settings["NAME"])
    with psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS {str(allowed).lower()}")


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def site(world, make_record):
    """A released record, and the site under gunicorn on the test database."""
    record = record_release(user=world.editor_a, record=make_record(title="Rice cultivation"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    database = connection.settings_dict
    server = subprocess.Popen(  # noqa: S603 - our own application
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "--workers=1",
            "--threads=2",
            f"--bind=127.0.0.1:{port}",
            "resource_hub.wsgi:application",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "resource_hub.settings.test",
            "DATABASE_URL": (
                f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
                f"{database['PORT']}/{database['NAME']}"
            ),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                requests.get(f"{base}/healthz", timeout=30)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        yield base, record
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_restart_between_requests_goes_unnoticed(site):
    base, record = site
    assert requests.get(f"{base}{record.url}", timeout=30).status_code == 200

    assert terminate_the_sites_connections() >= 1

    answer = requests.get(f"{base}{record.url}", timeout=30)
    assert answer.status_code == 200 and "Rice cultivation" in answer.text


def test_while_the_database_is_away_visitors_are_told_and_nothing_is_lost(site):
    base, record = site
    assert requests.get(f"{base}{record.url}", timeout=30).status_code == 200
    try:
        allow_connections(False)
        terminate_the_sites_connections()

        page = requests.get(f"{base}{record.url}", timeout=30)
        api = requests.get(f"{base}/api/v1/records/{record.pk}", timeout=30)
        health = requests.get(f"{base}/healthz", timeout=30)
    finally:
        allow_connections(True)

    assert page.status_code == 503 and page.headers["Retry-After"] == "30"
    assert "Our database is not answering right now" in page.text
    assert api.status_code == 503 and api.headers["Retry-After"] == "30"
    assert api.json()["error"]["code"] == "database_unavailable"
    assert health.status_code == 503
    assert health.json()["checks"]["database"]["status"] != "ok", health.json()

    answer = requests.get(f"{base}{record.url}", timeout=30)
    assert answer.status_code == 200 and "Rice cultivation" in answer.text
