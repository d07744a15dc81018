"""Who is party to a cooperation record (an agreement, alliance, centre or training base).

A party is an institution of the hub, with its role and, for the members of
an alliance or a centre, when it joined and left. The rules about parties
(which types have them, the cross-border check, the status from the dates)
are in `records/cooperation.py`; this module only declares the rows.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from .base import RecordPage


class PartyRole(models.TextChoices):
    PARTY = "party", _("Party")
    LEAD = "lead", _("Lead institution")
    MEMBER = "member", _("Member")


class RecordParty(Orderable):
    """An institution party to a cooperation record, in the order the record names them."""

    record = ParentalKey(RecordPage, on_delete=models.CASCADE, related_name="parties")
    institution = models.ForeignKey(
        "institutions.InstitutionPage",
        on_delete=models.PROTECT,
        related_name="cooperation_parties",
        verbose_name=_("institution"),
    )
    role = models.CharField(
        _("role"), max_length=16, choices=PartyRole.choices, default=PartyRole.PARTY
    )
    joined = models.DateField(
        _("joined"),
        null=True,
        blank=True,
        help_text=_("For a member of an alliance or centre: when it joined."),
    )
    left = models.DateField(
        _("left"),
        null=True,
        blank=True,
        help_text=_("For a member of an alliance or centre: when it left, if it has."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self):
        return str(self.institution)
