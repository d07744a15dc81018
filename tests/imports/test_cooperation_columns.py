"""Bulk import of cooperation records (issue 18): the `parties`, `cross_border`, `signed_on`
and `ends_on` columns, checked by the record services' cross-border rule."""

import datetime

from resource_hub.imports.report import CREATED, FAILED, UNCHANGED, UPDATED
from resource_hub.records.models import RecordPage, RecordParty

from .conftest import csv_bytes, row
from .test_import_service import run


def agreement_row(n: int, world, **overrides) -> dict:
    values = row(
        n,
        kind="achievement",
        resource_type="achievement-cooperation-agreement",
        files="",
        parties=f"{world.inst_a.slug}; {world.inst_b.slug}",
        cross_border="yes",
        signed_on="2024-09-20",
        ends_on="2029-09-19",
    )
    values.update(overrides)
    return values


def test_parties_are_imported_and_a_reimport_changes_nothing(services, world, committed):
    rows = [agreement_row(1, world)]

    first = committed(run, world.editor_a, world.inst_a, csv_bytes(rows))

    assert first.counts[CREATED] == 1, first.rows
    record = RecordPage.objects.get(external_id="IMP-00001").specific
    assert [p.institution_id for p in record.parties.order_by("sort_order")] == [
        world.inst_a.pk,
        world.inst_b.pk,
    ]
    assert record.cross_border and record.signed_on == datetime.date(2024, 9, 20)

    again = committed(run, world.editor_a, world.inst_a, csv_bytes(rows))
    assert again.counts[UNCHANGED] == 1, again.rows

    rows[0]["parties"] = world.inst_b.slug + ";" + world.inst_a.slug
    changed = committed(run, world.editor_a, world.inst_a, csv_bytes(rows))
    assert changed.counts[UPDATED] == 1 and changed.rows[0].changes == ["parties"]


def test_a_china_only_cross_border_row_fails_with_the_message_and_writes_nothing(
    services, world, committed
):
    rows = [agreement_row(1, world, parties=world.inst_a.slug)]

    for dry_run in (True, False):
        report = committed(run, world.editor_a, world.inst_a, csv_bytes(rows), dry_run=dry_run)
        assert report.counts[FAILED] == 1
        assert "at least one party from China and at least one from an ASEAN" in str(
            report.rows[0].errors
        )
    assert not RecordPage.objects.filter(external_id="IMP-00001").exists()
    assert not RecordParty.objects.exists()


def test_bad_cooperation_cells_are_named(services, world, committed):
    rows = [
        agreement_row(1, world, parties="no such institution"),
        agreement_row(2, world, cross_border="perhaps", signed_on="20 Sept"),
        row(3, parties=world.inst_b.slug),  # a teaching material
    ]
    report = committed(run, world.editor_a, world.inst_a, csv_bytes(rows), dry_run=True)

    assert [r.status for r in report.rows] == [FAILED, FAILED, FAILED]
    columns = [{column for column, _message in r.errors} for r in report.rows]
    assert columns == [{"parties"}, {"cross_border", "signed_on"}, {"parties"}]
