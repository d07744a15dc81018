"""manage.py search_index ensure|rebuild|update|verify|downloads|status: the record index's life."""

import json
from dataclasses import asdict

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext_lazy as _

from resource_hub.core.commands import Command as TranslatedHelpCommand
from resource_hub.core.progress import Progress, add_progress_argument
from search import lifecycle
from search.errors import SearchError
from search.indexing import indexable_records


class Command(TranslatedHelpCommand):
    help = _(
        "Manage the public search index: rebuild it from the database behind its alias, "
        "update some or all records, verify it against the released records, copy download "
        "counts into it, or show its status."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "action",
            choices=["ensure", "rebuild", "update", "verify", "downloads", "status"],
            help=_(
                "ensure: rebuild unless the index exists, is current and holds records; "
                "rebuild: load a new index version and move the alias to it; update: re-index "
                "records; verify: compare the index with the released records; downloads: copy "
                "the download counts into it; status: show the alias, index and document count."
            ),
        )
        parser.add_argument(
            "--record",
            dest="records",
            type=int,
            action="extend",
            nargs="+",
            metavar="ID",
            help=_("With update: only these records (ids); others are left as they are."),
        )
        parser.add_argument(
            "--fix",
            action="store_true",
            help=_("With verify: index what is missing or stale and delete what is extra."),
        )
        parser.add_argument(
            "--json", action="store_true", help=_("Print the result as JSON on stdout.")
        )
        add_progress_argument(parser)

    def handle(self, *args, action, records=None, fix=False, **options):
        if records and action != "update":
            raise CommandError("--record goes with update only.")
        if fix and action != "verify":
            raise CommandError("--fix goes with verify only.")
        if action == "ensure" and not settings.ELASTICSEARCH_URL:
            # `make run` without `make services`: nothing to build, nothing wrong.
            self.stdout.write("ELASTICSEARCH_URL is not set: the site searches its database.")
            return
        try:
            lifecycle.check_reachable()
            getattr(self, f"_{action}")(records=records, fix=fix, options=options)
        except SearchError as error:
            raise CommandError(str(error)) from error

    def _progress(self, options, label, total):
        return Progress.for_command(self, options, total=total, label=label)

    def _ensure(self, *, options, **unused):
        progress = self._progress(options, "ensure", indexable_records().count())
        with progress:
            result = lifecycle.ensure(on_progress=progress.advance)
        if result.rebuilt is None:
            summary = f"{lifecycle.alias_name()} is current; nothing to do."
        else:
            summary = (
                f"Rebuilt because {result.reason}: indexed {result.rebuilt.indexed} records "
                f"into {result.rebuilt.index}; {lifecycle.alias_name()} points at it."
            )
        self._report(options, asdict(result), summary)

    def _rebuild(self, *, options, **unused):
        progress = self._progress(options, "rebuild", indexable_records().count())
        with progress:
            result = lifecycle.rebuild(on_progress=progress.advance)
        self._report(
            options,
            asdict(result),
            f"Indexed {result.indexed} records into {result.index}; "
            f"{lifecycle.alias_name()} points at it."
            + (f" Removed {', '.join(result.removed)}." if result.removed else ""),
        )

    def _update(self, *, records, options, **unused):
        total = len(set(records)) if records else indexable_records().count()
        progress = self._progress(options, "update", total)
        with progress:
            result = lifecycle.update(records, on_progress=progress.advance)
        self._report(
            options,
            asdict(result),
            f"Indexed {result.indexed} records, deleted {result.deleted} from the index.",
        )
        if result.errors:
            raise CommandError(f"{len(result.errors)} records failed. First: {result.errors[0]}")

    def _verify(self, *, fix, options, **unused):
        progress = self._progress(options, "verify", indexable_records().count())
        with progress:
            report = lifecycle.verify(fix=fix, on_progress=progress.advance)
        summary = (
            f"Checked {report.checked} released records against {report.indexed} documents: "
            f"{len(report.missing)} missing, {len(report.stale)} stale, {len(report.extra)} extra."
        )
        if report.repaired:
            summary += " Repaired."
        if not options["json"]:
            for name in ("missing", "stale", "extra"):
                ids = getattr(report, name)
                if ids:
                    self.stdout.write(f"{name.upper()}: {', '.join(map(str, ids))}")
        self._report(options, {**asdict(report), "ok": report.ok}, summary, ok=report.ok)
        if not report.ok and not report.repaired:
            raise CommandError(f"The index differs from the database. {summary}", returncode=1)

    def _downloads(self, *, options, **unused):
        progress = self._progress(options, "downloads", indexable_records().count())
        with progress:
            result = lifecycle.sync_downloads(on_progress=progress.advance)
        self._report(
            options,
            asdict(result),
            f"Checked {result.checked} documents; updated the download count of {result.updated}.",
        )

    def _status(self, *, options, **unused):
        state = lifecycle.status()
        if state.indices:
            lines = [
                f"alias:           {state.alias} -> {', '.join(state.indices)}",
                f"documents:       {state.documents} (released records: {state.released})",
                f"mapping version: {state.mapping_version}"
                + ("" if state.current else " (outdated: run `search_index rebuild`)"),
                f"icu_tokenizer:   {'yes' if state.icu else 'no'}",
            ]
        else:
            lines = [f"alias:           {state.alias} (none yet: run `search_index rebuild`)"]
        self._report(options, {**asdict(state), "current": state.current}, "\n".join(lines))

    def _report(self, options, data: dict, summary: str, ok: bool = True):
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write((self.style.SUCCESS if ok else self.style.ERROR)(summary))
