"""Submit → review → release, on Wagtail's workflow, with clear refusals.

Every state change is written to Wagtail's audit log (PageLogEntry): the
workflow and publishing calls log their own actions; withdrawal logs ours.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import WorkflowState

from resource_hub.access import records as access

from ..errors import InvalidTransition, RecordError, RecordPermissionDenied


def _workflow_state(record):
    return record.workflow_states.filter(
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
    ).first()


@transaction.atomic
def record_submit(*, user, record):
    """Send the latest draft for review by the institution's editors."""
    record.refresh_from_db()  # callers may hold a stale copy
    state = _workflow_state(record)
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise InvalidTransition(_("This record is already waiting for review."))
    if record.live and not record.has_unpublished_changes:
        raise InvalidTransition(_("This record is released and has no changes to review."))
    if not access.can_submit(user, record):
        raise RecordPermissionDenied(
            _("Only the record's author or its institution's editors can submit it.")
        )
    if state:  # changes were requested: the same review goes on with the new draft
        return state.resume(user=user)
    workflow = record.get_workflow()
    if workflow is None:
        raise RecordError(_("The institution has no review workflow; ask an administrator."))
    return workflow.start(record, user)


@transaction.atomic
def record_release(*, user, record, comment: str = ""):
    """Release (publish) the record's latest revision. Editors only.

    Under review: the editors' approval task is approved, which publishes.
    Otherwise an editor publishes directly. A go-live date in the future
    schedules the release (embargo) instead.
    """
    record.refresh_from_db()  # callers may hold a stale copy
    if not access.can_release(user, record):
        if record.live and not record.has_unpublished_changes:
            raise InvalidTransition(_("This record is already released."))
        raise RecordPermissionDenied(_("Only the institution's editors can release records."))
    state = _workflow_state(record)
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, user, "approve", comment=comment)
    else:
        if state:  # changes had been requested, but an editor releases as it is
            state.cancel(user=user)
        record.get_latest_revision().publish(user=user)
    record.refresh_from_db()
    return record


@transaction.atomic
def record_reject(*, user, record, comment: str):
    """Send the record back to its author with a comment they will see."""
    record.refresh_from_db()  # callers may hold a stale copy
    if not comment.strip():
        raise RecordError(_("Say what needs to change: the author sees your comment."))
    state = _workflow_state(record)
    if not state or state.status != WorkflowState.STATUS_IN_PROGRESS:
        raise InvalidTransition(_("Only a record under review can be sent back."))
    if not access.can_reject(user, record):
        raise RecordPermissionDenied(_("Only the institution's editors can review this record."))
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, "reject", comment=comment.strip())
    return state


@transaction.atomic
def record_unpublish(*, user, record):
    """Take a released record off the public site; it becomes a draft again."""
    record.refresh_from_db()  # callers may hold a stale copy
    if not record.live:
        raise InvalidTransition(_("This record is not released."))
    if not access.can_unpublish(user, record):
        raise RecordPermissionDenied(_("Only the institution's editors can unpublish records."))
    record.unpublish(user=user)
    record.refresh_from_db()
    return record


@transaction.atomic
def record_withdraw(*, user, record, reason: str):
    """Withdraw a record: stop its review or unpublish it, and record why.

    The record stays in the database (a repository never forgets) and can be
    submitted and released again.
    """
    record.refresh_from_db()  # callers may hold a stale copy
    if not reason.strip():
        raise RecordError(_("Give the reason for withdrawing the record."))
    state = _workflow_state(record)
    if not record.live and not state:
        raise InvalidTransition(_("Only a released record or one under review can be withdrawn."))
    if not access.can_withdraw(user, record):
        raise RecordPermissionDenied(_("Only the institution's editors can withdraw records."))
    if state:
        state.cancel(user=user)
    if record.live:
        record.unpublish(user=user, log_action=False)
    log(instance=record, action="records.withdraw", user=user, data={"reason": reason.strip()})
    record.refresh_from_db()
    return record


@transaction.atomic
def submission_withdraw(*, user, record, reason: str = ""):
    """Take the record out of review (its author), or withdraw it entirely (editors).

    What the desk's and the API's "withdraw" do: an author may take back their
    own submission while it waits for review, which is Wagtail's own "cancel
    workflow" (allowed to the requester, logged by Wagtail); editors withdraw
    through `record_withdraw` (it unpublishes and logs the reason).
    """
    record.refresh_from_db()
    if access.can_moderate(user, record):
        return record_withdraw(user=user, record=record, reason=reason)
    state = record.workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS).first()
    if state is not None and access.can_take_back(user, record):
        state.cancel(user=user)
        record.refresh_from_db()
        return record
    if state is None and record.owner_id == getattr(user, "pk", None):
        # Its author, with nothing waiting for review: say what they can take back.
        raise InvalidTransition(_("Only a record waiting for review can be taken back."))
    raise RecordPermissionDenied(_("Only the institution's editors can withdraw records."))
