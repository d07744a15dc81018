"""manage.py restore FOLDER --yes: put a backup back, then migrate and rebuild the search index."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resource_hub.backups import archive
from resource_hub.backups.errors import BackupError
from resource_hub.core.commands import Command as TranslatedHelpCommand
from resource_hub.core.progress import Progress, add_progress_argument


class Command(TranslatedHelpCommand):
    help = gettext_lazy(
        "Restore a backup made by `backup`: check every file against the manifest first "
        "(a damaged backup changes nothing), then replace the database and the stored files, "
        "apply migrations and rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help=gettext_lazy("The backup's folder."))
        parser.add_argument(
            "--yes",
            action="store_true",
            help=gettext_lazy("Confirm: the database's contents are replaced by the backup's."),
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help=gettext_lazy("Only check the backup against its manifest; change nothing."),
        )
        add_progress_argument(parser)

    def handle(self, *args, folder: Path, yes: bool, check: bool, **options):
        try:
            manifest = self._checked(folder, options)
            if check:
                self.stdout.write(_("The backup is complete and every checksum matches."))
                return
            if not yes:
                raise CommandError(
                    _(
                        "This replaces the database and the stored files by the backup of "
                        "%(created)s. Run again with --yes to go ahead."
                    )
                    % {"created": manifest["created"]}
                )
            progress = self._progress(options, _("restore"), len(manifest["objects"]))
            with progress:
                archive.restore(folder, manifest=manifest, on_object=progress.advance)
        except BackupError as error:
            raise CommandError(str(error)) from error
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(
            _("Restored the database and %(count)d files of %(created)s.")
            % {"count": len(manifest["objects"]), "created": manifest["created"]}
        )
        if settings.ELASTICSEARCH_URL:
            call_command("search_index", "rebuild", no_progress=options.get("no_progress"))
        else:
            self.stdout.write(_("ELASTICSEARCH_URL is not set: the site searches its database."))

    def _checked(self, folder: Path, options) -> dict:
        try:
            count = len(json.loads((folder / archive.MANIFEST).read_text())["objects"])
        except (OSError, ValueError, KeyError, TypeError):
            count = None  # `check` says what is wrong
        progress = self._progress(options, _("check"), count)
        with progress:
            return archive.check(folder, on_object=progress.advance)

    def _progress(self, options, label, total):
        return Progress.for_command(self, options, total=total, label=label)
