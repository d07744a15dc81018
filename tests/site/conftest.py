import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resource_hub.records.services import record_release

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def released(world, make_record):
    """A record made by the institution's teacher and released by its editor."""

    def make(*, institution=None, **fields):
        institution = institution or world.inst_a
        teacher, editor = (
            (world.teacher_a, world.editor_a)
            if institution == world.inst_a
            else (world.teacher_b, world.editor_b)
        )
        record = make_record(author=teacher, institution=institution, **fields)
        record_release(user=editor, record=record)
        record.refresh_from_db()
        return record

    return make


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
