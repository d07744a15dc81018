"""The `event` column: a released event by its slug; anything else is a row error."""

from resource_hub.imports.report import CREATED, FAILED, UNCHANGED, UPDATED
from resource_hub.records.models import RecordPage

from .conftest import csv_bytes, row
from .test_import_service import run


def test_rows_name_their_event_by_slug_and_an_unknown_one_fails_its_row(
    services, world, committed, make_event
):
    event = make_event()
    unreleased = make_event(name_en="A week in preparation", publish=False)
    rows = [
        row(1, event=event.slug),
        row(2, event=event.url),  # the whole address works too
        row(3, event="no-such-week"),
        row(4, event=unreleased.slug),
        row(5, event=""),
    ]
    dry = committed(run, world.editor_a, world.inst_a, csv_bytes(rows), dry_run=True)
    statuses = {r.identifier: r.status for r in dry.rows}
    assert statuses == {
        "IMP-00001": CREATED,
        "IMP-00002": CREATED,
        "IMP-00003": FAILED,
        "IMP-00004": FAILED,
        "IMP-00005": CREATED,
    }
    failed = {r.identifier: r.errors for r in dry.rows if r.status == FAILED}
    for errors in failed.values():
        [(column, message)] = errors
        assert column == "event"
        assert "is not the slug of a released event" in message
    assert not RecordPage.objects.exists()

    committed(run, world.editor_a, world.inst_a, csv_bytes([rows[0], rows[1], rows[4]]))
    events = dict(RecordPage.objects.values_list("external_id", "event_id"))
    assert events == {"IMP-00001": event.pk, "IMP-00002": event.pk, "IMP-00005": None}

    again = committed(
        run,
        world.editor_a,
        world.inst_a,
        csv_bytes([rows[0], row(2, event=""), rows[4]]),
        dry_run=True,
    )
    by_id = {r.identifier: r for r in again.rows}
    assert by_id["IMP-00001"].status == UNCHANGED
    assert by_id["IMP-00002"].status == UPDATED and by_id["IMP-00002"].changes == ["event"]
