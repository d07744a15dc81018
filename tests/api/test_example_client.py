"""docs/api/example_client.py works against a running site with the real services (issue 12).

The script is run as a program, as its reader would run it, against the live
test server: it creates a draft, uploads 20 MiB in parts straight to the S3
server, attaches, submits; the editor releases; it finds the record by search.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import APIToken

from resource_hub.records.models import TeachingResourcePage
from search import lifecycle

# A live server thread and the script's own connections see only committed data;
# the serialized snapshot restores what the other tests expect afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLIENT = Path(__file__).resolve().parents[2] / "docs" / "api" / "example_client.py"


@pytest.fixture
def site_with_services(world, es_client, s3_storage, settings):
    settings.API_THROTTLE_ANONYMOUS = settings.API_THROTTLE_USER = ""
    lifecycle.rebuild()  # an empty index behind the alias, as after `make run`
    return world


def test_the_example_client_deposits_releases_and_finds_a_20_mib_file(
    site_with_services, live_server
):
    world = site_with_services
    teacher = APIToken.create_token(user=world.teacher_a, name="example")[1]
    editor = APIToken.create_token(user=world.editor_a, name="example")[1]

    run = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [sys.executable, str(CLIENT), "--base-url", live_server.url]
        + ["--teacher-token", teacher, "--editor-token", editor],
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert run.returncode == 0, run.stdout + run.stderr
    assert "found with GET /records?q=" in run.stdout
    record = TeachingResourcePage.objects.get(title__startswith="Measuring soil moisture")
    assert record.live
    (attached,) = [item.document for item in record.files.all()]
    assert attached.size == 20 * 1024 * 1024
    assert attached.mime_type == "text/plain"
