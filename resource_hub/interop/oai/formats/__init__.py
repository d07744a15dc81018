"""Metadata formats as data: prefix, schema, namespace and the formatter.

Each formatter is a pure function of a `Source` (the record read once, with
its relations already fetched by the selectors), like records/exports.py's
formats: they can be tested without a database, and never decide who may see
what (the selectors answer only records an anonymous visitor may open).
"""

from dataclasses import dataclass, field

from resource_hub.records.citation import Work
from resource_hub.records.exports import OAI_DC

from .datacite import DATACITE, DATACITE_SCHEMA, datacite
from .dublin_core import OAI_DC_SCHEMA, oai_dc
from .lom import LOM, LOM_SCHEMA, lom


@dataclass(frozen=True)
class Source:
    """A visible record, read once: what every format may use."""

    work: Work
    record: object  # RecordPage, with language, resource_type, licence and subject
    translations: list = field(default_factory=list)
    creators: list = field(default_factory=list)
    levels: list = field(default_factory=list)  # EducationLevel, by code
    related: list[str] = field(default_factory=list)  # stable URLs of visible related records
    institution: object = None
    event: object = None  # events.EventPage, released, where the record was released


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    render: object  # Callable[[Source], Element]


FORMATS = {
    "oai_dc": MetadataFormat("oai_dc", OAI_DC_SCHEMA, OAI_DC, oai_dc),
    "oai_datacite": MetadataFormat("oai_datacite", DATACITE_SCHEMA, DATACITE, datacite),
    "lom": MetadataFormat("lom", LOM_SCHEMA, LOM, lom),
}
