"""The rules of cooperation records: agreements, alliances, centres and training bases.

A cooperation record is an achievement of one of `COOPERATION_TYPES`. It names
its parties (`RecordParty`: institutions of the hub, with a role and, for an
alliance's or a centre's members, when each joined and left), when it was
signed or founded and until when it is in force. Its scope is the record's own
subject and levels, and the document itself is the record's files, which the
access policy guards like any other. Its status (in force, expired, not yet in
force) follows from the dates: it is read, never stored, so it cannot go stale.

The services call `check_cooperation` before they write, and the admin's form
calls it too, so every way in refuses the same records with the same message.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resource_hub.core.vocabularies import Country

from .errors import RecordError

#: Resource types (core vocabulary codes) that are cooperation records.
AGREEMENT = "achievement-cooperation-agreement"
ALLIANCE = "achievement-alliance"
CENTRE = "achievement-centre"
TRAINING_BASE = "achievement-training-base"
COOPERATION_TYPES = (AGREEMENT, ALLIANCE, CENTRE, TRAINING_BASE)

#: The country whose institutions are one side of a cross-border cooperation;
#: the other side is any ASEAN member (Country.is_asean_member).
CHINA = "CN"


class Status(models.TextChoices):
    IN_FORCE = "in_force", gettext_lazy("In force")
    EXPIRED = "expired", gettext_lazy("Expired")
    PENDING = "pending", gettext_lazy("Not yet in force")
    UNDATED = "undated", gettext_lazy("No dates given")


@dataclass(frozen=True)
class Party:
    """What the rules need to know of a party, from a row or a form."""

    institution: object  # an InstitutionPage
    role: str = "party"
    joined: datetime.date | None = None
    left: datetime.date | None = None


def is_cooperation(resource_type) -> bool:
    """Is a record of this resource type (a ResourceType or its code) a cooperation record?"""
    code = getattr(resource_type, "code", resource_type)
    return code in COOPERATION_TYPES


def status_of(
    *, signed_on: datetime.date | None, ends_on: datetime.date | None, today: datetime.date
) -> Status:
    """In force from the signing day to the last day, both included."""
    if signed_on is None and ends_on is None:
        return Status.UNDATED
    if signed_on is not None and today < signed_on:
        return Status.PENDING
    if ends_on is not None and today > ends_on:
        return Status.EXPIRED
    return Status.IN_FORCE


def parties_of(record) -> list[Party]:
    """The record's parties (saved or only in memory, as a draft holds them) as `Party`."""
    return [
        Party(institution=row.institution, role=row.role, joined=row.joined, left=row.left)
        for row in record.parties.all()
    ]


def party_values(institutions: list, record=None, *, keep_order: bool = False) -> list[dict]:
    """The services' `parties` for a list of institutions (a sheet's column, the desk's
    checkboxes name institutions only): one already a party of `record` keeps its role and
    dates. `keep_order` (checkboxes have no order of their own): the record's parties keep
    their places, before those newly named; else the list's order is the parties' order."""
    kept = {}
    if record is not None:
        kept = {p.institution_id: p for p in record.parties.all()}
    if keep_order:
        order = list(kept)
        institutions = sorted(
            institutions, key=lambda i: order.index(i.pk) if i.pk in order else len(order)
        )
    parties = []
    for institution in institutions:
        known = kept.get(institution.pk)
        party = {"institution": institution}
        if known is not None:
            party |= {"role": known.role, "joined": known.joined, "left": known.left}
        parties.append(party)
    return parties


def check_cooperation(
    *,
    resource_type,
    cross_border: bool,
    signed_on: datetime.date | None,
    ends_on: datetime.date | None,
    parties: list[Party],
) -> None:
    """Refuse (RecordError) a record whose cooperation details do not hold together.

    - only cooperation records name parties, and an institution is named once;
    - it ends on or after the day it was signed, a member leaves after joining;
    - a cross-border one has at least one party in China and one in an ASEAN
      member state (the core vocabulary says which countries are members).
    """
    if not is_cooperation(resource_type):
        if parties:
            raise RecordError(
                _(
                    "Only a cooperation agreement, alliance, centre or training base "
                    "names parties; choose one of these types or remove the parties."
                ),
                parameter="parties",
            )
        return
    institutions = [party.institution.pk for party in parties]
    if len(set(institutions)) != len(institutions):
        raise RecordError(
            _("Each institution can be named only once as a party."), parameter="parties"
        )
    if signed_on and ends_on and ends_on < signed_on:
        raise RecordError(_("The end date is before the signing date."), parameter="ends_on")
    for party in parties:
        if party.joined and party.left and party.left < party.joined:
            raise RecordError(
                _("%(institution)s left before it joined: check the dates.")
                % {"institution": party.institution},
                parameter="parties",
            )
    if cross_border:
        check_cross_border(parties)


def check_cross_border(parties: list[Party]) -> None:
    """At least one Chinese party and one party of an ASEAN member state."""
    countries = {party.institution.country_id for party in parties}
    asean = set(
        Country.objects.filter(code__in=countries, is_asean_member=True).values_list(
            "code", flat=True
        )
    )
    if CHINA not in countries or not asean:
        raise RecordError(
            _(
                "A cross-border cooperation needs at least one party from China and at least "
                "one from an ASEAN member state; add the missing party, or untick "
                "“cross-border cooperation”."
            ),
            parameter="parties",
        )
