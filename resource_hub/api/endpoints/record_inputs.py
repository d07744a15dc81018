"""What the record-writing endpoints take: input schemas, and vocabulary codes read into entries.

A misspelt field is an error, not silently nothing (StrictIn); an unknown or
retired code is a 422 naming its field. record_writes.py holds the endpoints.
"""

from datetime import date
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Header, Schema
from pydantic import AfterValidator, ConfigDict, StrictInt, StringConstraints, field_validator

from resource_hub.api.errors import ApiError
from resource_hub.core.params import has_control_characters
from resource_hub.core.validators import normalise_orcid, validate_orcid
from resource_hub.core.vocabularies import (
    EducationLevel,
    Language,
    Licence,
    ResourceType,
    SubjectField,
)
from resource_hub.events.selectors import live_events
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.models import (
    AccessLevel,
    AchievementPage,
    CreatorRole,
    PartyRole,
    TeachingResourcePage,
)

RECORD_CLASSES = {"material": TeachingResourcePage, "achievement": AchievementPage}
ACHIEVEMENT_FIELDS = (
    "achievement_date", "doi", "isbn", "patent_number", "award",
    "cross_border", "signed_on", "ends_on", "parties",
)  # fmt: skip


def _printable(value: str) -> str:
    """PostgreSQL refuses NUL in text, and no one means a control character in a title."""
    if has_control_characters(value):
        raise ValueError("contains control characters; remove them")
    return value


Printable = AfterValidator(_printable)
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=255), Printable]
Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255), Printable
]
Keyword = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100), Printable]
LongText = Annotated[str, Printable]
#: A vocabulary code as the vocabularies write them (zh, 0811, isced-5, CC-BY-4.0).
Code = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        min_length=1,
        max_length=100,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._+-]*$",
    ),
]
IdempotencyKeyHeader = Header(
    None,
    alias="Idempotency-Key",
    description="Optional: 1-255 printable ASCII characters; a retry with the same key "
    "and request answers the first result again instead of doing the work twice.",
)


class StrictIn(Schema):
    # A misspelt field is an error, not silently nothing.
    model_config = ConfigDict(extra="forbid")


class CreatorIn(StrictIn):
    name: Title
    orcid: Text | None = Field(None, description="ORCID iD, e.g. 0000-0002-1825-0097.")
    affiliation: Text | None = None
    role: CreatorRole = CreatorRole.AUTHOR

    @field_validator("orcid")
    @classmethod
    def _orcid(cls, value):
        value = (value or "").strip()
        if value:
            try:
                validate_orcid(value)
            except ValidationError as error:  # pydantic reports ValueErrors with the field
                raise ValueError(" ".join(error.messages)) from None
            value = normalise_orcid(value)
        return value


class TranslationIn(StrictIn):
    language: Code = Field(description="ISO 639 code.")
    title: Title
    abstract: LongText = ""


class PartyIn(StrictIn):
    institution: StrictInt = Field(description="Institution id.")
    role: PartyRole = PartyRole.PARTY
    joined: date | None = Field(None, description="An alliance's or centre's member.")
    left: date | None = Field(None, description="An alliance's or centre's member.")


class RecordFieldsIn(StrictIn):
    """What describes a record; PATCH takes any of these, POST needs the first six."""

    title: Title = None
    abstract: LongText = Field(None, min_length=1)
    year: int = Field(None, ge=1900, le=2100)
    language: Code = Field(None, description="ISO 639 code of the original language.")
    resource_type: Code = Field(None, description="Resource type code of the record's kind.")
    licence: Code = Field(None, description="SPDX id.")
    subject: Code | None = Field(None, description="ISCED-F 2013 code.")
    levels: list[Code] = Field(None, description="Education level and sector codes.")
    keywords: list[Keyword] = Field(None, description="In any language.")
    creators: list[CreatorIn] = Field(None, description="In the order they are credited.")
    translations: list[TranslationIn] = Field(None, description="At most one per language.")
    access_level: AccessLevel = Field(None, description="public, registered or institution.")
    event: StrictInt | None = Field(
        None,
        description="The id of the released event where the record was released or "
        "presented (GET /events); null for none.",
    )
    achievement_date: date | None = Field(None, description="Achievements only.")
    doi: Text = Field(None, description="Achievements only.")
    isbn: Text = Field(None, description="Achievements only.")
    patent_number: Text = Field(None, description="Achievements only.")
    award: Text = Field(None, description="Achievements only: the award or competition.")
    cross_border: bool = Field(
        None,
        description="Cooperation records: between China and ASEAN (a party of each needed).",
    )
    signed_on: date | None = Field(None, description="Cooperation records: signed or founded.")
    ends_on: date | None = Field(None, description="Cooperation records: last day in force.")
    parties: list[PartyIn] = Field(
        None,
        description="Cooperation records (agreement, alliance, centre, training base): "
        "the institutions party to it, in order.",
    )


class RecordCreateIn(RecordFieldsIn):
    kind: Literal["material", "achievement"]
    institution: StrictInt | None = Field(
        None, description="Institution id; may be left out by members of exactly one."
    )
    title: Title
    abstract: LongText = Field(min_length=1)
    year: int = Field(ge=1900, le=2100)
    language: Code
    resource_type: Code
    licence: Code


class FileIn(StrictIn):
    document: StrictInt = Field(description="The id of a document made by the upload API.")
    label: Text = Field("", description="e.g. Slides, Teacher's guide, Dataset.")


class CommentIn(StrictIn):
    comment: LongText = Field("", max_length=2000)


class ReasonIn(StrictIn):
    reason: LongText = Field("", max_length=1000)


# --- Parsing: codes to vocabulary entries ---------------------------------------------


def vocabulary_entry(model, field: str, code: str):
    entry = model.objects.active().filter(pk=code).first()
    if entry is None:
        raise ApiError(
            422,
            "unknown_code",
            _("%(field)s: “%(code)s” is not one of the %(vocabulary)s in use.")
            % {"field": field, "code": code, "vocabulary": model._meta.verbose_name_plural},
            parameter=field,
        )
    return entry


def resource_type_entry(code: str, kind: str) -> ResourceType:
    resource_type = vocabulary_entry(ResourceType, "resource_type", code)
    if resource_type.applies_to != kind:
        raise ApiError(
            422,
            "unknown_code",
            _("“%(type)s” is not a type of %(kind)s; choose one from that group.")
            % {"type": resource_type.label, "kind": ResourceType.AppliesTo(kind).label},
            parameter="resource_type",
        )
    return resource_type


def event_entry(event_id: int | None):
    """The released event of that id (None for none), or a 422 naming `event`."""
    if event_id is None:
        return None
    event = live_events().filter(pk=event_id).first()
    if event is None:
        raise ApiError(
            422,
            "unknown_event",
            _("event: there is no released event %(id)s; see GET /api/v1/events.")
            % {"id": event_id},
            parameter="event",
        )
    return event


def translations_from(items: list[TranslationIn]) -> list[dict]:
    parsed = [
        {"language": vocabulary_entry(Language, "translations", t.language), "title": t.title}
        | {"abstract": t.abstract.strip()}
        for t in items
    ]
    codes = [t["language"].pk for t in parsed]
    if len(set(codes)) != len(codes):
        raise ApiError(
            422,
            "invalid_field",
            _("translations: give at most one translation per language."),
            parameter="translations",
        )
    return parsed


def parties_from(items: list[PartyIn]) -> list[dict]:
    """The service's `parties`: each institution id resolved to a live institution."""
    institutions = InstitutionPage.objects.live().in_bulk([item.institution for item in items])
    for item in items:
        if item.institution not in institutions:
            raise ApiError(
                422,
                "unknown_code",
                _("parties: there is no institution %(id)s; see /api/v1/institutions.")
                % {"id": item.institution},
                parameter="parties",
            )
    return [item.model_dump() | {"institution": institutions[item.institution]} for item in items]


def record_fields_from(payload: RecordFieldsIn, *, kind: str, given: set[str]) -> dict:
    """The service's keyword arguments for the fields given, vocabulary codes resolved."""
    if kind != "achievement":
        for name in ACHIEVEMENT_FIELDS:
            if name in given:
                raise ApiError(
                    400,
                    "invalid_field",
                    _("%(field)s: only achievements have this field.") % {"field": name},
                    parameter=name,
                )
    fields = {}
    for name in given:
        value = getattr(payload, name)
        if name == "language":
            fields[name] = vocabulary_entry(Language, name, value)
        elif name == "licence":
            fields[name] = vocabulary_entry(Licence, name, value)
        elif name == "subject":
            fields[name] = vocabulary_entry(SubjectField, name, value) if value else None
        elif name == "resource_type":
            fields[name] = resource_type_entry(value, kind)
        elif name == "levels":
            fields["education_levels"] = [vocabulary_entry(EducationLevel, name, c) for c in value]
        elif name == "keywords":
            fields[name] = [word for word in value if word]
        elif name == "creators":
            fields[name] = [c.model_dump() | {"affiliation": c.affiliation or ""} for c in value]
        elif name == "translations":
            fields[name] = translations_from(value)
        elif name == "event":
            fields[name] = event_entry(value)
        elif name == "parties":
            fields[name] = parties_from(value)
        elif name == "award":
            fields["award_name"] = value
        elif name in {"abstract", "doi", "isbn", "patent_number"}:
            fields[name] = value.strip()
        else:
            fields[name] = value
    return fields
