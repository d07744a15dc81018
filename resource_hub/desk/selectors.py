"""Reads of the teacher's desk."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from resource_hub.access.records import can_edit, can_moderate, can_view
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.models import RecordPage

from .models import MembershipInvitation, MembershipRequest
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
    in_review = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        status=WorkflowState.STATUS_IN_PROGRESS,
    ).values_list("object_id", flat=True)
    return (
        RecordPage.objects.filter(children)
        .filter(pk__in=[int(pk) for pk in in_review])
        .select_related("owner")
        .order_by("latest_revision_created_at", "pk")
    )


def pending_requests_for(user) -> QuerySet[MembershipRequest]:
    return (
        MembershipRequest.objects.filter(
            institution__in=institutions_edited_by(user),
            status=MembershipRequest.Status.PENDING,
        )
        .select_related("user", "institution")
        .order_by("created_at")
    )


def open_invitations_for(user) -> QuerySet[MembershipInvitation]:
    return MembershipInvitation.objects.filter(
        institution__in=institutions_edited_by(user),
        accepted_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("institution", "created_by")


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
