from django.utils.translation import gettext_lazy as _

from resource_hub.core.errors import DomainError


class EventError(DomainError):
    """An event action that cannot be done; the message says why, for a person."""

    default_message = _("This event action cannot be done.")


class EventPermissionDenied(EventError):
    status = 403
    code = "permission_denied"
    default_message = _("You may not add or change events.")
