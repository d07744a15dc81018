"""The event where a record was released: a DataCite relatedItem, valid against the 4.6 XSD;
LOM has no place for it. Every answer is validated by the `oai` fixture (conftest.py)."""

from xml.etree.ElementTree import tostring

from resource_hub.records.services import record_release

from .conftest import NS, XML_LANG
from .test_oai_formats import ident, site  # noqa: F401 - the site address fixture


def test_datacite_names_the_released_event(oai, world, make_record, make_event):
    event = make_event()
    record = record_release(user=world.editor_a, record=make_record(event=event))
    root = oai(verb="GetRecord", identifier=ident(record), metadataPrefix="oai_datacite")
    item = root.find(".//datacite:resource/datacite:relatedItems/datacite:relatedItem", NS)
    assert (item.get("relatedItemType"), item.get("relationType")) == ("Event", "IsPublishedIn")
    identifier = item.find("datacite:relatedItemIdentifier", NS)
    assert identifier.get("relatedItemIdentifierType") == "URL"
    assert identifier.text == event.get_full_url()
    titles = item.findall("datacite:titles/datacite:title", NS)
    assert [(t.text, t.get(XML_LANG)) for t in titles] == [
        (event.title, "en"),
        ("2025中国—东盟教育交流周", "zh"),
    ]
    assert item.findtext("datacite:publicationYear", namespaces=NS) == "2025"
    lom = oai(verb="GetRecord", identifier=ident(record), metadataPrefix="lom")
    assert lom.find(".//lom:lom", NS) is not None
    assert event.title not in tostring(lom, encoding="unicode")


def test_an_unreleased_event_is_not_harvested(oai, world, make_record, make_event):
    event = make_event(publish=False)
    record = record_release(user=world.editor_a, record=make_record(event=event))
    root = oai(verb="GetRecord", identifier=ident(record), metadataPrefix="oai_datacite")
    assert root.find(".//datacite:resource", NS) is not None
    assert root.find(".//datacite:relatedItems", NS) is None
