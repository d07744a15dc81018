"""(Re)make documents' text, page counts and thumbnails, here and now (not queued)."""

from django.core.management.base import BaseCommand, CommandError

from resource_hub.files.derivatives import document_derive
from resource_hub.files.models import ResourceDocument


class Command(BaseCommand):
    help = (
        "Make the text, page count and thumbnail of existing documents: --pending (never "
        "made), --failed (last attempt failed), --all, or the given document ids."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="document ids")
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--all", action="store_true", dest="every", help="every document")
        which.add_argument("--pending", action="store_true", help="documents still waiting")
        which.add_argument("--failed", action="store_true", help="documents whose last run failed")

    def handle(self, *args, ids, every, pending, failed, **options):
        documents = ResourceDocument.objects.order_by("pk")
        if ids:
            if every or pending or failed:
                raise CommandError(
                    "Give document ids or one of --all/--pending/--failed, not both."
                )
            documents = documents.filter(pk__in=ids)
        elif pending:
            documents = documents.filter(derivatives_state="pending")
        elif failed:
            documents = documents.filter(derivatives_state="failed")
        elif not every:
            raise CommandError("Say which documents: --all, --pending, --failed or some ids.")

        total = documents.count()
        counts: dict[str, int] = {}
        for number, document in enumerate(documents.iterator(chunk_size=100), start=1):
            state = document_derive(document=document)
            counts[state] = counts.get(state, 0) + 1
            line = f"[{number}/{total}] #{document.pk} {document.title}: {state}"
            if document.derivatives_error:
                line += f" ({document.derivatives_error})"
            self.stdout.write(line)
        summary = ", ".join(f"{state} {count}" for state, count in sorted(counts.items()))
        self.stdout.write(f"{total} documents: {summary or 'nothing to do'}")
