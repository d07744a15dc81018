"""oai_dc: the site's Dublin Core export (records/exports.py), and what a harvester
wants besides: the title in every language and the ISCED-F subject."""

from datetime import date
from xml.etree import ElementTree

from resource_hub.records.exports import DC, dublin_core

OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def oai_dc(source) -> ElementTree.Element:
    work, record = source.work, source.record
    # Our own export, parsed back to add to it: not untrusted XML.
    root = ElementTree.fromstring(dublin_core(work, record.pk, date.today()))  # noqa: S314
    position = 1  # after the record's own title
    for translation in source.translations:
        if translation.title and translation.title != work.title:
            title = ElementTree.Element(f"{{{DC}}}title")
            title.text = translation.title
            title.set(XML_LANG, translation.language_id)
            root.insert(position, title)
            position += 1
    if record.subject_id:
        subject = ElementTree.Element(f"{{{DC}}}subject")
        subject.text = f"ISCED-F 2013: {record.subject.code} {record.subject.name_en}"
        root.insert(position + len(work.creators), subject)
    return root
