from django.utils.translation import gettext_lazy as _


class RecordError(Exception):
    """A record action that cannot be done; the message tells a person why and what to do."""

    default_message = _("This action cannot be done on this record.")

    def __init__(self, message=None):
        super().__init__(str(message or self.default_message))


class RecordPermissionDenied(RecordError):
    default_message = _("You do not have permission to do this with this record.")


class InvalidTransition(RecordError):
    default_message = _("The record is not in a state that allows this.")
