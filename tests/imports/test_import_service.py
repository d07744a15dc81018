"""records_import through the real services: create, update, unchanged, errors, dry run."""

import io

import pytest
from django.utils.translation import override

from resource_hub.core.vocabularies import ResourceType
from resource_hub.imports.errors import ImportPermissionDenied, SheetError
from resource_hub.imports.report import CREATED, FAILED, UNCHANGED, UPDATED
from resource_hub.imports.services import records_import
from resource_hub.imports.sources import ZipSource
from resource_hub.records.models import AccessLevel, RecordPage

from .conftest import csv_bytes, row, text_file, xlsx_bytes, zip_bytes


def run(user, institution, data: bytes, name="sheet.csv", files=None, **options):
    return records_import(
        user=user,
        institution=institution,
        sheet=io.BytesIO(data),
        sheet_name=name,
        files=ZipSource(io.BytesIO(files), "files.zip") if files else None,
        **options,
    )


def test_create_then_reimport_changes_nothing(services, world, committed):
    rows = [row(1, files="w1.txt"), row(2, files="w2.txt; w1.txt"), row(3)]
    files = zip_bytes({"w1.txt": text_file(1), "w2.txt": text_file(2)})

    first = committed(run, world.teacher_a, world.inst_a, csv_bytes(rows), files=files)

    assert first.counts == {CREATED: 3, UPDATED: 0, UNCHANGED: 0, FAILED: 0}, first.rows
    record = RecordPage.objects.get(external_id="IMP-00002").specific
    draft = record.get_latest_revision_as_object()
    assert sorted(i.document.original_filename for i in draft.files.all()) == ["w1.txt", "w2.txt"]
    assert [c.orcid for c in draft.creators.all()] == ["0000-0002-1825-0097", ""]
    assert draft.translations.get().title == "水稻栽培 第2课"
    assert sorted(level.pk for level in draft.education_levels.all()) == [
        "isced-5",
        "sector-vocational",
    ]

    again = committed(run, world.teacher_a, world.inst_a, csv_bytes(rows), files=files)

    assert again.counts == {CREATED: 0, UPDATED: 0, UNCHANGED: 3, FAILED: 0}, again.rows


def test_xlsx_with_chinese_labels(services, world, committed):
    with override("zh-hans"):
        registered = str(AccessLevel.REGISTERED.label)
        material = str(ResourceType.AppliesTo.MATERIAL.label)
    rows = [
        row(
            1,
            kind=material,
            language="中文",
            resource_type="教案",
            licence="CC-BY-4.0",
            subject="作物和畜牧生产",
            levels="高等教育；职业教育",  # the Chinese semicolon
            access=registered,
            **{"title[泰语]": "เทคนิคการปลูกข้าว"},
        )
    ]

    report = committed(run, world.teacher_a, world.inst_a, xlsx_bytes(rows), name="s.xlsx")

    assert report.counts[CREATED] == 1, report.rows
    record = RecordPage.objects.get(external_id="IMP-00001")
    assert (record.language_id, record.resource_type_id, record.subject_id) == (
        "zh",
        "material-lesson-plan",
        "0811",
    )
    assert record.access_level == AccessLevel.REGISTERED
    draft = record.get_latest_revision_as_object()
    assert sorted(level.pk for level in draft.education_levels.all()) == [
        "sector-higher",
        "sector-vocational",
    ]
    assert sorted(t.language_id for t in draft.translations.all()) == ["th", "zh"]


def test_teacher_cannot_import_into_another_institution(services, world, state):
    before = state()

    with pytest.raises(ImportPermissionDenied):
        run(world.teacher_a, world.inst_b, csv_bytes([row(1)]))

    assert state() == before


def test_unknown_column_stops_the_sheet(services, world):
    with pytest.raises(SheetError, match="titel"):
        run(world.teacher_a, world.inst_a, csv_bytes([{**row(1), "titel": "x"}]))


def test_reimport_without_the_zip_keeps_the_files_already_attached(services, world, committed):
    rows = [row(1, files="w1.txt"), row(2, files="w2.txt")]
    files = zip_bytes({"w1.txt": text_file(1), "w2.txt": text_file(2)})
    committed(run, world.teacher_a, world.inst_a, csv_bytes(rows), files=files)
    rows[1]["keywords"] = "rice; seedlings"

    again = committed(run, world.teacher_a, world.inst_a, csv_bytes(rows))

    assert [(r.status, r.changes) for r in again.rows] == [
        (UNCHANGED, []),
        (UPDATED, ["keywords"]),
    ]
    draft = RecordPage.objects.get(external_id="IMP-00002").get_latest_revision_as_object()
    assert [i.document.original_filename for i in draft.files.all()] == ["w2.txt"]


def test_files_no_longer_listed_are_detached_and_an_absent_column_is_left_alone(
    services, world, committed
):
    rows = [row(1, files="w1.txt; w2.txt")]
    files = zip_bytes({"w1.txt": text_file(1), "w2.txt": text_file(2)})
    committed(run, world.teacher_a, world.inst_a, csv_bytes(rows), files=files)
    rows[0]["files"] = "w2.txt"

    report = committed(run, world.teacher_a, world.inst_a, csv_bytes(rows), files=files)

    assert [(r.status, r.changes) for r in report.rows] == [(UPDATED, ["files"])]
    record = RecordPage.objects.get(external_id="IMP-00001")
    draft = record.get_latest_revision_as_object()
    assert [i.document.original_filename for i in draft.files.all()] == ["w2.txt"]

    without_files = [{k: v for k, v in rows[0].items() if k != "files"}]
    report = committed(run, world.teacher_a, world.inst_a, csv_bytes(without_files))

    assert [r.status for r in report.rows] == [UNCHANGED]


def test_a_row_that_changes_a_column_and_the_files_changes_both(services, world, committed):
    # The files are compared with those the row's plan read, before the update: updating
    # the other columns leaves the files as they were.
    rows = [row(1, files="w1.txt; w2.txt")]
    files = zip_bytes({f"w{n}.txt": text_file(n) for n in (1, 2, 3)})
    committed(run, world.teacher_a, world.inst_a, csv_bytes(rows), files=files)
    rows[0].update(title="Rice cultivation, revised", files="w2.txt; w3.txt")

    report = committed(run, world.teacher_a, world.inst_a, csv_bytes(rows), files=files)

    assert [(r.status, r.changes) for r in report.rows] == [(UPDATED, ["title", "files"])]
    draft = RecordPage.objects.get(external_id="IMP-00001").get_latest_revision_as_object()
    assert draft.title == "Rice cultivation, revised"
    assert [i.document.original_filename for i in draft.files.all()] == ["w2.txt", "w3.txt"]
    again = committed(run, world.teacher_a, world.inst_a, csv_bytes(rows), files=files)
    assert [r.status for r in again.rows] == [UNCHANGED]


def test_someone_elses_draft_is_refused_by_the_policy(services, world, committed):
    committed(run, world.teacher_a, world.inst_a, csv_bytes([row(1)]))

    report = committed(run, world.member_a, world.inst_a, csv_bytes([row(1, title="Taken over")]))

    assert [r.status for r in report.rows] == [FAILED]
    assert report.rows[0].errors[0][0] == "row"
    assert RecordPage.objects.get(
        external_id="IMP-00001"
    ).get_latest_revision_as_object().title == ("Rice cultivation, lesson 1")
