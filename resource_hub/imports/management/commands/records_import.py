"""manage.py records_import SHEET [--files FOLDER_OR_ZIP] [--institution SLUG] [--as USER]
[--dry-run] [--report PATH] [--submit | --release]

See docs/import.md. The work is resource_hub.imports.services.records_import;
this command finds the institution and the user, shows progress on stderr and
prints the report on stdout.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from resource_hub.core.progress import Progress, add_progress_argument
from resource_hub.imports.errors import ImportError_
from resource_hub.imports.report import FAILED, report_csv
from resource_hub.imports.services import RELEASE, SUBMIT, records_import
from resource_hub.imports.sheets import sheet_format
from resource_hub.imports.sources import open_source
from resource_hub.institutions.models import InstitutionPage
from resource_hub.institutions.selectors import institutions_of_user


class Command(BaseCommand):
    help = (
        "Import records from a CSV or XLSX sheet (one row per record) and a folder or ZIP of "
        "their files, through the record and file services, as a user. Re-importing updates "
        "the records found by their identifier. See docs/import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("sheet", help="The sheet: a .csv or .xlsx file.")
        parser.add_argument("--files", help="A folder or .zip file holding the files named.")
        parser.add_argument(
            "--institution",
            help="The institution's page slug (default: the user's one institution).",
        )
        parser.add_argument(
            "--as",
            dest="username",
            help="Import as this user (default: the only superuser); their permissions apply.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check everything and report; save nothing."
        )
        parser.add_argument("--report", help="Also write the per-row report to this CSV file.")
        step = parser.add_mutually_exclusive_group()
        step.add_argument(
            "--submit", action="store_true", help="Submit each record for review afterwards."
        )
        step.add_argument(
            "--release", action="store_true", help="Release each record (editors only)."
        )
        add_progress_argument(parser)

    def handle(self, *args, sheet, files, institution, username, dry_run, report, **options):
        user = self._user(username)
        home = self._institution(institution, user)
        sheet_path = Path(sheet)
        try:
            sheet_format(sheet_path.name)
        except ImportError_ as error:
            raise CommandError(error.message) from error
        if not sheet_path.is_file():
            raise CommandError(_("There is no sheet %(path)s.") % {"path": sheet_path})
        workflow = SUBMIT if options["submit"] else RELEASE if options["release"] else ""
        progress = Progress.for_command(self, options, label=_("import"))

        def on_row(done, total):
            progress.total = total
            progress.advance()

        try:
            source = open_source(files)
        except ImportError_ as error:
            raise CommandError(error.message) from error
        try:
            with sheet_path.open("rb") as handle, progress:
                result = records_import(
                    user=user,
                    institution=home,
                    sheet=handle,
                    sheet_name=sheet_path.name,
                    files=source,
                    dry_run=dry_run,
                    workflow=workflow,
                    on_row=on_row,
                )
        except ImportError_ as error:
            raise CommandError(error.message) from error
        finally:
            source.close()
        if report:
            Path(report).write_text(report_csv(result), encoding="utf-8")
        self._print(result, verbose=options["verbosity"] > 1)

    def _user(self, username):
        users = get_user_model().objects.filter(is_active=True)
        if username:
            user = users.filter(username=username).first()
            if user is None:
                raise CommandError(_("There is no active user “%(name)s”.") % {"name": username})
            return user
        superusers = list(users.filter(is_superuser=True)[:2])
        if len(superusers) != 1:
            raise CommandError(_("Say who imports, with --as USER."))
        return superusers[0]

    def _institution(self, slug, user):
        if slug:
            institution = InstitutionPage.objects.filter(slug=slug).first()
            if institution is None:
                raise CommandError(_("There is no institution “%(slug)s”.") % {"slug": slug})
            return institution
        choices = list(institutions_of_user(user)[:2])
        if len(choices) != 1:
            raise CommandError(_("Say which institution to import into, with --institution SLUG."))
        return choices[0]

    def _print(self, result, *, verbose: bool) -> None:
        for row in result.rows:
            if row.status != FAILED and not verbose:
                continue
            line = f"row {row.row} [{row.identifier}] {result.status_label(row.status)}"
            if row.record_id:
                line += f" (record {row.record_id})"
            if row.workflow:
                line += f", {row.workflow}"
            if row.changes:
                line += ": " + ", ".join(row.changes)
            self.stdout.write(line)
            for column, message in row.errors:
                self.stdout.write(f"    {column}: {message}")
        self.stdout.write(result.summary())
