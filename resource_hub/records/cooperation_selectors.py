"""Reads of cooperation records (agreements, alliances, centres, training bases).

Always through the access policy: an institution's cooperation lists only the
records the viewer may open (`visible_records`), as every other listing does.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import F, Prefetch, Q
from django.utils import timezone

from resource_hub.access.records import visible_records

from .cooperation import COOPERATION_TYPES, Status, is_cooperation, status_of
from .models import AchievementPage, RecordParty


@dataclass
class Cooperation:
    """A cooperation record as a party's page, the record's page and the API show it."""

    record: AchievementPage
    status: Status
    parties: list[RecordParty] = field(default_factory=list)
    #: The row of the institution asked about (its role, when it joined and left).
    party: RecordParty | None = None

    @property
    def kind(self):
        return self.record.resource_type

    @property
    def signed_on(self) -> datetime.date | None:
        return self.record.signed_on

    @property
    def ends_on(self) -> datetime.date | None:
        return self.record.ends_on


def _parties():
    return Prefetch(
        "parties",
        queryset=RecordParty.objects.select_related("institution", "institution__country").order_by(
            "sort_order", "pk"
        ),
    )


def record_cooperation(record, *, today: datetime.date | None = None) -> Cooperation | None:
    """The record's cooperation details, or None if it is not a cooperation record.

    `record` is the page being shown (released or a preview of a draft): its own
    parties, saved or in memory, are read as they are.
    """
    record = getattr(record, "specific", record)
    if not isinstance(record, AchievementPage) or not is_cooperation(record.resource_type_id):
        return None
    today = today or timezone.localdate()
    return Cooperation(
        record=record,
        status=status_of(signed_on=record.signed_on, ends_on=record.ends_on, today=today),
        parties=sorted(record.parties.all(), key=lambda row: row.sort_order or 0),
    )


def institution_cooperation(
    who, institution, *, today: datetime.date | None = None
) -> list[Cooperation]:
    """The cooperation records `institution` is party to that `who` may open, newest first.

    Its own cooperation records count too, parties named or not: the holder of an
    agreement is party to it. A fixed number of queries, whatever the number of records.
    """
    today = today or timezone.localdate()
    records = (
        visible_records(
            who,
            AchievementPage.objects.filter(resource_type_id__in=COOPERATION_TYPES).filter(
                Q(parties__institution=institution)
                | Q(path__startswith=institution.path, depth=institution.depth + 1)
            ),
        )
        .distinct()
        .select_related("resource_type")
        .prefetch_related(_parties())
        .order_by(F("signed_on").desc(nulls_last=True), "-first_published_at", "-pk")
    )
    result = []
    for record in records:
        parties = list(record.parties.all())
        result.append(
            Cooperation(
                record=record,
                status=status_of(signed_on=record.signed_on, ends_on=record.ends_on, today=today),
                parties=parties,
                party=next((p for p in parties if p.institution_id == institution.pk), None),
            )
        )
    return result
