"""Helpers for the OAI-PMH tests: ask /oai, parse, validate against the official XSDs.

Every answer is validated against OAI-PMH.xsd, and the metadata inside it
against its own format's schema (data/README.md says where each comes from);
LOM has no schema here, so `check_lom` checks its structure by hand.
"""

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
    "datacite": "http://datacite.org/schema/kernel-4",
    "lom": "http://ltsc.ieee.org/xsd/LOM",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Where oai_dc.xsd imports the Dublin Core elements from: the copy beside it.
LOCAL_COPIES = {
    "http://dublincore.org/schemas/xmls/simpledc20021212.xsd": str(DATA / "simpledc20021212.xsd"),
}


@pytest.fixture(scope="session")
def oai_schema():
    return xmlschema.XMLSchema(DATA / "OAI-PMH.xsd")


@pytest.fixture(scope="session")
def metadata_schemas():
    """The schema of each metadata format's root element, by namespace."""
    return {
        NS["oai_dc"]: xmlschema.XMLSchema(DATA / "oai_dc.xsd", uri_mapper=LOCAL_COPIES),
        NS["datacite"]: xmlschema.XMLSchema(DATA / "datacite-4.6" / "metadata.xsd"),
    }


#: IEEE 1484.12.1 LOM: the children each element may have, in the binding's order.
LOM_CHILDREN = {
    "lom": ["general", "lifeCycle", "metaMetadata", "technical", "educational", "rights",
            "relation", "annotation", "classification"],
    "general": ["identifier", "title", "language", "description", "keyword", "coverage",
                "structure", "aggregationLevel"],
    "lifeCycle": ["version", "status", "contribute"],
    "metaMetadata": ["identifier", "contribute", "metadataSchema", "language"],
    "technical": ["format", "size", "location", "requirement", "installationRemarks",
                  "otherPlatformRequirements", "duration"],
    "educational": ["interactivityType", "learningResourceType", "interactivityLevel",
                    "semanticDensity", "intendedEndUserRole", "context", "typicalAgeRange",
                    "difficulty", "typicalLearningTime", "description", "language"],
    "rights": ["cost", "copyrightAndOtherRestrictions", "description"],
    "relation": ["kind", "resource"],
    "resource": ["identifier", "description"],
    "classification": ["purpose", "taxonPath", "description", "keyword"],
    "taxonPath": ["source", "taxon"],
    "taxon": ["id", "entry"],
    "identifier": ["catalog", "entry"],
    "contribute": ["role", "entity", "date"],
    "date": ["dateTime", "description"],
}  # fmt: skip
#: Elements that hold a LangString, and those that hold a vocabulary (source, value).
LOM_LANG_STRINGS = {"title", "description", "keyword", "coverage", "source", "entry"}
LOM_VOCABULARIES = {
    "aggregationLevel": {"1", "2", "3", "4"},
    "role": {"author", "publisher", "unknown", "initiator", "terminator", "validator", "editor",
             "graphical designer", "technical implementer", "content provider",
             "technical validator", "educational validator", "script writer",
             "instructional designer", "subject matter expert"},
    "learningResourceType": {"exercise", "simulation", "questionnaire", "diagram", "figure",
                             "graph", "index", "slide", "table", "narrative text", "exam",
                             "experiment", "problem statement", "self assessment", "lecture"},
    "context": {"school", "higher education", "training", "other"},
    "cost": {"yes", "no"},
    "copyrightAndOtherRestrictions": {"yes", "no"},
    "kind": {"ispartof", "haspart", "isversionof", "hasversion", "isformatof", "hasformat",
             "references", "isreferencedby", "isbasedon", "isbasisfor", "requires",
             "isrequiredby"},
    "purpose": {"discipline", "idea", "prerequisite", "educational objective",
                "accessibility restrictions", "educational level", "skill level",
                "security level", "competency"},
}  # fmt: skip
_SINGLE = {"general", "lifeCycle", "metaMetadata", "technical", "educational", "rights",
           "title", "aggregationLevel", "cost", "copyrightAndOtherRestrictions", "kind",
           "resource", "purpose", "source", "catalog", "entry", "role", "date", "dateTime",
           "id", "metadataSchema"}  # fmt: skip


def _lom_name(element) -> str:
    namespace, name = element.tag[1:].split("}")
    assert namespace == NS["lom"], element.tag
    return name


def check_lom(element, path="lom") -> None:
    """The LOM XML binding's structure, order, LangStrings and LOMv1.0 vocabularies."""
    name = _lom_name(element)
    if name in LOM_VOCABULARIES and path.count("/") and len(element):
        assert [_lom_name(c) for c in element] == ["source", "value"], path
        assert element[0].text == "LOMv1.0" and element[1].text in LOM_VOCABULARIES[name], path
        return
    if name in LOM_LANG_STRINGS and name != "entry" or (name == "entry" and len(element)):
        assert len(element) and all(_lom_name(c) == "string" for c in element), path
        assert all((c.text or "").strip() for c in element), path
        return
    allowed = LOM_CHILDREN.get(name)
    if allowed is None:
        assert not len(element) and (element.text or "").strip(), f"{path}: empty leaf"
        return
    names = [_lom_name(child) for child in element]
    assert names, f"{path}: empty"
    assert all(n in allowed for n in names), f"{path}: {names}"
    assert names == sorted(names, key=allowed.index), f"{path}: out of order {names}"
    for single in _SINGLE & set(names):
        assert names.count(single) == 1, f"{path}: {single} repeated"
    for child in element:
        check_lom(child, f"{path}/{_lom_name(child)}")


def check_metadata(root, schemas) -> None:
    for metadata in root.iterfind(".//oai:metadata", NS):
        (payload,) = metadata
        namespace = payload.tag[1:].split("}")[0]
        if namespace == NS["lom"]:
            check_lom(payload)
        else:
            schemas[namespace].validate(payload)


@pytest.fixture
def oai(client, oai_schema, metadata_schemas):
    """Ask /oai (GET, or POST with method="post"); every answer is valid OAI-PMH, HTTP 200."""

    def ask(method="get", **params):
        response = getattr(client, method)("/oai", params)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        oai_schema.validate(response.content.decode())
        root = etree.fromstring(response.content)  # our own output, not untrusted XML
        check_metadata(root, metadata_schemas)
        return root

    return ask


def error_code(root) -> str | None:
    error = root.find("oai:error", NS)
    return None if error is None else error.get("code")
