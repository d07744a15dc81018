"""Institutions named by a record, and a cooperation record's parties, dates and status,
as the API shows them (`RecordOut.cooperation`, GET /institutions/{id}/cooperation)."""

from datetime import date

from django.urls import reverse
from ninja import Field, Schema

from resource_hub.api.schemas import CodeLabel
from resource_hub.core.site_address import absolute_url
from resource_hub.records.cooperation_selectors import Cooperation, record_cooperation


class InstitutionRefLinks(Schema):
    self: str = Field(description="The institution in the API.")
    html: str = Field(description="The institution's page.")


class InstitutionRefOut(Schema):
    id: int
    name: str
    name_local: str
    country: CodeLabel | None
    links: InstitutionRefLinks


class PartyOut(Schema):
    institution: InstitutionRefOut
    role: CodeLabel = Field(description="party, lead or member.")
    joined: date | None = Field(description="An alliance's or centre's member: when it joined.")
    left: date | None = Field(description="An alliance's or centre's member: when it left.")


class CooperationOut(Schema):
    """An agreement, alliance, centre or training base: its parties, dates and status."""

    cross_border: bool = Field(description="Has at least one Chinese and one ASEAN party.")
    signed_on: date | None = Field(description="Signed, or founded.")
    ends_on: date | None = Field(description="The last day it is in force; null: no end.")
    status: CodeLabel = Field(
        description="in_force, expired, pending (not yet in force) or undated, from the dates."
    )
    parties: list[PartyOut]


def institution_ref(institution) -> dict:
    return {
        "id": institution.pk,
        "name": institution.title,
        "name_local": institution.name_local,
        "country": {"code": institution.country.code, "label": institution.country.label}
        if institution.country_id
        else None,
        "links": {
            "self": reverse("api:institution", args=[institution.pk]),
            "html": institution.get_full_url() or absolute_url(institution.url_path),
        },
    }


def cooperation_out(cooperation: Cooperation) -> dict:
    record = cooperation.record
    return {
        "cross_border": bool(record.cross_border),
        "signed_on": record.signed_on,
        "ends_on": record.ends_on,
        "status": {"code": cooperation.status.value, "label": str(cooperation.status.label)},
        "parties": [
            {
                "institution": institution_ref(party.institution),
                "role": {"code": party.role, "label": str(party.get_role_display())},
                "joined": party.joined,
                "left": party.left,
            }
            for party in cooperation.parties
        ],
    }


def record_cooperation_out(record) -> dict | None:
    """`cooperation` of RecordOut: None unless the record is a cooperation record."""
    found = record_cooperation(record)
    return cooperation_out(found) if found else None
