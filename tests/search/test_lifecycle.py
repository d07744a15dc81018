"""rebuild, update, verify and status against the real node."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from resource_hub.records.services import record_unpublish
from search import lifecycle


def run(*args) -> str:
    out = io.StringIO()
    call_command("search_index", *args, "--no-progress", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def indexed_ids(es_client) -> set[int]:
    hits = es_client.search(index=lifecycle.alias_name(), size=100, _source=False)
    return {int(hit["_id"]) for hit in hits["hits"]["hits"]}


def titles_matching(es_client, field, text) -> list[str]:
    found = es_client.search(index=lifecycle.alias_name(), query={"match": {field: text}})
    return [hit["_source"]["title"] for hit in found["hits"]["hits"]]


def test_rebuild_builds_a_version_behind_the_alias_and_a_second_swaps_it(es_client, full_record):
    record = full_record()

    run("rebuild")
    (first,) = lifecycle.aliased_indices(es_client)
    assert first.startswith(f"{lifecycle.alias_name()}-")
    assert indexed_ids(es_client) == {record.pk}

    output = run("rebuild")
    (second,) = lifecycle.aliased_indices(es_client)
    assert second != first
    assert f"Removed {first}" in output
    assert lifecycle.versioned_indices(es_client) == [second]
    assert not es_client.indices.exists(index=first)
    assert indexed_ids(es_client) == {record.pk}


def test_search_answers_from_the_old_version_while_a_rebuild_loads(es_client, full_record):
    record = full_record()
    run("rebuild")
    (first,) = lifecycle.aliased_indices(es_client)
    seen = []

    def during_load(amount):
        seen.append((lifecycle.aliased_indices(es_client), indexed_ids(es_client)))

    result = lifecycle.rebuild(on_progress=during_load)

    assert seen == [([first], {record.pk})]
    assert lifecycle.aliased_indices(es_client) == [result.index]


def test_a_rebuild_removes_versions_left_by_an_interrupted_one(es_client, full_record):
    full_record()
    run("rebuild")
    leftover = lifecycle.create_index(es_client)  # as if a rebuild died mid-load

    result = lifecycle.rebuild()

    assert leftover in result.removed
    assert lifecycle.versioned_indices(es_client) == [result.index]


def test_only_released_records_are_indexed(es_client, make_record, release, full_record):
    make_record(title="Draft about cassava processing")
    released = full_record(title="Tiếng Việt cho người mới bắt đầu")

    run("rebuild")

    assert indexed_ids(es_client) == {released.pk}
    assert titles_matching(es_client, "title", "cassava") == []
    # and the languages' sub-fields find what they should, in the real index
    assert titles_matching(es_client, "title.vi", "tieng viet") == [released.title]
    assert titles_matching(es_client, "file_text.zh", "水分") == [released.title]
    assert titles_matching(es_client, "translations.title.th", "ปลูกข้าว") == [released.title]


def test_verify_reports_missing_and_extra_documents_and_fix_repairs_them(
    es_client, world, full_record
):
    kept = full_record(title="Kept")
    gone = full_record(title="Unpublished later")
    run("rebuild")
    record_unpublish(user=world.editor_a, record=gone)  # extra: no longer released
    missing = full_record(title="Released after the rebuild")  # missing

    with pytest.raises(CommandError) as failed:
        run("verify")
    assert "1 missing, 0 stale, 1 extra" in str(failed.value)

    report = json.loads(_output_of_failing("verify", "--json"))
    assert report["missing"] == [missing.pk] and report["extra"] == [gone.pk]

    output = run("verify", "--fix")
    assert "Repaired" in output
    assert indexed_ids(es_client) == {kept.pk, missing.pk}
    assert "0 missing, 0 stale, 0 extra" in run("verify")


def test_verify_finds_a_document_older_than_the_released_record(
    es_client, world, full_record, release
):
    from resource_hub.records.services import record_update_draft

    record = full_record(title="First edition")
    run("rebuild")
    record_update_draft(user=world.teacher_a, record=record, title="Second edition")
    assert lifecycle.verify().ok  # an unreleased edit changes nothing
    release(record)

    report = lifecycle.verify()

    assert report.stale == [record.pk] and not report.missing and not report.extra
    lifecycle.verify(fix=True)
    assert titles_matching(es_client, "title", "second") == ["Second edition"]


def test_update_indexes_given_records_and_deletes_unreleased_ones(es_client, world, full_record):
    first = full_record(title="First")
    run("rebuild")
    second = full_record(title="Second")
    record_unpublish(user=world.editor_a, record=first)

    output = run("update", "--record", str(first.pk), str(second.pk))

    assert "Indexed 1 records, deleted 1" in output
    assert indexed_ids(es_client) == {second.pk}


def test_status_shows_the_alias_the_index_and_the_counts(es_client, full_record):
    assert "none yet" in run("status")
    full_record()
    run("rebuild")

    state = json.loads(run("status", "--json"))

    assert state["alias"] == lifecycle.alias_name()
    assert state["documents"] == 1 and state["released"] == 1
    assert state["mapping_version"] == lifecycle.MAPPING_VERSION and state["current"] is True


def test_an_unreachable_node_is_a_clear_command_error(db, settings):
    settings.ELASTICSEARCH_URL = "http://user:secret@127.0.0.1:9"

    with pytest.raises(CommandError) as failed:
        run("status")

    message = str(failed.value)
    assert message.startswith("Elasticsearch at http://user:***@127.0.0.1:9 is unreachable")
    assert "secret" not in message


def test_update_without_an_index_says_to_rebuild(es_client, db):
    with pytest.raises(CommandError, match="run `search_index rebuild`"):
        run("update")


def _output_of_failing(*args) -> str:
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("search_index", *args, "--no-progress", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_rebuild_shows_progress_on_stderr(es_client, full_record):
    full_record()
    out, err = io.StringIO(), io.StringIO()

    call_command("search_index", "rebuild", stdout=out, stderr=err)

    assert "rebuild  100%  1/1" in err.getvalue()
    assert "Indexed 1 records" in out.getvalue() and "%" not in out.getvalue()


def test_a_record_unpublished_while_a_rebuild_loads_is_not_in_the_new_version(
    es_client, world, full_record
):
    kept, dropped = full_record(title="Kept lesson"), full_record(title="Dropped lesson")
    run("rebuild")
    done = []

    def during_load(amount):  # both documents are read already; the old version gets the change
        if not done:
            done.append(record_unpublish(user=world.editor_a, record=dropped))

    lifecycle.rebuild(on_progress=during_load)

    assert done and indexed_ids(es_client) == {kept.pk}
