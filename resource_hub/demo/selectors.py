"""Reads about the demo content: which records exist, and where each one is in the workflow.

The state is read back from what Wagtail stored (live flag, view restrictions,
scheduled revisions, workflow states, the audit log), not from the specs, so
a summary or a test shows what the services really did.
"""

from collections import Counter

from wagtail.models import (
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    WorkflowState,
    get_default_page_content_type,
)

from resource_hub.files.models import ResourceDocument
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.models import CuratedCollectionPage, RecordPage

from .institutions import INSTITUTIONS
from .specs import SLUG_PREFIX, State, index_from_slug


def demo_records():
    """Records made by the demo loader (their slugs start with "demo-NNNN-")."""
    return RecordPage.objects.filter(slug__startswith=SLUG_PREFIX)


def demo_record_indices() -> set[int]:
    slugs = demo_records().values_list("slug", flat=True)
    return {index for index in map(index_from_slug, slugs) if index is not None}


def record_states(records) -> dict[int, str]:
    """{page id: State} for the given records, in a handful of queries."""
    rows = list(records.values_list("pk", "live", "first_published_at"))
    ids = [str(pk) for pk, _live, _published in rows]
    page_type = get_default_page_content_type()
    restrictions = dict(
        PageViewRestriction.objects.filter(page_id__in=[pk for pk, *_ in rows]).values_list(
            "page_id", "restriction_type"
        )
    )
    scheduled = set(
        Revision.objects.filter(
            base_content_type=page_type, object_id__in=ids, approved_go_live_at__isnull=False
        ).values_list("object_id", flat=True)
    )
    workflows = dict(
        WorkflowState.objects.filter(
            base_content_type=page_type,
            object_id__in=ids,
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).values_list("object_id", "status")
    )
    withdrawn = set(
        PageLogEntry.objects.filter(
            page_id__in=[pk for pk, *_ in rows], action="records.withdraw"
        ).values_list("page_id", flat=True)
    )
    states = {}
    for pk, live, first_published_at in rows:
        if live:
            states[pk] = {
                PageViewRestriction.LOGIN: State.REGISTERED,
                PageViewRestriction.GROUPS: State.INSTITUTION,
            }.get(restrictions.get(pk), State.PUBLIC)
        elif str(pk) in scheduled:
            states[pk] = State.EMBARGOED
        elif workflows.get(str(pk)) == WorkflowState.STATUS_IN_PROGRESS:
            states[pk] = State.IN_REVIEW
        elif workflows.get(str(pk)) == WorkflowState.STATUS_NEEDS_CHANGES:
            states[pk] = State.CHANGES_REQUESTED
        elif pk in withdrawn:
            states[pk] = State.WITHDRAWN
        elif first_published_at is not None:
            states[pk] = State.UNPUBLISHED
        else:
            states[pk] = State.DRAFT
    return states


def demo_summary() -> dict:
    """Counts for the end of a load and for tests."""
    records = demo_records()
    slugs = [row.slug for row in INSTITUTIONS]
    return {
        "institutions": InstitutionPage.objects.filter(slug__in=slugs).count(),
        "records": records.count(),
        "materials": records.filter(teachingresourcepage__isnull=False).count(),
        "achievements": records.filter(achievementpage__isnull=False).count(),
        "files": ResourceDocument.objects.filter(record_files__record__in=records)
        .distinct()
        .count(),
        "states": Counter(record_states(records).values()),
        "languages": Counter(records.values_list("language_id", flat=True)),
        "collections": CuratedCollectionPage.objects.live().count(),
        "pages": Page.objects.count(),
    }
