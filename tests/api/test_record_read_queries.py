"""Reading a record through the API costs the same number of queries however much it holds."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from resource_hub.core.vocabularies import Language
from resource_hub.records.models import RecordCreator, RecordTranslation
from resource_hub.records.services import record_release, record_submit


def queries_for(client, record) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/api/v1/records/{record.pk}")
    assert response.status_code == 200, response.content
    return len(captured.captured_queries)


def test_record_queries_do_not_grow_with_creators_and_translations(client, world, make_record):
    english = Language.objects.get(code="en")
    record = make_record(translations=[{"language": english, "title": "Rice cultivation"}])
    record_submit(user=world.teacher_a, record=record)
    record_release(user=world.editor_a, record=record)
    record.refresh_from_db()
    author = Client()
    author.force_login(world.teacher_a)  # reads the latest draft, from its revision
    small, small_for_author = queries_for(client, record), queries_for(author, record)

    draft = record.get_latest_revision_as_object()
    draft.creators = [RecordCreator(name=f"Creator {n}", sort_order=n) for n in range(6)]
    draft.translations = [
        RecordTranslation(language=Language.objects.get(code=code), title=f"T {code}", sort_order=n)
        for n, code in enumerate(["en", "th", "vi", "id"])
    ]
    draft.save_revision(user=world.editor_a).publish(user=world.editor_a)
    record.refresh_from_db()

    # Six creators and four translations instead of one each: no more queries
    # (one fewer when a part that was there before is now empty).
    assert queries_for(client, record) <= small
    assert queries_for(author, record) <= small_for_author
