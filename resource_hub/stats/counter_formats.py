"""A `reports.Report` as COUNTER R5.1 delivers it: COUNTER API JSON and tabular TSV.

Pure functions of the report's values (no database), following the Code of
Practice R5.1, section 3.2 (formats), 4.1 (PR), 4.4 (IR) and 5 (delivery),
and the COUNTER API 5.1 (formerly COUNTER_SUSHI) schema:

- JSON: `Report_Header` (Release, Report_ID, Report_Name, Created,
  Created_By, Institution_Name and _ID, Report_Filters with Begin_Date and
  End_Date, Report_Attributes, Exceptions when any) and `Report_Items`; the IR
  has no parent details, so its items are the `Items` of one Report_Item;
  months and metrics without usage are left out, as R5.1 asks.
- TSV: the 13 header rows, a blank row, the column headings and the body,
  every month shown (zeros included) with Reporting_Period_Total.
"""

from datetime import UTC, date

from .reports import METRICS, RELEASE, Report, namespace, platform_name

IR_ATTRIBUTES = ["YOP", "Access_Type"]


def _month_key(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def _month_heading(month: date) -> str:
    # COUNTER's Mmm-yyyy, in English whatever the request's language.
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{names[month.month - 1]}-{month.year:04d}"


def _proprietary(value) -> str:
    return f"{namespace()}:{value}"


def _institution_id(pk: int) -> str:
    """An institution's proprietary id, the same as Institution_ID and as Publisher_ID."""
    return _proprietary(f"institution-{pk}")


def _performance(performance: dict) -> dict:
    return {
        metric: {_month_key(month): performance[metric][month] for month in sorted(months)}
        for metric in METRICS
        if (months := performance.get(metric))
    }


def _header_json(report: Report) -> dict:
    header = {
        "Release": RELEASE,
        "Report_ID": report.report_id,
        "Report_Name": report.name,
        "Created": report.created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "Created_By": platform_name(),
        "Institution_Name": report.institution_name,
        "Report_Filters": {
            "Begin_Date": report.period.begin.isoformat(),
            "End_Date": report.period.end.isoformat(),
        },
    }
    if report.institution_id is not None:
        header["Institution_ID"] = {"Proprietary": [_institution_id(report.institution_id)]}
    if report.report_id == "IR":
        header["Report_Attributes"] = {"Attributes_To_Show": IR_ATTRIBUTES}
    if report.exceptions:
        header["Exceptions"] = [
            {"Code": code, "Message": message, "Data": data}
            for code, message, data in report.exceptions
        ]
    return header


def _item_json(item) -> dict:
    item_id = {"Proprietary": _proprietary(item.record_id), "URI": item.uri}
    if item.doi:
        item_id = {"DOI": item.doi, **item_id}
    return {
        "Item": item.title,
        "Publisher": item.publisher,
        "Publisher_ID": {"Proprietary": [_institution_id(item.publisher_id)]},
        "Platform": platform_name(),
        "Item_ID": item_id,
        "Attribute_Performance": [
            {
                "Data_Type": item.data_type,
                "YOP": f"{item.yop:04d}",
                "Access_Type": item.access_type,
                "Performance": _performance(item.performance),
            }
        ],
    }


def as_json(report: Report) -> dict:
    """The report in the COUNTER API's JSON (R5.1)."""
    if report.report_id == "IR":
        items = [_item_json(item) for item in report.items]
        report_items = [{"Items": items}] if items else []
    else:
        report_items = (
            [
                {
                    "Platform": platform_name(),
                    "Attribute_Performance": [
                        {"Data_Type": row.data_type, "Performance": _performance(row.performance)}
                        for row in report.rows
                    ],
                }
            ]
            if report.rows
            else []
        )
    return {"Report_Header": _header_json(report), "Report_Items": report_items}


# --- tabular ----------------------------------------------------------------------

IR_COLUMNS = [
    "Item",
    "Publisher",
    "Publisher_ID",
    "Platform",
    "DOI",
    "Proprietary_ID",
    "ISBN",
    "Print_ISSN",
    "Online_ISSN",
    "URI",
    "Data_Type",
    "YOP",
    "Access_Type",
    "Metric_Type",
    "Reporting_Period_Total",
]
PR_COLUMNS = ["Platform", "Data_Type", "Metric_Type", "Reporting_Period_Total"]
#: a spreadsheet would run a cell that starts with one of these as a formula
FORMULA_STARTS = ("=", "+", "-", "@")


def _cell(value) -> str:
    text = " ".join(str(value).split())  # no tab or line break may split a row
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    return text


def _header_rows(report: Report) -> list[list[str]]:
    header = _header_json(report)
    attributes = ""
    if report.report_id == "IR":
        attributes = "Attributes_To_Show=" + "|".join(IR_ATTRIBUTES)
    # Tabular identifiers are {namespace}:{value}; ours is already namespaced.
    institution_id = (
        _institution_id(report.institution_id) if report.institution_id is not None else ""
    )
    return [
        ["Report_Name", report.name],
        ["Report_ID", report.report_id],
        ["Release", RELEASE],
        ["Institution_Name", report.institution_name],
        ["Institution_ID", institution_id],
        ["Metric_Types", "; ".join(METRICS)],
        ["Report_Filters", ""],  # none beyond the period, as in the JSON
        ["Report_Attributes", attributes],
        [
            "Exceptions",
            "; ".join(f"{code}: {message} ({data})" for code, message, data in report.exceptions),
        ],
        [
            "Reporting_Period",
            f"Begin_Date={report.period.begin.isoformat()}; "
            f"End_Date={report.period.end.isoformat()}",
        ],
        ["Created", header["Created"]],
        ["Created_By", platform_name()],
        ["Registry_Record", ""],
        [],
    ]


def _figures(performance: dict, months: list[date]) -> list[list[str]]:
    """One row part per metric with usage: the metric, the total, then every month."""
    rows = []
    for metric in METRICS:
        counts = performance.get(metric)
        if not counts:
            continue
        row = [metric, str(sum(counts.values()))]
        row += [str(counts.get(month, 0)) for month in months]
        rows.append(row)
    return rows


def as_tsv(report: Report) -> str:
    """The report in COUNTER's tabular form, tab-separated (UTF-8 when encoded)."""
    months = report.period.months
    headings = IR_COLUMNS if report.report_id == "IR" else PR_COLUMNS
    lines = _header_rows(report)
    lines.append(headings + [_month_heading(month) for month in months])
    if report.report_id == "IR":
        for item in report.items:
            described = [
                item.title,
                item.publisher,
                _institution_id(item.publisher_id),
                platform_name(),
                item.doi,
                _proprietary(item.record_id),
                "",
                "",
                "",
                item.uri,
                item.data_type,
                f"{item.yop:04d}",
                item.access_type,
            ]
            lines += [described + figures for figures in _figures(item.performance, months)]
    else:
        for row in report.rows:
            described = [platform_name(), row.data_type]
            lines += [described + figures for figures in _figures(row.performance, months)]
    width = len(lines[-1]) if lines else 0
    width = max(width, len(headings) + len(months))
    return "".join(
        "\t".join(_cell(value) for value in line + [""] * (width - len(line))) + "\n"
        for line in lines
    )
