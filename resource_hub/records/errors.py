from django.utils.translation import gettext_lazy as _

from resource_hub.core.errors import DomainError


class RecordError(DomainError):
    """A record action that cannot be done; the message tells a person why and what to do."""

    status = 422
    code = "invalid_record"
    default_message = _("This action cannot be done on this record.")


class RecordPermissionDenied(RecordError):
    status = 403
    code = "permission_denied"
    default_message = _("You do not have permission to do this with this record.")


class InvalidTransition(RecordError):
    status = 409
    code = "invalid_transition"
    default_message = _("The record is not in a state that allows this.")
