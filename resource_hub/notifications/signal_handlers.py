"""Who is told what, on Wagtail's workflow signals and the desk's membership signals.

The project's workflow services (records.services.workflow: submit, resume,
release, send back) drive Wagtail's workflow, which sends `task_submitted`
(a review task starts: on submitting and on resubmitting after changes),
`workflow_approved` and `workflow_rejected`. The desk's membership services
send their own signals. Each receiver only picks the recipients and calls
`services.notify`, which sends after commit.

Wagtail's own moderation e-mails are turned off here: they link to the
admin, are sent inside the request, ignore these preferences and would
double ours.
"""

from django.contrib.auth import get_user_model
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from resource_hub.desk.services.membership import (
    invitation_accepted,
    invitation_mail_requested,
    membership_request_answered,
    membership_request_created,
)

from .invitations import send_invitation
from .services import notify

# Wagtail's own moderation e-mails (wagtail.admin.signal_handlers), by their dispatch ids.
WAGTAIL_NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]


def _record_id(workflow_state) -> int:
    return int(workflow_state.object_id)


def _owner_id(workflow_state):
    content = workflow_state.content_object
    return getattr(content, "owner_id", None)


def on_task_submitted(sender, instance, user=None, **kwargs):
    """A review task started: tell its reviewing groups (the institution's editors)."""
    task = instance.task.specific
    groups = getattr(task, "groups", None)
    if groups is None:
        return
    editors = get_user_model().objects.filter(groups__in=groups.all()).values_list("pk", flat=True)
    notify(
        kind="review_submitted",
        recipients=list(editors.distinct()),
        params={
            "record_id": _record_id(instance.workflow_state),
            "actor_id": getattr(user, "pk", None),
        },
        exclude=user,
    )


def on_workflow_approved(sender, instance, user=None, **kwargs):
    owner = _owner_id(instance)
    if owner:
        notify(
            kind="review_approved",
            recipients=[owner],
            params={"record_id": _record_id(instance), "actor_id": getattr(user, "pk", None)},
            exclude=user,
        )


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    owner = _owner_id(instance)
    if not owner:
        return
    task_state = instance.current_task_state
    notify(
        kind="review_sent_back",
        recipients=[owner],
        params={
            "record_id": _record_id(instance),
            "actor_id": getattr(user, "pk", None),
            "comment": task_state.get_comment() if task_state else "",
        },
        exclude=user,
    )


def on_membership_requested(sender, request, **kwargs):
    institution = request.institution
    if institution.editors_group_id:
        notify(
            kind="membership_requested",
            recipients=institution.editors_group.user_set.values_list("pk", flat=True),
            params={"request_id": request.pk},
            exclude=request.user_id,
        )


def on_membership_answered(sender, request, user=None, **kwargs):
    notify(
        kind="membership_answered",
        recipients=[request.user_id],
        params={"request_id": request.pk},
        exclude=user,
    )


def on_invitation_accepted(sender, invitation, **kwargs):
    notify(
        kind="invitation_accepted",
        recipients=[invitation.created_by_id],
        params={"invitation_id": invitation.pk},
    )


def connect() -> None:
    for signal, sender, uid in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
    task_submitted.connect(on_task_submitted, dispatch_uid="notifications_task_submitted")
    workflow_approved.connect(
        on_workflow_approved, sender=WorkflowState, dispatch_uid="notifications_approved"
    )
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid="notifications_rejected"
    )
    membership_request_created.connect(
        on_membership_requested, dispatch_uid="notifications_membership_requested"
    )
    membership_request_answered.connect(
        on_membership_answered, dispatch_uid="notifications_membership_answered"
    )
    invitation_accepted.connect(
        on_invitation_accepted, dispatch_uid="notifications_invitation_accepted"
    )
    # Sent within the request, not queued: see invitations.py.
    invitation_mail_requested.connect(send_invitation, dispatch_uid="notifications_invitation_mail")
