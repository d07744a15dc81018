"""Helpers for the OAI-PMH tests: ask /oai, parse, validate against the official XSD."""

from pathlib import Path

import pytest
import xmlschema
from lxml import etree

DATA = Path(__file__).parent / "data"
NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "id": "http://www.openarchives.org/OAI/2.0/oai-identifier",
}
DC_ELEMENTS = {
    "title", "creator", "subject", "description", "publisher", "contributor", "date", "type",
    "format", "identifier", "source", "language", "relation", "coverage", "rights",
}  # fmt: skip


@pytest.fixture(scope="session")
def oai_schema():
    return xmlschema.XMLSchema(DATA / "OAI-PMH.xsd")


def check_oai_dc(root) -> None:
    """oai_dc.xsd is not available here: its structure, checked by hand (data/README.md)."""
    for dc in root.iterfind(".//oai:metadata/oai_dc:dc", NS):
        assert len(dc), "an empty oai_dc record"
        for child in dc:
            namespace, name = child.tag[1:].split("}")
            assert namespace == NS["dc"] and name in DC_ELEMENTS, child.tag
            assert not len(child) and (child.text or "").strip()
    for metadata in root.iterfind(".//oai:metadata", NS):
        assert [child.tag for child in metadata] == [f"{{{NS['oai_dc']}}}dc"]


@pytest.fixture
def oai(client, oai_schema):
    """Ask /oai (GET, or POST with method="post"); every answer is valid OAI-PMH, HTTP 200."""

    def ask(method="get", **params):
        response = getattr(client, method)("/oai", params)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        oai_schema.validate(response.content.decode())
        root = etree.fromstring(response.content)  # our own output, not untrusted XML
        check_oai_dc(root)
        return root

    return ask


def error_code(root) -> str | None:
    error = root.find("oai:error", NS)
    return None if error is None else error.get("code")
