from django.utils.translation import gettext_lazy as _

from resource_hub.core.errors import DomainError


class DeskError(DomainError):
    """A desk action that cannot be done; the message tells a person why and what to do."""

    status = 422
    code = "invalid_request"
    default_message = _("This cannot be done.")


class DeskPermissionDenied(DeskError):
    status = 403
    code = "permission_denied"
    default_message = _("You do not have permission to do this.")
