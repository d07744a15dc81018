"""manage.py records_import_template PATH: write the import template (.xlsx or .csv).

With --columns-markdown, print the column table of docs/import.md instead.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from resource_hub.imports.template import columns_markdown, template_csv, template_xlsx


class Command(BaseCommand):
    help = "Write the records import template, with examples in English and Chinese."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Where to write it: a .xlsx or .csv file.")
        parser.add_argument(
            "--columns-markdown",
            action="store_true",
            help="Print the column table (Markdown) for docs/import.md instead.",
        )

    def handle(self, *args, path, **options):
        if options["columns_markdown"]:
            self.stdout.write(columns_markdown(), ending="")
            return
        if not path:
            raise CommandError(_("Give the file to write, e.g. import-template.xlsx."))
        target = Path(path)
        makers = {".xlsx": template_xlsx, ".csv": template_csv}
        if target.suffix.lower() not in makers:
            raise CommandError(_("Write the template as .xlsx or .csv."))
        target.write_bytes(makers[target.suffix.lower()]())
        self.stdout.write(str(target))
