"""What an import did (or, in a dry run, would do), row by row and column by column.

A plain value, so the command prints it, the admin shows it, a background
task keeps it as JSON, and `report_csv` writes it for a spreadsheet.
"""

import csv
import io
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
FAILED = "failed"
STATUSES = (CREATED, UPDATED, UNCHANGED, FAILED)

STATUS_LABELS = {
    CREATED: gettext_lazy("created"),
    UPDATED: gettext_lazy("updated"),
    UNCHANGED: gettext_lazy("unchanged"),
    FAILED: gettext_lazy("failed"),
}
DRY_RUN_LABELS = {
    CREATED: gettext_lazy("would be created"),
    UPDATED: gettext_lazy("would be updated"),
    UNCHANGED: gettext_lazy("unchanged"),
    FAILED: gettext_lazy("has errors"),
}
WORKFLOW_LABELS = {
    "submitted": gettext_lazy("submitted for review"),
    "released": gettext_lazy("released"),
}
#: The column of an error about the row as a whole.
ROW = "row"


@dataclass
class RowReport:
    row: int
    identifier: str
    status: str
    title: str = ""
    record_id: int | None = None
    #: For updates: the columns whose values change.
    changes: list[str] = field(default_factory=list)
    #: "submitted" or "released" when the import moved the record on.
    workflow: str = ""
    errors: list[list[str]] = field(default_factory=list)  # [column, message]

    def fail(self, column: str, message) -> None:
        self.status = FAILED
        self.errors.append([column, str(message)])


@dataclass
class ImportReport:
    dry_run: bool
    institution: str = ""
    rows: list[RowReport] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts

    @property
    def failed_rows(self) -> list[RowReport]:
        return [row for row in self.rows if row.status == FAILED]

    def status_label(self, status: str) -> str:
        return str((DRY_RUN_LABELS if self.dry_run else STATUS_LABELS)[status])

    def summary(self) -> str:
        counts = self.counts
        if self.dry_run:
            text = _(
                "Dry run, nothing was saved: %(created)d to create, %(updated)d to update, "
                "%(unchanged)d unchanged, %(failed)d with errors."
            )
        else:
            text = _(
                "%(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
                "%(failed)d failed."
            )
        return text % counts

    def as_json(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "institution": self.institution,
            "rows": [asdict(row) for row in self.rows],
        }

    @classmethod
    def from_json(cls, data: dict) -> "ImportReport":
        return cls(
            dry_run=data["dry_run"],
            institution=data.get("institution", ""),
            rows=[RowReport(**row) for row in data["rows"]],
        )


CSV_HEADER = ("row", "identifier", "status", "column", "message", "record_id", "workflow")


def report_csv(report: ImportReport) -> str:
    """One line per error (row and column), and one line for each row without errors."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in report.rows:
        base = [row.row, _safe(row.identifier), report.status_label(row.status)]
        tail = [row.record_id or "", str(WORKFLOW_LABELS.get(row.workflow, row.workflow))]
        if row.errors:
            for column, message in row.errors:
                writer.writerow([*base, _safe(column), _safe(message), *tail])
        else:
            changed = ", ".join(row.changes)
            writer.writerow([*base, "", _safe(changed), *tail])
    return out.getvalue()


def _safe(text: str) -> str:
    """No formula injection when the report is opened in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
