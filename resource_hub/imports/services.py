"""Importing an institution's records from a sheet and a folder or ZIP of files.

`records_import` is the one entry: the command and the admin's background
task call it. Every write goes through the record and file services, as the
importing user, so the access policy, the file checks, the workflow and the
audit log are the ones people meet everywhere else:

- a dry run reads the sheet, the vocabularies, the existing records and the
  files (to check them by content) and writes nothing at all;
- a real run handles each row in its own transaction: a row with errors is
  reported and skipped, a valid one is created or updated, its files stored
  (only then: the files of refused rows never reach the bucket) and
  attached, and it is submitted or released when asked. If anything in the
  row fails, the row is rolled back and the files it stored are deleted.

Records are found again by their identifier within the institution, so
importing the same sheet twice changes nothing the second time.
"""

import logging
import posixpath
from collections.abc import Callable
from contextlib import nullcontext

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from resource_hub.access.documents import can_add_document, can_use_document
from resource_hub.access.records import can_create_record, can_release, can_submit
from resource_hub.core.errors import DomainError
from resource_hub.files.models import ResourceDocument
from resource_hub.files.services import document_create
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.cooperation import party_values
from resource_hub.records.models import RecordPage
from resource_hub.records.services import (
    file_attach,
    file_detach,
    record_create_draft,
    record_release,
    record_submit,
    record_update_draft,
)

from .errors import ImportError_, ImportPermissionDenied
from .lookups import Lookups
from .parsing import ParsedRow, check_headers, parse_row
from .planning import Context, Plan, plan_row, update_values
from .report import CREATED, FAILED, ROW, UNCHANGED, UPDATED, ImportReport, RowReport
from .sheets import read_sheet
from .sources import FileSource, NoFiles

logger = logging.getLogger(__name__)

SUBMIT = "submit"
RELEASE = "release"
WORKFLOW_STEPS = ("", SUBMIT, RELEASE)


def records_import(
    *,
    user,
    institution: InstitutionPage,
    sheet,
    sheet_name: str,
    files: FileSource | None = None,
    dry_run: bool = False,
    workflow: str = "",
    on_row: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import the sheet's rows into `institution` as `user`; the report says what happened.

    `sheet` is a binary file (CSV or XLSX, told apart by `sheet_name`);
    `files` where the sheet's file names are found; `workflow` "submit" or
    "release" moves each created or updated record on. `on_row(done, total)`
    is called after each row. Raises ImportError_ (nothing written) when the
    sheet, its header or the user's permission stops the whole import.
    """
    if workflow not in WORKFLOW_STEPS:
        raise ImportError_(_("Choose submit or release, or neither."))
    if not can_create_record(user, institution):
        raise ImportPermissionDenied(
            _("%(user)s cannot add records to %(institution)s.")
            % {"user": user, "institution": institution.title}
        )
    source = files or NoFiles()
    table = read_sheet(sheet, name=sheet_name)
    lookups = Lookups()
    layout = check_headers(table.headers, lookups)
    if len(source) and not can_add_document(user, institution.collection):
        raise ImportPermissionDenied(
            _("%(user)s cannot add files to %(institution)s.")
            % {"user": user, "institution": institution.title}
        )
    parsed_rows = [parse_row(row, layout, lookups) for row in table.rows]
    _mark_repeated_identifiers(parsed_rows)
    context = Context(
        user=user,
        institution=institution,
        source=source,
        translation_languages=set(layout.translations),
    )
    report = ImportReport(dry_run=dry_run, institution=institution.title)
    total = len(parsed_rows)
    if dry_run:
        existing = _existing_records(institution, [p.identifier for p in parsed_rows])
        for done, parsed in enumerate(parsed_rows, start=1):
            plan = plan_row(parsed, existing.get(parsed.identifier), context, check=True)
            report.rows.append(plan.report)
            if on_row:
                on_row(done, total)
        return report
    existing = _existing_records(institution, [p.identifier for p in parsed_rows])
    with _index_in_batches():
        run = _Run(context, workflow)
        for done, parsed in enumerate(parsed_rows, start=1):
            # A first look outside any transaction: a row with nothing to do (errors,
            # or unchanged with no workflow step asked) needs no lock and no writes.
            first = plan_row(parsed, existing.get(parsed.identifier), context, check=False)
            if first.report.status == FAILED or (first.report.status == UNCHANGED and not workflow):
                report.rows.append(first.report)
            else:
                report.rows.append(run.row(parsed))
            if on_row:
                on_row(done, total)
    return report


def _index_in_batches():
    """Index the imported records in a few batches at the end, not one request per change."""
    # Inside: search sits above the domain apps and the import may run without it.
    try:
        from search.services import index_deferred
    except ImportError:  # pragma: no cover - a project without the search app
        return nullcontext()
    return index_deferred()


def _mark_repeated_identifiers(rows: list[ParsedRow]) -> None:
    first_row: dict[str, int] = {}
    for parsed in rows:
        if not parsed.identifier:
            continue
        if parsed.identifier in first_row:
            parsed.error(
                "identifier",
                _("Row %(row)d has the same identifier; each record needs its own.")
                % {"row": first_row[parsed.identifier]},
            )
        else:
            first_row[parsed.identifier] = parsed.number


def _existing_records(institution, identifiers) -> dict[str, RecordPage]:
    wanted = [i for i in identifiers if i]
    found = {}
    queryset = RecordPage.objects.child_of(institution).filter(external_id__in=wanted)
    for record in queryset.order_by("pk").specific():
        found.setdefault(record.external_id, record)
    return found


class _Run:
    """A real import: each row in its own transaction."""

    def __init__(self, context: Context, workflow: str):
        self.context = context
        self.workflow = workflow
        self.documents: dict[str, ResourceDocument] = {}  # sha256 -> stored in this run

    def row(self, parsed: ParsedRow) -> RowReport:
        stored: list[ResourceDocument] = []
        try:
            with transaction.atomic():
                # One import at a time per institution from here: two imports of one
                # sheet cannot both find the identifier free and create it twice.
                InstitutionPage.objects.select_for_update().filter(
                    pk=self.context.institution.pk
                ).exists()
                record = _existing_records(self.context.institution, [parsed.identifier]).get(
                    parsed.identifier
                )
                plan = plan_row(parsed, record, self.context, check=False)
                report = plan.report
                if report.status == FAILED:
                    return report
                if report.status == CREATED:
                    plan.record = self._create(plan)
                    report.record_id = plan.record.pk
                elif report.status == UPDATED:
                    self._update(plan)
                if report.status != UNCHANGED or self.workflow:
                    self._attach(plan, stored)
                    report.workflow = self._move_on(plan)
        except (DomainError, ValidationError, IntegrityError) as error:
            self._forget(stored)
            report = RowReport(
                row=parsed.number,
                identifier=parsed.identifier,
                status=FAILED,
                title=parsed.fields.get("title", ""),
            )
            if isinstance(error, IntegrityError):  # e.g. another import made the same page
                message = _("The row could not be saved (%(error)s); import it again.") % {
                    "error": str(error).splitlines()[0]
                }
            else:
                message = getattr(error, "message", None) or " ".join(error.messages)
            report.fail(ROW, message)
        except Exception:
            self._forget(stored)
            raise
        return report

    def _create(self, plan: Plan):
        parsed = plan.parsed
        lists = parsed.lists
        return record_create_draft(
            user=self.context.user,
            institution=self.context.institution,
            record_class=parsed.record_class,
            creators=lists["creators"],
            keywords=lists.get("keywords", ()),
            translations=lists.get("translations", ()),
            education_levels=lists.get("education_levels", ()),
            contributing_institutions=lists.get("contributing_institutions", ()),
            parties=party_values(lists.get("parties", [])),
            external_id=parsed.identifier,
            **parsed.fields,
        )

    def _update(self, plan: Plan) -> None:
        values = update_values(plan.draft, plan.parsed, self.context)
        if set(plan.report.changes) - {"files"}:
            record_update_draft(user=self.context.user, record=plan.record, **values)

    def _attach(self, plan: Plan, stored: list) -> None:
        """Attach the row's files the record lacks; detach those the sheet no longer lists."""
        if plan.files is None:
            return
        record, user = plan.record, self.context.user
        # The files the record has now are the plan's: it read the latest version inside
        # this row's transaction, and neither creating a record nor updating its other
        # columns changes its files; a new record has none. (Reading the revision back
        # cost every created row, with files or without, 17 queries and a fifth of its time.)
        draft = plan.draft
        attached = (
            {item.document.sha256: item.document for item in draft.files.all()}
            if draft is not None
            else {}
        )
        wanted = {wanted.sha256 for wanted in plan.files}
        for sha256, document in attached.items():
            if sha256 not in wanted:
                file_detach(user=user, record=record, document=document)
        for wanted_file in plan.files:
            if wanted_file.sha256 in attached:
                continue
            document = self._document(wanted_file, stored)
            file_attach(user=user, record=record, document=document)

    def _document(self, wanted, stored: list) -> ResourceDocument:
        """The document with these bytes: stored earlier in this run, already in the
        institution's collection for this user to use, or stored now."""
        document = self.documents.get(wanted.sha256)
        if document is not None:
            return document
        collection = self.context.institution.collection
        for candidate in ResourceDocument.objects.filter(
            collection=collection, sha256=wanted.sha256
        ).order_by("pk"):
            if can_use_document(self.context.user, candidate):
                return candidate
        with self.context.source.open(wanted.path) as file:
            document = document_create(
                user=self.context.user,
                collection=collection,
                file=file,
                original_filename=posixpath.basename(wanted.path),
            )
        stored.append(document)
        self.documents[wanted.sha256] = document
        return document

    def _move_on(self, plan: Plan) -> str:
        """Submit or release as asked. Unchanged records only when the policy allows it
        (a record already in review or released stays as it is)."""
        user, record = self.context.user, plan.record
        unchanged = plan.report.status == UNCHANGED
        if self.workflow == SUBMIT:
            if unchanged and not can_submit(user, record):
                return ""
            record_submit(user=user, record=record)
            return "submitted"
        if self.workflow == RELEASE:
            if unchanged and not can_release(user, record):
                return ""
            record_release(user=user, record=record)
            return "released"
        return ""

    def _forget(self, stored: list) -> None:
        """The row was rolled back: delete the objects its new documents stored."""
        for document in stored:
            self.documents.pop(document.sha256, None)
            try:
                document.file.storage.delete(document.file.name)
            except Exception:  # the storage sweep reports what is left
                logger.exception("could not delete %s after a failed import row", document.file)
