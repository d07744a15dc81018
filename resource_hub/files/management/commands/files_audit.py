"""manage.py files_audit: re-read every stored file and compare it with its row."""

import json

from django.core.management.base import CommandError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection

from resource_hub.core.commands import Command as TranslatedHelpCommand
from resource_hub.core.progress import BYTES, Progress, add_progress_argument, format_bytes
from resource_hub.files.audit import audit_documents, documents_to_audit, expected_bytes
from resource_hub.institutions.models import InstitutionPage


class Command(TranslatedHelpCommand):
    help = _(
        "Check that every document's stored object still has the SHA-256 and size its row "
        "records, and that its thumbnail exists. Exits 1 when anything is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--document",
            dest="documents",
            type=int,
            action="extend",
            nargs="+",
            metavar="ID",
            help=_("Check only these documents (ids)."),
        )
        parser.add_argument(
            "--institution",
            metavar="SLUG",
            help=_("Check only the documents of this institution (its page's slug)."),
        )
        parser.add_argument(
            "--json", action="store_true", help=_("Print the report as JSON on stdout.")
        )
        add_progress_argument(parser)

    def handle(self, *args, documents=None, institution=None, **options):
        selected = documents_to_audit(ids=documents, collection_ids=_collections(institution))
        if documents:
            unknown = sorted(set(documents) - set(selected.values_list("pk", flat=True)))
            if unknown:
                raise CommandError(f"No document with id {', '.join(map(str, unknown))}.")
        total = expected_bytes(selected)
        progress = Progress.for_command(self, options, total=total, unit=BYTES, label="audit")
        with progress:
            result = audit_documents(selected, on_bytes=progress.advance)

        summary = (
            f"Checked {result.checked} files, {format_bytes(result.bytes_read)}: "
            f"{result.count('mismatch', 'unmeasured', 'misplaced')} mismatches, "
            f"{result.count('missing')} missing, "
            f"{result.count('thumbnail-missing')} thumbnails missing."
        )
        if options["json"]:
            report = {
                "ok": result.ok,
                "checked": result.checked,
                "bytes": result.bytes_read,
                "problems": [problem.as_dict() for problem in result.problems],
            }
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            for problem in result.problems:
                self.stdout.write(_describe(problem))
            style = self.style.SUCCESS if result.ok else self.style.ERROR
            self.stdout.write(style(summary))
        if not result.ok:
            raise CommandError(f"{len(result.problems)} problems found. {summary}", returncode=1)


def _collections(slug: str | None) -> list[int] | None:
    """The institution's collection and any below it, or None for every collection."""
    if slug is None:
        return None
    institution = InstitutionPage.objects.filter(slug=slug).select_related("collection").first()
    if institution is None or institution.collection is None:
        raise CommandError(f"No institution with the slug {slug!r}.")
    root = institution.collection
    return list(
        Collection.objects.filter(path__startswith=root.path, depth__gte=root.depth).values_list(
            "pk", flat=True
        )
    )


def _describe(problem) -> str:
    lines = [f"{problem.kind.upper()}: document {problem.document_id} “{problem.title}”"]
    lines.append(f"  key: {problem.key}")
    for name in ("sha256", "size"):
        if name in problem.expected or name in problem.found:
            lines.append(
                f"  {name}: expected {problem.expected.get(name)!s:<64}  "
                f"found {problem.found.get(name, '-')}"
            )
    lines.append(f"  {problem.detail}")
    return "\n".join(lines)
