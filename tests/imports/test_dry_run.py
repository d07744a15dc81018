"""A dry run writes nothing (no rows, no objects in the bucket, no index documents) and
reports every row and column; its CSV report has a line per error."""

import csv
import io

from resource_hub.imports.report import CREATED, FAILED, UNCHANGED, UPDATED, report_csv
from resource_hub.records.services import record_release

from .conftest import csv_bytes, row, text_file, zip_bytes
from .test_import_service import run


def test_dry_run_writes_nothing(services, world, committed, state, django_assert_max_num_queries):
    files = zip_bytes({f"w{n}.txt": text_file(n) for n in range(1, 6)})
    rows = [row(n, files=f"w{n}.txt") for n in range(1, 6)]
    committed(run, world.editor_a, world.inst_a, csv_bytes(rows), files=files)
    released = committed(
        record_release,
        user=world.editor_a,
        record=_record("IMP-00001"),
    )
    assert released.live
    rows[0]["title"] = "Changed title"  # an update of a released record
    rows[1]["files"] = "w2.txt; new.txt"  # a new file to store
    rows += [row(n, files=f"new-{n}.txt") for n in range(6, 9)]  # new records with files
    rows += [row(9, language="nowhere"), row(10, creators="Li <0000-0002-1825-0098>")]
    files = zip_bytes(
        {f"w{n}.txt": text_file(n) for n in range(1, 6)}
        | {"new.txt": b"brand new\n"}
        | {f"new-{n}.txt": text_file(100 + n) for n in range(6, 9)}
    )
    before = state()
    assert before["indexed"] == 1  # the released record

    report = committed(
        run, world.editor_a, world.inst_a, csv_bytes(rows), files=files, dry_run=True
    )

    assert state() == before
    statuses = {r.identifier: r.status for r in report.rows}
    assert statuses == {
        "IMP-00001": UPDATED,
        "IMP-00002": UPDATED,
        "IMP-00003": UNCHANGED,
        "IMP-00004": UNCHANGED,
        "IMP-00005": UNCHANGED,
        "IMP-00006": CREATED,
        "IMP-00007": CREATED,
        "IMP-00008": CREATED,
        "IMP-00009": FAILED,
        "IMP-00010": FAILED,
    }
    by_id = {r.identifier: r for r in report.rows}
    assert by_id["IMP-00001"].changes == ["title"]
    assert by_id["IMP-00002"].changes == ["files"]
    lines = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert [(line["row"], line["column"]) for line in lines if line["column"]] == [
        ("10", "language"),
        ("11", "creators"),
    ]
    assert "would be created" in {line["status"] for line in lines}


def test_a_released_record_is_updated_as_a_draft_over_it(services, world, committed):
    rows = [row(1)]
    committed(run, world.editor_a, world.inst_a, csv_bytes(rows))
    record = committed(record_release, user=world.editor_a, record=_record("IMP-00001"))
    rows[0]["abstract"] = "A new abstract."

    report = committed(run, world.editor_a, world.inst_a, csv_bytes(rows))

    assert [r.status for r in report.rows] == [UPDATED]
    record.refresh_from_db()
    assert record.live and record.has_unpublished_changes
    assert record.abstract != "A new abstract."  # the public version stays until released
    assert record.get_latest_revision_as_object().abstract == "A new abstract."

    rows[0]["abstract"] = "Released with the import."
    report = committed(run, world.editor_a, world.inst_a, csv_bytes(rows), workflow="release")

    assert [(r.status, r.workflow) for r in report.rows] == [(UPDATED, "released")]
    record.refresh_from_db()
    assert record.abstract == "Released with the import." and not record.has_unpublished_changes


def _record(identifier):
    from resource_hub.records.models import RecordPage

    return RecordPage.objects.get(external_id=identifier).specific
