"""Reads of records, always through what the viewer may see."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction, WorkflowState

from .models import RecordPage


def records_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """Released records whose view restriction lets `user` in.

    The same rule as `permissions.can_view` for live records, as one query,
    so listings never show (or count) what a viewer may not open.
    """
    queryset = (queryset if queryset is not None else RecordPage.objects.all()).live()
    if user.is_authenticated and user.is_superuser:
        return queryset
    restrictions = PageViewRestriction.objects.filter(page=OuterRef("pk"))
    if not user.is_authenticated:
        return queryset.exclude(Exists(restrictions))
    return queryset.exclude(
        Exists(restrictions.filter(restriction_type=PageViewRestriction.PASSWORD))
    ).exclude(
        Exists(
            restrictions.filter(restriction_type=PageViewRestriction.GROUPS).exclude(
                groups__in=user.groups.all()
            )
        )
    )


def record_listing(user, queryset: QuerySet | None = None) -> QuerySet:
    """Visible records with what a listing row shows, in a constant number of queries."""
    return (
        records_visible_to(user, queryset)
        .select_related("language", "resource_type", "licence", "subject")
        .order_by("-first_published_at", "-pk")
    )


def record_detail_context(record) -> dict:
    """Everything the record page shows, each relation fetched once."""
    return {
        "creators": list(record.creators.all()),
        "translations": list(record.translations.select_related("language")),
        "files": list(record.files.select_related("document")),
        "keywords": list(record.keywords.all()),
        "levels": list(record.education_levels.all()),
        "partners": list(record.contributing_institutions.all()),
        "related": list(record.relations.select_related("target")),
    }


@dataclass(frozen=True)
class RecordStatus:
    code: str
    label: str
    comment: str = ""


def record_status(record) -> RecordStatus:
    """Where the record stands, with the reviewer's comment when changes were requested.

    Reads `record.active_reviews` when `records_of_author` fetched them already.
    """
    reviews = getattr(record, "active_reviews", None)
    if reviews is None:
        reviews = list(
            record.workflow_states.filter(
                status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
            ).select_related("current_task_state")
        )
    review = reviews[0] if reviews else None
    if review and review.status == WorkflowState.STATUS_NEEDS_CHANGES:
        comment = review.current_task_state.comment if review.current_task_state else ""
        return RecordStatus("changes_requested", _("Changes requested"), comment)
    if review:
        return RecordStatus("in_review", _("In review"))
    if record.live:
        if record.has_unpublished_changes:
            return RecordStatus("released_with_changes", _("Released, with unreleased changes"))
        return RecordStatus("released", _("Released"))
    if record.go_live_at and record.approved_schedule:
        return RecordStatus(
            "embargoed", _("Embargoed until %(date)s") % {"date": record.go_live_at.date()}
        )
    return RecordStatus("draft", _("Draft"))


def records_of_author(user, *, limit: int = 20) -> list:
    """The user's own records, newest change first, each with its status, in a few queries."""
    records = list(
        RecordPage.objects.filter(owner=user)
        .order_by("-latest_revision_created_at", "-pk")
        .annotate_approved_schedule()[:limit]
    )
    reviews: dict[str, list] = {}
    for state in WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(record.pk) for record in records],
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    ).select_related("current_task_state"):
        reviews.setdefault(state.object_id, []).append(state)
    for record in records:
        record.active_reviews = reviews.get(str(record.pk), [])
    return [(record, record_status(record)) for record in records]
