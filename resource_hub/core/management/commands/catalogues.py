"""`manage.py catalogues`: how far each interface catalogue is translated.

manage.py catalogues            the figures, and what fails the check
manage.py catalogues --table    the README's coverage table (Markdown)
manage.py catalogues --check    exit 1 when any catalogue fails (CI)
manage.py catalogues --readme README.md
                                rewrite the table between <!-- catalogues --> marks
                                (`make messages` does)
"""

import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resource_hub.core.catalogues import catalogues, coverage_table


class Command(BaseCommand):
    help = "Report how far each translation catalogue is translated; --check fails below the floor."

    def add_arguments(self, parser):
        parser.add_argument(
            "--table", action="store_true", help="Print the README's Markdown coverage table."
        )
        parser.add_argument(
            "--readme",
            metavar="FILE",
            help="Rewrite the coverage table between <!-- catalogues --> marks in FILE.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit with an error when a catalogue is unsound or below its required share.",
        )

    def handle(self, *args, table: bool, check: bool, readme: str | None = None, **options):
        items = catalogues()
        if table:
            self.stdout.write(coverage_table(items))
            return
        if readme:
            path = Path(readme)
            text = path.read_text(encoding="utf-8")
            block = re.compile(r"(<!-- catalogues -->\n).*?(\n<!-- /catalogues -->)", re.S)
            if not block.search(text):
                raise CommandError(f"{readme} has no <!-- catalogues --> block")
            table_text = coverage_table(items)
            path.write_text(
                block.sub(lambda found: found[1] + table_text + found[2], text), encoding="utf-8"
            )
            self.stdout.write(f"{readme}: coverage table rewritten")
            return
        failed = []
        for item in items:
            failures = item.failures()
            mark = self.style.ERROR("FAIL") if failures else self.style.SUCCESS("ok")
            self.stdout.write(
                f"{mark:>4} {item.code:<8} {item.translated:>5}/{item.total:<5} "
                f"{item.percent:5.1f} % (required {item.required:g} %)"
            )
            for failure in failures:
                self.stdout.write(f"       {failure}")
            if failures:
                failed.append(item.code)
        if check and failed:
            raise CommandError(f"catalogues failing the check: {', '.join(failed)}")
