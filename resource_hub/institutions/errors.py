from django.utils.translation import gettext_lazy as _


class InstitutionError(Exception):
    """An institution action that cannot be done; the message says why, for a person."""

    default_message = _("This institution action cannot be done.")

    def __init__(self, message=None):
        super().__init__(str(message or self.default_message))


class InstitutionPermissionDenied(InstitutionError):
    default_message = _("Only platform administrators can do this.")
