"""The template (XLSX and CSV) imports as it is, and the docs' column table is the code's."""

import io
from pathlib import Path

from resource_hub.imports.columns import COLUMNS
from resource_hub.imports.report import CREATED
from resource_hub.imports.template import columns_markdown, template_csv, template_xlsx

from .test_import_service import run

DOCS = Path(__file__).resolve().parents[2] / "docs" / "import.md"


def test_the_template_checks_clean_in_both_formats(services, world):
    for name, data in (("template.xlsx", template_xlsx()), ("template.csv", template_csv())):
        report = run(world.editor_a, world.inst_a, data, name=name, dry_run=True)

        assert [(r.status, r.errors) for r in report.rows] == [(CREATED, []), (CREATED, [])]


def test_the_chinese_example_is_written_in_chinese(services):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(template_xlsx()))["records"]
    header = [cell.value for cell in sheet[1]]
    chinese = dict(zip(header, [cell.value for cell in sheet[3]], strict=True))

    assert chinese["resource_type"] == "论文"
    assert chinese["language"] != "zh"
    assert chinese["subject"] == "作物和畜牧生产"


def test_the_template_has_every_column(services):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(template_xlsx()))
    header = [cell.value for cell in workbook["records"][1]]
    assert [c.name for c in COLUMNS] == header[: len(COLUMNS)]
    assert [row[0].value for row in workbook["columns"].iter_rows(min_row=2)][:-1] == header[
        : len(COLUMNS)
    ]


def test_the_docs_show_the_columns_as_the_code_defines_them():
    assert columns_markdown() in DOCS.read_text(encoding="utf-8")
