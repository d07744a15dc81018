import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from resource_hub.demo.accounts import DEMO_PASSWORD
from resource_hub.demo.institutions import INSTITUTIONS
from resource_hub.demo.loader import DEFAULT_RECORDS, load_demo
from resource_hub.demo.specs import MAX_RECORDS, SEED, State


class Command(BaseCommand):
    help = (
        "Load demo institutions, accounts, records and files through the services. "
        "Idempotent: what exists already is skipped. Refused when DEBUG is off, unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--institutions",
            type=int,
            default=len(INSTITUTIONS),
            help=f"How many demo institutions (1-{len(INSTITUTIONS)}; default all).",
        )
        parser.add_argument(
            "--records",
            type=int,
            default=DEFAULT_RECORDS,
            help=f"How many records (default {DEFAULT_RECORDS}).",
        )
        parser.add_argument("--seed", type=int, default=SEED, help="Seed of the generator.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when DEBUG is off (creates accounts with a published password).",
        )

    def handle(self, *args, institutions, records, seed, force, verbosity, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this would create accounts whose password is published. "
                "Give --force if this really is a demo or test site."
            )
        if not 1 <= institutions <= len(INSTITUTIONS) or not 0 <= records < MAX_RECORDS:
            raise CommandError(
                f"--institutions must be 1-{len(INSTITUTIONS)} and --records 0-{MAX_RECORDS - 1}."
            )
        started = time.monotonic()
        report = load_demo(
            institutions=institutions,
            records=records,
            seed=seed,
            progress=self._progress if verbosity >= 1 else None,
            quiet_logs=verbosity < 2,
        )
        if verbosity >= 1:
            self._summary(report, time.monotonic() - started)

    def _progress(self, what: str, done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        bar = "#" * filled + "." * (width - filled)
        end = "\n" if done == total else ""
        self.stdout.write(f"\r{what:<13} [{bar}] {done}/{total}", ending=end)
        self.stdout.flush()

    def _summary(self, report, seconds: float) -> None:
        summary = report.summary
        self.stdout.write(
            f"Created {report.institutions_created} institutions, "
            f"{report.accounts_created} accounts, {report.records_created} records and "
            f"{report.files_created} files in {seconds:.1f} s."
        )
        self.stdout.write(
            f"Demo content now: {summary['institutions']} institutions, "
            f"{summary['records']} records ({summary['materials']} teaching resources, "
            f"{summary['achievements']} achievements), {summary['files']} files, "
            f"{summary['collections']} curated collections."
        )
        states = summary["states"]
        self.stdout.write(
            "By state: " + ", ".join(f"{state} {states[state]}" for state in State.ALL)
        )
        usage = report.usage
        if usage.skipped:
            self.stdout.write(f"Usage: the {usage.records} public records have usage already.")
        elif usage.records:
            self.stdout.write(
                f"Usage: {usage.events} views and downloads of the {usage.records} public records "
                f"over {usage.days} days, counted by the COUNTER rules."
            )
        self.stdout.write("")
        self.stdout.write(f"{'ROLE':<14} {'USERNAME':<30} INSTITUTION")
        for account in report.accounts:
            self.stdout.write(
                f"{account.role:<14} {account.username:<30} {account.institution or '(all)'}"
            )
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        self.stdout.write(
            "Every demo institution has a teacher.<slug> and an editor.<slug>; sign in at /admin/."
        )
        if not report.admin_password_is_demo:
            self.stdout.write(
                self.style.WARNING(
                    "demo-admin existed already with another password; it was left unchanged."
                )
            )
