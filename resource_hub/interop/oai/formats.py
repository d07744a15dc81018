"""Metadata formats as data: prefix, schema, namespace and the formatter.

oai_dc reuses the site's Dublin Core export (records/exports.py) and adds what
a harvester wants besides: the title in every language and the ISCED-F subject.
"""

from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree

from resource_hub.records.exports import DC, OAI_DC, dublin_core


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    render: object  # Callable[[Work, RecordPage, list[RecordTranslation]], Element]


def oai_dc(work, record, translations) -> ElementTree.Element:
    # Our own export, parsed back to add to it: not untrusted XML.
    root = ElementTree.fromstring(dublin_core(work, record.pk, date.today()))  # noqa: S314
    position = 1  # after the record's own title
    for translation in translations:
        if translation.title and translation.title != work.title:
            title = ElementTree.Element(f"{{{DC}}}title")
            title.text = translation.title
            title.set("{http://www.w3.org/XML/1998/namespace}lang", translation.language_id)
            root.insert(position, title)
            position += 1
    if record.subject_id:
        subject = ElementTree.Element(f"{{{DC}}}subject")
        subject.text = f"ISCED-F 2013: {record.subject.code} {record.subject.name_en}"
        root.insert(position + len(work.creators), subject)
    return root


FORMATS = {
    "oai_dc": MetadataFormat(
        "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC, oai_dc
    ),
}
