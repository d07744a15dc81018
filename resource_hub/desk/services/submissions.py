"""Withdrawing a submission from the desk.

Editors withdraw through `records.services.record_withdraw` (it unpublishes
and logs the reason). An author may take back their own submission while it
waits for review: that is Wagtail's own "cancel workflow", which Wagtail
allows the requester and logs itself.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from resource_hub.access import records as access
from resource_hub.records.errors import InvalidTransition, RecordPermissionDenied
from resource_hub.records.services import record_withdraw


@transaction.atomic
def submission_withdraw(*, user, record, reason: str = ""):
    """Take the record out of review (authors), or withdraw it entirely (editors)."""
    record.refresh_from_db()
    if access.can_moderate(user, record):
        return record_withdraw(user=user, record=record, reason=reason)
    state = record.workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS).first()
    if state is None:
        raise InvalidTransition(_("Only a record waiting for review can be taken back."))
    if not access.can_take_back(user, record):
        raise RecordPermissionDenied(_("Only the record's author can take back this submission."))
    state.cancel(user=user)
    record.refresh_from_db()
    return record
