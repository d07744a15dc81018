"""The conversation on a record between its author and its reviewers (issue 14).

A comment is an entry of Wagtail's audit log (`PageLogEntry`, action
"desk.comment"), like every other thing that happens to a record: the log is
the one place the conversation is kept, so the review's own comments (sent
back, approved: Wagtail logs them with the workflow's actions, from the desk,
the API or the admin) and the plain replies read as one thread
(`desk.selectors.record_conversation`) and the admin's History shows them too.
"""

from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from resource_hub.access import records as access
from resource_hub.records.errors import RecordError, RecordPermissionDenied
from resource_hub.records.services import record_submit

COMMENT_ACTION = "desk.comment"
COMMENT_MAX_LENGTH = 2000

#: Sent after commit when someone comments (not for the review's own actions, which
#: Wagtail's workflow signals announce): `record`, `user`, `comment`, `resubmitted`.
record_commented = Signal()


@transaction.atomic
def record_comment(*, user, record, comment: str, resubmit: bool = False):
    """Add `comment` to the record's conversation; with `resubmit`, send the draft for review
    again in the same step (the author answering a sent-back comment).

    Only those who may see the record's drafts may comment (`access.records.can_discuss`).
    Returns the log entry.
    """
    record.refresh_from_db()  # callers may hold a stale copy
    if not access.can_discuss(user, record):
        raise RecordPermissionDenied(
            _("Only the record's author and its institution's editors can comment on it.")
        )
    comment = comment.strip()
    if not comment:
        raise RecordError(_("Write your comment first."))
    if len(comment) > COMMENT_MAX_LENGTH:
        raise RecordError(
            _("A comment can be at most %(count)d characters long.") % {"count": COMMENT_MAX_LENGTH}
        )
    entry = log(
        instance=record,
        action=COMMENT_ACTION,
        user=user,
        data={"comment": comment},
        revision=record.latest_revision,
    )
    if resubmit:
        record_submit(user=user, record=record)
    transaction.on_commit(
        lambda: record_commented.send(
            sender=record_comment,
            record=record,
            user=user,
            comment=comment,
            resubmitted=resubmit,
        )
    )
    return entry
