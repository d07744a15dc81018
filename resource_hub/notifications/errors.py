from django.utils.translation import gettext_lazy as _


class NotificationError(Exception):
    """Base error of notifications; its message is shown to the person."""


class InvalidUnsubscribeLink(NotificationError):
    def __init__(self):
        super().__init__(_("This link is not valid. Change your e-mail settings after signing in."))
