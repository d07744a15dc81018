from django.db import transaction
from wagtail.models import PageViewRestriction

from ..models import AccessLevel


@transaction.atomic
def record_apply_access(*, record) -> None:
    """Make the record's view restriction match its released access level.

    Runs whenever a revision goes live (including scheduled publishing), so the
    restriction always follows what was released, never an unreleased draft.
    """
    record = record.specific
    PageViewRestriction.objects.filter(page=record).delete()
    if record.access_level == AccessLevel.REGISTERED:
        PageViewRestriction.objects.create(page=record, restriction_type=PageViewRestriction.LOGIN)
    elif record.access_level == AccessLevel.INSTITUTION:
        restriction = PageViewRestriction.objects.create(
            page=record, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(record.institution.member_groups)
