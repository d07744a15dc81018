"""`manage.py preflight`: check every configured service and say what to fix.

One line per check (OK, WARN or FAIL, what was seen, and the remedy); exit
status 1 when anything FAILs. `--json` prints one JSON object for monitoring.
"""

import json
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resource_hub.ops import preflight

MARKS = {preflight.OK: "OK  ", preflight.WARN: "WARN", preflight.FAIL: "FAIL"}


class Command(BaseCommand):
    @property
    def help(self):
        # Translated when asked for (argparse needs a str, not a lazy string).
        return _(
            "Check the database, object store, search index, e-mail, task worker and the "
            "site's addresses, and say what to fix. Exits 1 when a check fails."
        )

    requires_system_checks = []  # a broken service must not stop the report on it

    def add_arguments(self, parser):
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help=gettext_lazy("Print one JSON object (monitoring)."),
        )
        parser.add_argument(
            "--only",
            action="append",
            choices=list(preflight.GROUPS),
            default=[],
            help=gettext_lazy("Run only this group of checks (repeatable)."),
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=preflight.DEFAULT_TIMEOUT,
            help=gettext_lazy("Seconds to wait for each service's answer (default 5)."),
        )
        parser.add_argument(
            "--worker-max-age",
            type=float,
            default=preflight.DEFAULT_MAX_AGE.total_seconds() / 60,
            metavar="MINUTES",
            help=gettext_lazy("The oldest worker heartbeat that still counts (default 5)."),
        )

    def handle(self, *args, as_json: bool, only, timeout: float, worker_max_age: float, **options):
        results = []
        for result in preflight.run(
            only=only,
            timeout=timeout,
            worker_max_age=timedelta(minutes=worker_max_age),
            on_group=self._progress,
        ):
            results.append(result)
            if not as_json:
                self._print(result)
        status = preflight.overall(results)
        if as_json:
            self.stdout.write(_dumps(status, results))
        else:
            counts = {s: sum(r.status == s for r in results) for s in MARKS}
            self.stdout.write(
                _("%(ok)d OK, %(warn)d WARN, %(fail)d FAIL")
                % {"ok": counts["ok"], "warn": counts["warn"], "fail": counts["fail"]}
            )
        if status == preflight.FAIL:
            raise CommandError(
                _("Some checks failed: fix them and run `manage.py preflight` again."), returncode=1
            )

    def _progress(self, name: str) -> None:
        """On a terminal, say which service is being asked (it may take `--timeout`)."""
        if self.stderr.isatty():
            self.stderr.write(
                _("checking %(group)s…") % {"group": preflight.GROUP_LABELS[name]},
                style_func=lambda text: text,
            )

    def _print(self, result):
        style = {
            preflight.OK: self.style.SUCCESS,
            preflight.WARN: self.style.WARNING,
            preflight.FAIL: self.style.ERROR,
        }[result.status]
        self.stdout.write(f"{style(MARKS[result.status])} {result.label}: {result.message}")
        if result.remedy:
            self.stdout.write(f"      → {result.remedy}")
        self.stdout.flush()


def _dumps(status, results) -> str:
    return json.dumps(
        {"status": status, "checks": [result.as_dict() for result in results]},
        ensure_ascii=False,
        indent=2,
    )
