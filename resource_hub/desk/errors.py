from django.utils.translation import gettext_lazy as _


class DeskError(Exception):
    """A desk action that cannot be done; the message tells a person why and what to do."""

    default_message = _("This cannot be done.")

    def __init__(self, message=None):
        super().__init__(str(message or self.default_message))


class DeskPermissionDenied(DeskError):
    default_message = _("You do not have permission to do this.")
