"""Reading an import sheet (CSV or Excel .xlsx) into a header and rows of text.

Nothing here knows what the columns mean (parsing.py does); this turns a
file into `Sheet`: the header as written, and each non-empty row with its
row number as the spreadsheet shows it (the header is row 1), so that a
report line points at the row a person sees.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from django.utils.translation import gettext as _

from .errors import SheetError

SUFFIXES = (".csv", ".xlsx")
#: More rows than this is more than one import should carry; split the sheet.
MAX_ROWS = 20_000
#: The sheet itself (not its files) is read into memory.
MAX_SHEET_BYTES = 50 * 1024 * 1024
#: The worksheet read from a workbook of several (the template's first sheet has this name).
RECORDS_SHEET = "records"


@dataclass
class Row:
    number: int
    cells: dict[str, str]  # header as written -> text


@dataclass
class Sheet:
    headers: list[str]
    rows: list[Row]


def sheet_format(name: str) -> str:
    """ "csv" or "xlsx" from the file's name; SheetError for anything else."""
    suffix = PurePath(name or "").suffix.lower()
    if suffix not in SUFFIXES:
        raise SheetError(
            _("“%(name)s” is not a sheet the import reads: use a .csv or .xlsx file.")
            % {"name": PurePath(name or "").name or "?"}
        )
    return suffix[1:]


def read_sheet(file: BinaryIO, *, name: str) -> Sheet:
    """Read a CSV or XLSX sheet; SheetError when it cannot be read or has no header."""
    kind = sheet_format(name)
    data = file.read(MAX_SHEET_BYTES + 1)
    if len(data) > MAX_SHEET_BYTES:
        raise SheetError(_("The sheet is larger than 50 MB; split it into several sheets."))
    if not data.strip():
        raise SheetError(_("The sheet is empty."))
    table = _read_xlsx(data) if kind == "xlsx" else _read_csv(data)
    return _sheet_from(table)


def _sheet_from(table) -> Sheet:
    headers = None
    rows = []
    for number, values in table:
        values = [_text(value) for value in values]
        if headers is None:
            if not any(values):
                continue  # blank lines above the header
            headers = _headers(values)
            continue
        if not any(values):
            continue
        if len(values) > len(headers) and any(values[len(headers) :]):
            raise SheetError(
                _("Row %(row)d has values in columns that have no header.") % {"row": number}
            )
        cells = {header: (values[i] if i < len(values) else "") for i, header in enumerate(headers)}
        rows.append(Row(number=number, cells=cells))
        if len(rows) > MAX_ROWS:
            raise SheetError(
                _("The sheet has more than %(count)d rows; split it into several sheets.")
                % {"count": MAX_ROWS}
            )
    if headers is None:
        raise SheetError(_("The sheet has no header row."))
    return Sheet(headers=headers, rows=rows)


def _headers(values: list[str]) -> list[str]:
    while values and not values[-1]:
        values = values[:-1]
    if any(not value for value in values):
        raise SheetError(_("Every column of the header row needs a name; one is empty."))
    return values


def _read_csv(data: bytes):
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GB18030
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes almost anything
        raise SheetError(_("The CSV file is not in UTF-8; save it as “CSV UTF-8”."))
    if "\x00" in text:
        raise SheetError(_("This is not a CSV text file; save the sheet as “CSV UTF-8”."))
    first_line = text.split("\n", 1)[0]
    try:
        dialect = csv.Sniffer().sniff(first_line, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        return [(number, row) for number, row in enumerate(reader, start=1)]
    except csv.Error as error:
        raise SheetError(_("The CSV file cannot be read: %(error)s") % {"error": error}) from error


def _read_xlsx(data: bytes):
    # Inside: openpyxl is only loaded when someone imports a workbook.
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise SheetError(
            _("The Excel file cannot be read (%(error)s); save it again as .xlsx.")
            % {"error": error}
        ) from error
    try:
        names = workbook.sheetnames
        worksheet = workbook[RECORDS_SHEET] if RECORDS_SHEET in names else workbook[names[0]]
        # Some programs write a wrong size into the sheet; read-only mode would trust it.
        worksheet.reset_dimensions()
        return [
            (number, list(values))
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


def _text(value) -> str:
    """A cell as text: whole numbers without ".0", dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()
