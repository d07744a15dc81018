"""Filters for the admin's record listing: institution, state, type, language, access."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import MultipleContentTypeFilter
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.models import Page, WorkflowState

from resource_hub.core.models import Language
from resource_hub.institutions.models import InstitutionPage

from .. import states
from ..models import AccessLevel, AchievementPage, RecordPage, TeachingResourcePage
from ..selectors import takedown_annotation


def _in_workflow(status):
    """Records whose review (a Wagtail WorkflowState on the page) has this status."""
    return Exists(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("pk"), CharField()),
            status=status,
        )
    )


def filter_by_state(queryset, state):
    """Narrow a RecordPage queryset to one of the seven states (records/states.py)."""
    now = timezone.now()
    in_review = Q(_in_workflow(WorkflowState.STATUS_IN_PROGRESS))
    sent_back = Q(_in_workflow(WorkflowState.STATUS_NEEDS_CHANGES))
    if state == states.IN_REVIEW:
        return queryset.filter(in_review)
    if state == states.CHANGES_REQUESTED:
        return queryset.filter(sent_back)
    if state == states.RELEASED:
        return queryset.filter(live=True).exclude(in_review | sent_back)
    offline = queryset.filter(live=False).exclude(in_review | sent_back | Q(go_live_at__gt=now))
    if state == states.EMBARGOED:
        return queryset.filter(live=False, go_live_at__gt=now).exclude(in_review | sent_back)
    if state == states.DRAFT:
        return offline.filter(first_published_at__isnull=True)
    taken_down = offline.filter(first_published_at__isnull=False).annotate(
        last_takedown=takedown_annotation()
    )
    if state == states.WITHDRAWN:
        return taken_down.filter(last_takedown=states.WITHDRAW_ACTION)
    if state == states.UNPUBLISHED:
        return taken_down.exclude(last_takedown=states.WITHDRAW_ACTION)
    return queryset


def _record_content_types(request):
    types = ContentType.objects.get_for_models(TeachingResourcePage, AchievementPage).values()
    return ContentType.objects.filter(pk__in=[content_type.pk for content_type in types])


class RecordFilterSet(PageFilterSet):
    institution = django_filters.ModelChoiceFilter(
        label=_("Institution"),
        queryset=InstitutionPage.objects.order_by("title"),
        method="filter_institution",
    )
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=states.CHOICES, method="filter_state", empty_label=_("Any")
    )
    content_type = MultipleContentTypeFilter(
        label=_("Record type"),
        queryset=_record_content_types,
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Original language"), queryset=Language.objects.all()
    )
    access_level = django_filters.ChoiceFilter(
        label=_("Who may see it"), choices=AccessLevel.choices
    )

    # Wagtail's page filters that mean nothing for records: they all live on one
    # site, and a record never has child pages.
    site = None
    has_child_pages = None

    class Meta:
        model = RecordPage
        fields = []

    def filter_institution(self, queryset, name, value):
        return (
            queryset.filter(path__startswith=value.path, depth=value.depth + 1)
            if value
            else queryset
        )

    def filter_state(self, queryset, name, value):
        return filter_by_state(queryset, value)
