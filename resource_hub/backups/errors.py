from django.utils.translation import gettext_lazy as _

from resource_hub.core.errors import DomainError


class BackupError(DomainError):
    """A backup that cannot be made or restored; the message says what to do."""

    status = 409
    code = "backup_failed"
    default_message = _("The backup could not be made or restored.")
