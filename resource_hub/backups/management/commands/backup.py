"""manage.py backup DESTINATION: the database and every stored object, with checksums."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resource_hub.backups import archive
from resource_hub.backups.errors import BackupError
from resource_hub.core.commands import Command as TranslatedHelpCommand
from resource_hub.core.progress import Progress, add_progress_argument, format_bytes


class Command(TranslatedHelpCommand):
    help = gettext_lazy(
        "Back up the database (pg_dump's custom format, or SQLite's own copy) and every "
        "stored file, with their SHA-256, into a new folder under DESTINATION. The search "
        "index is rebuilt after a restore, not backed up."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", type=Path, help=gettext_lazy("Folder to write into."))
        add_progress_argument(parser)

    def handle(self, *args, destination: Path, **options):
        progress = Progress.for_command(self, options, total=None, label=_("files"))
        try:
            with progress:
                summary = archive.backup(destination, on_object=progress.advance)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Backed up the %(vendor)s database and %(count)d files (%(size)s) into %(folder)s")
            % {
                "vendor": summary.database,
                "count": summary.objects,
                "size": format_bytes(summary.bytes),
                "folder": summary.folder,
            }
        )
