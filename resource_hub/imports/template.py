"""The downloadable import template (XLSX and CSV) and the docs' column table.

All three come from `columns.COLUMNS` and `columns.EXAMPLES`, like the
parser, so the template, the docs and what the import reads cannot drift
apart (tests/imports/test_template.py imports the template itself and
compares docs/import.md with `columns_markdown`).
"""

import csv
import io

from django.utils.translation import gettext as _
from django.utils.translation import override

from resource_hub.core.vocabularies import EducationLevel, Language, ResourceType, SubjectField
from resource_hub.records.models import AccessLevel

from .columns import BOTH, COLUMNS, EXAMPLES, TRANSLATION_HELP, split_values, template_headers

#: The example rows written with Chinese names instead of codes.
CHINESE = "zh-hans"
_NAMED = {
    "language": Language,
    "resource_type": ResourceType,
    "subject": SubjectField,
    "levels": EducationLevel,
}


def example_rows() -> list[dict[str, str]]:
    """The examples; the one in Chinese names its vocabulary values in Chinese."""
    rows = []
    for example in EXAMPLES:
        if example["language"] == "zh":
            example = _in_chinese(example)
        rows.append(example)
    return rows


def _in_chinese(example: dict) -> dict:
    row = dict(example)
    for column, model in _NAMED.items():
        if column in row:
            entries = model.objects.in_bulk(split_values(row[column]))
            row[column] = "; ".join(
                entries[code].label_for(CHINESE) if code in entries else code
                for code in split_values(row[column])
            )
    with override(CHINESE):
        if "kind" in row:
            row["kind"] = str(ResourceType.AppliesTo(row["kind"]).label)
        if "access" in row:
            row["access"] = str(AccessLevel(row["access"]).label)
    return row


def _kinds(column) -> str:
    if column.kinds == BOTH:
        return _("all")
    return ", ".join(str(ResourceType.AppliesTo(kind).label) for kind in column.kinds)


def column_rows() -> list[list[str]]:
    """The column sheet: name, required, for which records, what it accepts, what it is."""
    rows = [
        [
            column.name,
            _("yes") if column.required else "",
            _kinds(column),
            str(column.accepts),
            str(column.help),
        ]
        for column in COLUMNS
    ]
    rows.append(["title[…], abstract[…]", "", _("all"), _("text"), str(TRANSLATION_HELP)])
    return rows


def column_headers() -> list[str]:
    return [_("column"), _("required"), _("records"), _("accepts"), _("description")]


def template_xlsx() -> bytes:
    from openpyxl import Workbook  # here: only the template download needs it
    from openpyxl.styles import Font

    workbook = Workbook()
    records = workbook.active
    records.title = "records"
    headers = template_headers()
    records.append(headers)
    for example in example_rows():
        records.append([example.get(name, "") for name in headers])
    for cell in records[1]:
        cell.font = Font(bold=True)
    records.freeze_panes = "B2"
    for letter_cells in records.columns:
        records.column_dimensions[letter_cells[0].column_letter].width = 22
    guide = workbook.create_sheet("columns")
    guide.append(column_headers())
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for values in column_rows():
        guide.append(values)
    for letter, width in zip("ABCDE", (26, 10, 16, 50, 90), strict=True):
        guide.column_dimensions[letter].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def template_csv() -> bytes:
    """The records sheet alone, as UTF-8 with a byte order mark (Excel then reads Chinese)."""
    out = io.StringIO()
    writer = csv.writer(out)
    headers = template_headers()
    writer.writerow(headers)
    for example in example_rows():
        writer.writerow([example.get(name, "") for name in headers])
    return out.getvalue().encode("utf-8-sig")


def columns_markdown() -> str:
    """The column table of docs/import.md, in English."""
    with override("en"):
        lines = [
            "| " + " | ".join(column_headers()) + " |",
            "|---|---|---|---|---|",
        ]
        for values in column_rows():
            cells = [f"`{values[0]}`", *values[1:]]
            lines.append("| " + " | ".join(_markdown(cell) for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def _markdown(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
