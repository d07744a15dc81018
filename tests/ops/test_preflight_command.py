"""`manage.py preflight`: a line per check with its remedy, JSON for monitoring, and exit
status 1 when anything fails."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search.client import get_client

pytestmark = pytest.mark.django_db


def preflight(*args):
    out = StringIO()
    call_command("preflight", *args, stdout=out)
    return out.getvalue()


def test_json_lists_every_check_of_the_chosen_groups(own_bucket, postgres_db):
    report = json.loads(preflight("--json", "--only", "database", "--only", "storage"))

    assert report["status"] == "ok"
    assert [check["name"] for check in report["checks"]] == [
        "database.connect",
        "database.migrations",
        "storage.bucket",
        "storage.signed_read",
        "storage.private",
        "storage.cors",
    ]
    assert {check["status"] for check in report["checks"]} == {"ok"}


def test_a_failure_prints_its_remedy_and_exits_1(settings, closed_port):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port}"
    get_client.cache_clear()
    out = StringIO()
    try:
        with pytest.raises(CommandError) as failed:
            call_command("preflight", "--only", "search", "--timeout", "2", stdout=out)
    finally:
        get_client.cache_clear()

    assert failed.value.returncode == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("FAIL Elasticsearch: no answer from the cluster")
    assert lines[1].strip().startswith("→ Check ELASTICSEARCH_URL")
    assert lines[-1] == "0 OK, 0 WARN, 1 FAIL"


def test_warnings_alone_exit_0(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    out = preflight("--only", "email", "--only", "worker")

    assert out.splitlines()[-1] == "0 OK, 2 WARN, 0 FAIL"
