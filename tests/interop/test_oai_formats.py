"""oai_datacite (DataCite 4.6 kernel) and lom (IEEE LOM): what a record says in each.

Every answer is validated by the `oai` fixture: OAI-PMH.xsd, then the DataCite
XSD, or LOM's structure and vocabularies (conftest.py).
"""

import pytest

from resource_hub.core.vocabularies import EducationLevel, Language, SubjectField
from resource_hub.records.models import AccessLevel, AchievementPage
from resource_hub.records.selectors import record_stable_url
from resource_hub.records.services import record_release

from .conftest import NS, XML_LANG, error_code


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_BASE_URL = "http://localhost:8000"


def ident(record) -> str:
    return f"oai:localhost:record/{record.pk}"


@pytest.fixture
def lesson(world, make_record):
    english = Language.objects.get(code="en")
    return record_release(
        user=world.editor_a,
        record=make_record(
            title="水稻栽培 Rice",
            subject=SubjectField.objects.get(code="0811"),
            education_levels=EducationLevel.objects.filter(
                code__in=["isced-5", "sector-vocational"]
            ),
            translations=[
                {"language": english, "title": "Rice cultivation", "abstract": "About rice."}
            ],
        ),
    )


@pytest.fixture
def paper(world, make_record, lesson):
    paper = make_record(
        title="Drought-tolerant rice",
        author=world.teacher_b,
        institution=world.inst_b,
        record_class=AchievementPage,
        doi="10.1234/rice.2025",
    )
    return record_release(user=world.editor_b, record=paper)


def test_datacite_of_a_teaching_resource(oai, lesson):
    root = oai(verb="GetRecord", identifier=ident(lesson), metadataPrefix="oai_datacite")
    resource = root.find(".//oai:metadata/datacite:resource", NS)
    identifier = resource.find("datacite:identifier", NS)
    assert identifier.get("identifierType") == "URL"
    assert identifier.text == record_stable_url(lesson)
    creator = resource.find("datacite:creators/datacite:creator", NS)
    assert creator.findtext("datacite:creatorName", namespaces=NS) == "Li Wei"
    orcid = creator.find("datacite:nameIdentifier", NS)
    assert orcid.get("nameIdentifierScheme") == "ORCID"
    assert orcid.text == "https://orcid.org/0000-0002-1825-0097"
    titles = resource.findall("datacite:titles/datacite:title", NS)
    assert [(t.text, t.get(XML_LANG), t.get("titleType")) for t in titles] == [
        ("水稻栽培 Rice", "zh", None),
        ("Rice cultivation", "en", "TranslatedTitle"),
    ]
    subject = resource.find("datacite:subjects/datacite:subject[@subjectScheme]", NS)
    assert subject.get("subjectScheme") == "ISCED-F 2013"
    assert subject.get("classificationCode") == "0811"
    rights = resource.find("datacite:rightsList/datacite:rights", NS)
    assert rights.get("rightsIdentifier") == "CC-BY-4.0"
    assert rights.get("rightsIdentifierScheme") == "SPDX"
    assert rights.get("rightsURI") == "https://creativecommons.org/licenses/by/4.0/"
    kind = resource.find("datacite:resourceType", NS)
    assert kind.get("resourceTypeGeneral") and kind.text
    assert resource.findtext("datacite:publicationYear", namespaces=NS) == "2025"
    assert resource.findtext("datacite:language", namespaces=NS) == "zh"
    descriptions = resource.findall("datacite:descriptions/datacite:description", NS)
    assert [d.get(XML_LANG) for d in descriptions] == ["zh", "en"]


def test_datacite_of_an_achievement_has_its_doi(oai, paper):
    root = oai(verb="GetRecord", identifier=ident(paper), metadataPrefix="oai_datacite")
    resource = root.find(".//datacite:resource", NS)
    identifier = resource.find("datacite:identifier", NS)
    assert (identifier.get("identifierType"), identifier.text) == ("DOI", "10.1234/rice.2025")
    alternate = resource.find("datacite:alternateIdentifiers/datacite:alternateIdentifier", NS)
    assert alternate.text == record_stable_url(paper)
    assert resource.find("datacite:resourceType", NS).get("resourceTypeGeneral")


def test_lom_of_a_teaching_resource(oai, lesson):
    root = oai(verb="GetRecord", identifier=ident(lesson), metadataPrefix="lom")
    lom = root.find(".//oai:metadata/lom:lom", NS)
    title = lom.findall("lom:general/lom:title/lom:string", NS)
    assert [(s.text, s.get("language")) for s in title] == [
        ("水稻栽培 Rice", "zh"), ("Rice cultivation", "en")
    ]  # fmt: skip
    assert lom.findtext("lom:general/lom:identifier/lom:entry", namespaces=NS) == (
        record_stable_url(lesson)
    )
    entity = lom.findtext("lom:lifeCycle/lom:contribute/lom:entity", namespaces=NS)
    assert entity.startswith("BEGIN:VCARD") and "FN:Li Wei" in entity
    contexts = [v.text for v in lom.iterfind("lom:educational/lom:context/lom:value", NS)]
    assert contexts == ["higher education", "training"]
    paths = lom.findall("lom:classification", NS)
    discipline = paths[0]
    assert discipline.findtext("lom:purpose/lom:value", namespaces=NS) == "discipline"
    taxa = [t.text for t in discipline.iterfind("lom:taxonPath/lom:taxon/lom:id", NS)]
    assert taxa == ["08", "081", "0811"]
    assert paths[1].findtext("lom:purpose/lom:value", namespaces=NS) == "educational level"
    assert paths[1].findtext("lom:taxonPath/lom:taxon/lom:id", namespaces=NS) == "5"
    assert "CC-BY-4.0" in lom.findtext("lom:rights/lom:description/lom:string", namespaces=NS)


@pytest.mark.parametrize("prefix", ["oai_dc", "oai_datacite", "lom"])
def test_every_format_lists_the_public_records_and_tombstones(oai, world, make_record,
                                                              lesson, paper, prefix):  # fmt: skip
    members = record_release(
        user=world.editor_a,
        record=make_record(title="Members", access_level=AccessLevel.INSTITUTION),
    )
    root = oai(verb="ListRecords", metadataPrefix=prefix)
    records = {
        r.findtext("oai:header/oai:identifier", namespaces=NS): r
        for r in root.iterfind(".//oai:record", NS)
    }
    assert set(records) == {ident(lesson), ident(paper), ident(members)}
    assert records[ident(members)].find("oai:metadata", NS) is None
    assert "Members" not in str(records)


def test_an_unknown_format_cannot_be_disseminated(oai, lesson):
    root = oai(verb="GetRecord", identifier=ident(lesson), metadataPrefix="datacite")
    assert error_code(root) == "cannotDisseminateFormat"
