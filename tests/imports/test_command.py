"""manage.py records_import: the arguments, its clear refusals, the report file, the workflow."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import WorkflowState

from resource_hub.records.models import RecordPage

from .conftest import csv_bytes, row, text_file, xlsx_bytes


@pytest.fixture
def sheet(tmp_path):
    def write(rows, name="records.csv"):
        path = tmp_path / name
        path.write_bytes(xlsx_bytes(rows) if name.endswith(".xlsx") else csv_bytes(rows))
        return str(path)

    return write


def call(*args, committed=None):
    runner = committed or (lambda f, *a, **k: f(*a, **k))
    return runner(call_command, "records_import", *args, "--no-progress")


def test_folder_of_files_dry_run_report_then_submit(
    services, world, sheet, tmp_path, committed, capsys
):
    folder = tmp_path / "files"
    (folder / "week 1").mkdir(parents=True)
    (folder / "week 1" / "slides.txt").write_bytes(text_file(1))
    path = sheet([row(1, files="slides.txt"), row(2, year="1800")])
    report = tmp_path / "report.csv"
    common = [path, "--files", str(folder), "--institution", world.inst_a.slug]

    call(*common, "--as", "teacher_a", "--dry-run", "--report", str(report))

    assert RecordPage.objects.count() == 0
    lines = list(csv.DictReader(report.open(encoding="utf-8")))
    assert [(line["row"], line["status"], line["column"]) for line in lines] == [
        ("2", "would be created", ""),
        ("3", "has errors", "year"),
    ]
    assert "1 to create" in capsys.readouterr().out

    call(*common, "--as", "teacher_a", "--submit", committed=committed)

    record = RecordPage.objects.get(external_id="IMP-00001")
    assert record.owner == world.teacher_a
    assert record.workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()
    assert record.get_latest_revision_as_object().files.get().document.original_filename == (
        "slides.txt"
    )


def test_release_by_an_editor(services, world, sheet, committed):
    path = sheet([row(1), row(2)], name="records.xlsx")

    call(path, "--as", "editor_a", "--release", committed=committed)

    assert sorted(RecordPage.objects.live().values_list("external_id", flat=True)) == [
        "IMP-00001",
        "IMP-00002",
    ]


def test_a_teacher_cannot_release_and_nothing_is_left_behind(services, world, sheet, committed):
    path = sheet([row(1)])

    call(path, "--as", "teacher_a", "--release", committed=committed)

    assert RecordPage.objects.count() == 0  # the row was rolled back whole


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["missing.csv", "--as", "teacher_a"], "There is no sheet"),
        (["records.ods", "--as", "teacher_a"], ".csv or .xlsx"),
        (["SHEET", "--as", "nobody"], "no active user"),
        (["SHEET", "--as", "teacher_a", "--institution", "atlantis"], "no institution"),
        (["SHEET", "--as", "teacher_a", "--files", "BROKEN_ZIP"], "not a ZIP file"),
        (["SHEET", "--as", "teacher_a", "--files", "nowhere.zip"], "no file or folder"),
        (["SHEET", "--as", "teacher_a", "--institution", "INST_B"], "cannot add records"),
        (["SHEET", "--as", "admin_less"], "Say which institution"),
    ],
)
def test_clear_errors_and_nothing_changed(services, world, sheet, tmp_path, arguments, message):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("admin_less", password="pw")
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    (tmp_path / "records.ods").write_bytes(b"not a sheet we read")
    replace = {
        "SHEET": sheet([row(1)]),
        "BROKEN_ZIP": str(broken),
        "INST_B": world.inst_b.slug,
        "records.ods": str(tmp_path / "records.ods"),
        "missing.csv": str(tmp_path / "missing.csv"),
        "nowhere.zip": str(tmp_path / "nowhere.zip"),
    }

    with pytest.raises(CommandError, match=message):
        call(*[replace.get(a, a) for a in arguments])

    assert RecordPage.objects.count() == 0


def test_zip_from_windows_with_chinese_names(services, world, sheet, tmp_path, committed):
    import zipfile

    # Windows' own "Send to ZIP" in China writes names in GBK without the UTF-8 flag:
    # write an ASCII name of the same length, then put the GBK bytes in its place.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr("abcd.txt", text_file(5))
    archive = tmp_path / "files.zip"
    archive.write_bytes(buffer.getvalue().replace(b"abcd.txt", "讲义.txt".encode("gbk")))
    path = sheet([row(1, files="讲义.txt")])

    call(path, "--as", "teacher_a", "--files", str(archive), committed=committed)

    record = RecordPage.objects.get(external_id="IMP-00001")
    assert record.get_latest_revision_as_object().files.get().document.original_filename == (
        "讲义.txt"
    )


def test_csv_saved_by_excel_in_china(services, world, tmp_path, committed):
    path = tmp_path / "records.csv"
    text = csv_bytes([row(1, title="水稻栽培技术", language="中文")]).decode()
    path.write_bytes(text.encode("gb18030"))

    call(str(path), "--as", "teacher_a", committed=committed)

    assert RecordPage.objects.get(external_id="IMP-00001").title == "水稻栽培技术"


def test_progress_on_stderr(services, world, sheet, committed):
    err = io.StringIO()

    committed(
        call_command,
        "records_import",
        sheet([row(n) for n in range(1, 4)]),
        "--as",
        "teacher_a",
        "--dry-run",
        stderr=err,
    )

    assert "import  100%  3/3" in err.getvalue()
