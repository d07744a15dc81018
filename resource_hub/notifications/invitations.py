"""The e-mail that takes an editor's invitation to the address they gave.

Unlike the other notifications it is not a background task: the e-mail holds
the invitation link, the link holds the token, and a task's arguments are
stored in plain text in the task table, while the database keeps only the
token's SHA-256. The desk asks for it right after the invitation commits,
inside the editor's request, and tells the editor whether it went
(desk.services.membership).

No List-Unsubscribe: it is one message an editor chose to send to one
address, not a list the recipient is on, and they may have no account whose
settings could stop it.
"""

from django.conf import settings
from django.utils import translation

from .messages import membership_invitation, send_message


def send_invitation(sender, invitation, token: str, **kwargs) -> bool:
    """E-mail `invitation`'s link (with `token`) to its address, in its language.

    A receiver of desk's `invitation_mail_requested`; raises when the mail
    server refuses, which the desk records as "could not be e-mailed".
    """
    with translation.override(invitation.email_language or settings.LANGUAGE_CODE):
        message = membership_invitation(invitation=invitation, token=token)
        send_message(message, to=invitation.email, recipient=None)
    return True
