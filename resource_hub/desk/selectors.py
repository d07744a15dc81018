"""Reads of the teacher's desk."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

from resource_hub.access.records import can_edit, can_moderate, can_view
from resource_hub.files.models import ResourceDocument
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.models import RecordPage

from .models import MembershipInvitation, MembershipRequest
from .services.conversation import COMMENT_ACTION
from .services.membership import token_hash


def institutions_edited_by(user) -> QuerySet[InstitutionPage]:
    if not user.is_authenticated:
        return InstitutionPage.objects.none()
    return InstitutionPage.objects.filter(editors_group__in=user.groups.all()).order_by("title")


def institutions_open_to_request(user) -> QuerySet[InstitutionPage]:
    """Live institutions the user is not a member of yet."""
    groups = user.groups.all()
    return (
        InstitutionPage.objects.live()
        .exclude(Q(teachers_group__in=groups) | Q(editors_group__in=groups))
        .filter(teachers_group__isnull=False)
        .order_by("title")
    )


def review_queue(user) -> QuerySet[RecordPage]:
    """Records of the editor's institutions waiting for review, oldest submission first."""
    institutions = list(institutions_edited_by(user))
    if not institutions:
        return RecordPage.objects.none()
    children = Q()
    for institution in institutions:
        children |= Q(path__startswith=institution.path, depth=institution.depth + 1)
    # A subquery, not the site's in-progress review ids read into Python: one query
    # whatever the number of reviews under way elsewhere.
    in_review = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return (
        RecordPage.objects.filter(children)
        .filter(Exists(in_review))
        .select_related("owner")
        .order_by("latest_revision_created_at", "pk")
    )


@dataclass(frozen=True)
class QueueRow:
    """One submission in "Awaiting my review": what an editor needs to pick it up."""

    record: RecordPage
    submitted_at: datetime
    file_count: int


def review_queue_rows(user) -> list[QueueRow]:
    """`review_queue` with each submission's type, author, date submitted and number of
    files (of the draft under review), in a constant number of queries."""
    records = list(review_queue(user).select_related("resource_type"))
    if not records:
        return []
    submitted = {
        state.object_id: state.current_task_state.started_at
        if state.current_task_state
        else state.created_at
        for state in WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(record.pk) for record in records],
            status=WorkflowState.STATUS_IN_PROGRESS,
        ).select_related("current_task_state")
    }
    files = {
        revision.pk: len(revision.content.get("files") or [])
        for revision in Revision.objects.filter(
            pk__in=[record.latest_revision_id for record in records]
        ).only("pk", "content")
    }
    return [
        QueueRow(
            record=record,
            submitted_at=submitted.get(str(record.pk), record.latest_revision_created_at),
            file_count=files.get(record.latest_revision_id, 0),
        )
        for record in records
    ]


def pending_requests_for(user) -> QuerySet[MembershipRequest]:
    return (
        MembershipRequest.objects.filter(
            institution__in=institutions_edited_by(user),
            status=MembershipRequest.Status.PENDING,
        )
        .select_related("user", "institution")
        .order_by("created_at")
    )


def unused_invitations_for(user, *, days: int = 30) -> QuerySet[MembershipInvitation]:
    """Invitations of the user's institutions not accepted: open, or expired in the last `days`.

    The editor's list: to whom each went, whether the e-mail went, and which to send again.
    """
    return (
        MembershipInvitation.objects.filter(
            institution__in=institutions_edited_by(user),
            accepted_at__isnull=True,
            expires_at__gt=timezone.now() - timedelta(days=days),
        )
        .select_related("institution", "created_by")
        .order_by("-expires_at")
    )


def requests_of(user) -> QuerySet[MembershipRequest]:
    return MembershipRequest.objects.filter(user=user).select_related("institution")


def record_for_desk(user, pk: int, *, edit: bool = False) -> RecordPage | None:
    """The record if the user may see it on the desk (or edit it, with `edit`), else None.

    A draft is seen only by its author and the institution's editors, so a
    teacher asking for another teacher's draft gets the same 404 as a wrong id.
    """
    record = RecordPage.objects.filter(pk=pk).first()
    if record is None:
        return None
    record = record.specific
    allowed = can_edit(user, record) if edit else can_view(user, record)
    if not allowed or not (record.owner_id == user.pk or can_moderate(user, record)):
        return None
    return record


def open_invitation(token: str) -> MembershipInvitation | None:
    """The unused, unexpired invitation the link's token belongs to, if any (for its page)."""
    return (
        MembershipInvitation.objects.select_related("institution")
        .filter(
            token_hash=token_hash(token), accepted_at__isnull=True, expires_at__gt=timezone.now()
        )
        .first()
    )


# --- the conversation and the review page ---------------------------------------------

#: audit log action -> (event, what the entry says happened). Wagtail logs the review's
#: own steps, with the reviewer's comment, from the desk, the API and the admin alike.
CONVERSATION_EVENTS = {
    "wagtail.workflow.start": ("submitted", _("Submitted for review")),
    "wagtail.workflow.resume": ("resubmitted", _("Submitted again")),
    "wagtail.workflow.reject": ("sent_back", _("Sent back for changes")),
    "wagtail.workflow.approve": ("approved", _("Approved")),
    "wagtail.workflow.cancel": ("taken_back", _("Taken out of review")),
    "records.withdraw": ("withdrawn", _("Withdrawn")),
    COMMENT_ACTION: ("comment", _("Comment")),
}


@dataclass(frozen=True)
class ConversationEntry:
    """One message of a record's conversation: who, when, the state change it came with."""

    user_id: int | None
    name: str
    is_author: bool
    at: datetime
    event: str
    event_label: str
    comment: str


def record_conversation(record) -> list[ConversationEntry]:
    """The record's conversation, oldest first, read from Wagtail's audit log in one query.

    A comment immediately followed by its writer's own state change (an author
    answering and resubmitting) is one message: the comment with that change.
    Whether the reader may see it is the caller's question (`access.records.can_discuss`).
    """
    entries: list[ConversationEntry] = []
    logged = (
        PageLogEntry.objects.filter(page_id=record.pk, action__in=CONVERSATION_EVENTS)
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    for item in logged:
        event, label = CONVERSATION_EVENTS[item.action]
        data = item.data or {}
        comment = str(data.get("comment") or data.get("reason") or "").strip()
        entry = ConversationEntry(
            user_id=item.user_id,
            name=item.user_display_name,
            is_author=item.user_id is not None and item.user_id == record.owner_id,
            at=item.timestamp,
            event=event,
            event_label=label,
            comment=comment,
        )
        previous = entries[-1] if entries else None
        if (
            previous is not None
            and previous.event == "comment"
            and event != "comment"
            and not comment
            and previous.user_id == item.user_id
        ):
            entries[-1] = ConversationEntry(**{**entry.__dict__, "comment": previous.comment})
            continue
        entries.append(entry)
    return entries


def last_released_revision(record) -> Revision | None:
    """The revision the record was last released with (even if unpublished since), if any."""
    entry = (
        PageLogEntry.objects.filter(
            page_id=record.pk, action="wagtail.publish", revision__isnull=False
        )
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision if entry else record.live_revision


def record_changes(record, draft, *, request) -> list | None:
    """What changed from the last released revision to `draft`, field by field, with
    Wagtail's revision comparison (the admin's "Compare" uses the same classes).

    None when the record was never released (everything is new).
    """
    released = last_released_revision(record)
    if released is None:
        return None
    if released.pk == record.latest_revision_id:
        return []
    panel = record.get_edit_handler().get_bound_panel(instance=record, request=request, form=None)
    before = released.as_object()
    comparisons = (compare(before, draft) for compare in panel.get_comparison())
    return [comparison for comparison in comparisons if comparison.has_changed()]


def draft_files(draft) -> list:
    """The draft's files (RecordFile rows of the revision) with their documents, in one query."""
    items = list(draft.files.all())
    documents = ResourceDocument.objects.in_bulk([item.document_id for item in items])
    for item in items:
        item.document = documents.get(item.document_id)
    return [item for item in items if item.document is not None]
