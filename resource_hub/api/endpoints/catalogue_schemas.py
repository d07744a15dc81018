"""The shapes of /institutions, /collections and /vocabularies (catalogue.py).

Documented in docs/api/catalogue.md.

Every parameter arrives as text and is checked by core.params, as the
portal's pages check it, so a `page` of "abc" is a 400 naming `page`.
"""

from ninja import Field, Schema

from resource_hub.api.schemas import CodeLabel


class PageQuery(Schema):
    page: str | None = Field(None, description="1 and up (default 1).")
    page_size: str | None = Field(None, description="1 to 100 (default 20).")


class InstitutionQuery(PageQuery):
    country: str | None = Field(None, description="ISO 3166 alpha-2 code, e.g. VN.")


class InstitutionDetailLinks(Schema):
    self: str
    html: str | None
    records: str = Field(description="The records search for this institution.")


class InstitutionOut(Schema):
    id: int
    name: str = Field(description="The English name.")
    name_local: str | None = Field(description="The name in the institution's own language.")
    country: CodeLabel
    type: CodeLabel
    website: str | None
    logo_url: str | None
    record_count: int = Field(description="Released records under it that the caller may open.")
    links: InstitutionDetailLinks


class Paging(Schema):
    total: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None


class InstitutionsOut(Paging):
    results: list[InstitutionOut]


class CollectionItemLinks(Schema):
    self: str


class RecordSummary(Schema):
    id: int
    title: str
    url: str | None
    note: str = Field(description="Why the editor picked it (may be empty).")
    links: CollectionItemLinks


class CollectionLinks(Schema):
    self: str
    html: str | None


class InstitutionRef(Schema):
    id: int
    name: str


class CollectionOut(Schema):
    id: int
    title: str
    description: str
    cover_url: str | None
    institution: InstitutionRef
    items: list[RecordSummary] = Field(
        description="In the editor's order; only those you may open."
    )
    links: CollectionLinks


class CollectionsOut(Paging):
    results: list[CollectionOut]


class VocabularyLinks(Schema):
    self: str


class VocabularyRef(Schema):
    name: str
    standard: str
    links: VocabularyLinks


class VocabulariesOut(Schema):
    vocabularies: list[VocabularyRef]


class EntryOut(Schema):
    code: str
    labels: dict[str, str] = Field(description="The label in every language of the site.")
    active: bool = Field(description="False: retired, kept on existing records only.")
    level: str | None = Field(None, description="subjects: broad, narrow or detailed.")
    parent: str | None = Field(None, description="subjects: the field one level up.")
    broad: str | None = Field(None, description="subjects: the broad field it belongs to.")
    kind: str | None = Field(None, description="levels: level or sector.")
    applies_to: str | None = Field(None, description="resource-types: material or achievement.")
    uri: str | None = Field(None, description="resource-types: the concept's URI, when known.")
    name_native: str | None = Field(None, description="languages: the name in itself.")
    script: str | None = Field(None, description="languages: ISO 15924 code.")
    name_local: str | None = Field(None, description="countries: the local name.")
    asean_member: bool | None = Field(None, description="countries: an ASEAN member.")
    url: str | None = Field(None, description="licences: the official text, when known.")


class VocabularyOut(VocabularyRef):
    entries: list[EntryOut]
