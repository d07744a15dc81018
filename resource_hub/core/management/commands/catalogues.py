"""`manage.py catalogues`: how far each interface catalogue is translated.

manage.py catalogues            the figures, and what fails the check
manage.py catalogues --table    the README's coverage table (Markdown)
manage.py catalogues --check    exit 1 when any catalogue fails (CI)
"""

from django.core.management.base import BaseCommand, CommandError

from resource_hub.core.catalogues import catalogues, coverage_table


class Command(BaseCommand):
    help = "Report how far each translation catalogue is translated; --check fails below the floor."

    def add_arguments(self, parser):
        parser.add_argument(
            "--table", action="store_true", help="Print the README's Markdown coverage table."
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit with an error when a catalogue is unsound or below its required share.",
        )

    def handle(self, *args, table: bool, check: bool, **options):
        items = catalogues()
        if table:
            self.stdout.write(coverage_table(items))
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
