"""manage.py files_sweep: remove stored objects no row explains and uploads nobody will finish."""

from datetime import timedelta

from django.core.management.base import CommandError
from django.utils.translation import gettext_lazy as _

from resource_hub.core.commands import Command as TranslatedHelpCommand
from resource_hub.core.progress import Progress, add_progress_argument, format_bytes
from resource_hub.files.inventory import PendingUpload, StagedUpload
from resource_hub.files.sweep import sweep_apply, sweep_plan


class Command(TranslatedHelpCommand):
    help = _(
        "Delete objects under documents/ and thumbnails/ that no document names, abort "
        "abandoned uploads under uploads/ and mark their rows cancelled; report documents "
        "whose object is missing (exit 1). With --dry-run, only report."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Report only; change nothing.")
        )
        parser.add_argument(
            "--older-than",
            type=float,
            default=24.0,
            metavar="HOURS",
            help=_(
                "Only remove objects and uploads without a row once they are this old "
                "(default 24): an upload in flight stores its object before its row exists."
            ),
        )
        add_progress_argument(parser)

    def handle(self, *args, dry_run, older_than, **options):
        if older_than < 0:
            raise CommandError("--older-than must be 0 or more hours.")
        progress = Progress.for_command(self, options, label="sweep: objects listed")
        with progress:
            plan = sweep_plan(older_than=timedelta(hours=older_than), on_object=progress.advance)

        verb = "would delete" if dry_run else "deleting"
        for stored in plan.orphans:
            self.stdout.write(
                f"ORPHAN ({verb}): {stored.name}  {format_bytes(stored.size)}, "
                f"stored {stored.modified:%Y-%m-%d %H:%M}, no document names it"
            )
        for abandoned in plan.uploads:
            item = abandoned.item
            action = "would abort" if dry_run else "aborting"
            if isinstance(item, PendingUpload):
                what = f"{item.name} (upload id {item.upload_id})"
            elif isinstance(item, StagedUpload):
                what = f"{item.path} ({format_bytes(item.size)})"
            else:
                what = f"{item.name} ({format_bytes(item.size)})"
                action = "would delete" if dry_run else "deleting"
            self.stdout.write(f"ABANDONED ({action}): {what}: {abandoned.reason}")
        for row in plan.expired_rows:
            self.stdout.write(
                f"EXPIRED UPLOAD ({'would mark' if dry_run else 'marking'} cancelled): "
                f"{row.pk} “{row.filename}”, expired {row.expires_at:%Y-%m-%d %H:%M}"
            )
        for missing in plan.missing:
            fix = (
                "restore the object from a backup, or delete the document"
                if missing.field == "file"
                else "run the document's derivatives again"
            )
            self.stdout.write(
                self.style.ERROR(
                    f"MISSING {missing.field}: document {missing.document_id} "
                    f"“{missing.title}”: no object {missing.name}; {fix} (left as it is)"
                )
            )

        if dry_run:
            self.stdout.write(
                f"Dry run: {len(plan.orphans)} orphan objects, {len(plan.uploads)} abandoned "
                f"uploads, {len(plan.expired_rows)} expired upload rows; "
                f"{len(plan.missing)} documents missing an object. Nothing changed."
            )
        else:
            done = sweep_apply(plan)
            for name in done.kept:
                self.stdout.write(f"KEPT: {name} gained a document meanwhile.")
            self.stdout.write(
                self.style.SUCCESS(
                    f"Deleted {done.objects_deleted} objects and aborted {done.uploads_aborted} "
                    f"uploads ({format_bytes(done.bytes_freed)} freed); marked "
                    f"{done.rows_aborted} upload rows cancelled."
                )
            )
        if plan.missing:
            raise CommandError(
                f"{len(plan.missing)} documents name an object that is not stored.", returncode=1
            )
