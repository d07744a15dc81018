"""What a record's access level means: the Wagtail view restriction that enforces it.

The level is metadata the author chooses ("public", "registered",
"institution"); on release it becomes a restriction on the record's page,
and from then on the restriction is what every surface asks (see `records`).
"""

from django.db import transaction
from wagtail.models import PageViewRestriction

#: access level -> the restriction type that enforces it (None: no restriction)
RESTRICTION_OF_LEVEL = {
    "public": None,
    "registered": PageViewRestriction.LOGIN,
    "institution": PageViewRestriction.GROUPS,
}


@transaction.atomic
def record_apply_access(*, record) -> None:
    """Make the record's own view restriction match its released access level.

    Runs whenever a revision goes live (including scheduled publishing), so the
    restriction always follows what was released, never an unreleased draft.
    "institution" admits the holding institution's member groups.
    """
    record = record.specific
    PageViewRestriction.objects.filter(page=record).delete()
    kind = RESTRICTION_OF_LEVEL.get(record.access_level)
    if kind is None:
        return
    restriction = PageViewRestriction.objects.create(page=record, restriction_type=kind)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set(record.institution.member_groups)
