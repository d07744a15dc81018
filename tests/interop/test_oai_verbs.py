"""OAI-PMH at /oai: every verb, every error, and only what an anonymous visitor may read.

Every answer is validated against the official OAI-PMH.xsd (conftest.py).
"""

import time
from datetime import UTC

import pytest
from django.utils import timezone
from lxml import etree

from resource_hub.core.vocabularies import Language, SubjectField
from resource_hub.interop.models import OaiItem
from resource_hub.records.models import AccessLevel, AchievementPage
from resource_hub.records.selectors import record_stable_url
from resource_hub.records.services import record_release, record_unpublish, record_withdraw

from .conftest import NS, error_code

HOST = "localhost"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_BASE_URL = f"http://{HOST}:8000"
    settings.OAI_ADMIN_EMAIL = "oai@example.org"


def stamp(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def datestamp_of(record) -> str:
    return stamp(OaiItem.objects.get(record_id=record.pk).datestamp)


def ident(record) -> str:
    return f"oai:{HOST}:record/{record.pk}"


@pytest.fixture
def records(world, make_record):
    english = Language.objects.get(code="en")
    public = record_release(
        user=world.editor_a,
        record=make_record(
            title="水稻栽培 Rice",
            subject=SubjectField.objects.get(code="0811"),
            translations=[{"language": english, "title": "Rice cultivation", "abstract": ""}],
        ),
    )
    achievement = record_release(
        user=world.editor_b,
        record=make_record(
            title="Open achievement",
            author=world.teacher_b,
            institution=world.inst_b,
            record_class=AchievementPage,
        ),
    )
    members = record_release(
        user=world.editor_a,
        record=make_record(title="Members lesson", access_level=AccessLevel.INSTITUTION),
    )
    draft = make_record(title="Draft lesson")
    gone = record_unpublish(
        user=world.editor_a, record=record_release(user=world.editor_a, record=make_record())
    )
    withdrawn = record_withdraw(
        user=world.editor_a,
        record=record_release(user=world.editor_a, record=make_record(title="Withdrawn")),
        reason="Wrong file",
    )
    return {
        "public": public,
        "achievement": achievement,
        "members": members,
        "draft": draft,
        "gone": gone,
        "withdrawn": withdrawn,
    }


def text(root, path) -> str:
    return root.findtext(path, namespaces=NS)


def headers(root) -> dict:
    return {
        header.findtext("oai:identifier", namespaces=NS): header
        for header in root.iterfind(".//oai:header", NS)
    }


def test_identify(oai, records, world):
    root = oai(verb="Identify")
    assert dict(root.find("oai:request", NS).attrib) == {"verb": "Identify"}
    assert text(root, "oai:request") == f"http://{HOST}:8000/oai"
    identify = root.find("oai:Identify", NS)
    assert text(identify, "oai:repositoryName") == "Resource Hub"
    assert text(identify, "oai:baseURL") == f"http://{HOST}:8000/oai"
    assert text(identify, "oai:protocolVersion") == "2.0"
    assert text(identify, "oai:adminEmail") == "oai@example.org"
    assert text(identify, "oai:deletedRecord") == "persistent"
    assert text(identify, "oai:granularity") == "YYYY-MM-DDThh:mm:ssZ"
    # The rule, whatever the clock did between a release and its log entry: the
    # earliest datestamp is the smallest of the items' (none is earlier).
    earliest = text(identify, "oai:earliestDatestamp")
    stamps = [
        h.findtext("oai:datestamp", namespaces=NS)
        for h in headers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc")).values()
    ]
    assert len(stamps) == 5 and earliest == min(stamps)
    assert earliest == stamp(OaiItem.objects.order_by("datestamp").first().datestamp)
    description = identify.find("oai:description/id:oai-identifier", NS)
    assert text(description, "id:repositoryIdentifier") == HOST
    assert text(description, "id:sampleIdentifier") == f"oai:{HOST}:record/1"


def test_post_answers_as_get(oai, records):
    root = oai(method="post", verb="Identify")
    assert text(root, "oai:Identify/oai:protocolVersion") == "2.0"


def test_list_metadata_formats(oai, records):
    for params in ({}, {"identifier": ident(records["public"])}):
        root = oai(verb="ListMetadataFormats", **params)
        prefixes = [e.text for e in root.iterfind(".//oai:metadataPrefix", NS)]
        assert prefixes == ["oai_dc", "oai_datacite", "lom"]
    root = oai(verb="ListMetadataFormats", identifier=ident(records["draft"]))
    assert error_code(root) == "idDoesNotExist"


def test_list_sets(oai, records):
    root = oai(verb="ListSets")
    specs = [e.text for e in root.iterfind(".//oai:setSpec", NS)]
    assert specs == [
        "type:teaching_resource",
        "type:achievement",
        "country:CN",
        "country:TH",
        *sorted(f"institution:{i.slug}" for i in (records["public"].get_parent(),
                                                   records["achievement"].get_parent())),
        "subject:08",
        "openaire",
    ]  # fmt: skip
    names = {s.findtext("oai:setSpec", namespaces=NS): s.findtext("oai:setName", namespaces=NS)
             for s in root.iterfind(".//oai:set", NS)}  # fmt: skip
    assert (
        names["subject:08"]
        == "ISCED-F 2013 broad field 08: Agriculture, forestry, fisheries and veterinary"
    )


def test_list_identifiers_shows_public_records_and_tombstones_only(oai, records):
    root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    found = headers(root)
    assert set(found) == {
        ident(records[key]) for key in ("public", "achievement", "members", "gone", "withdrawn")
    }
    for key in ("members", "gone", "withdrawn"):
        assert found[ident(records[key])].get("status") == "deleted"
    for key in ("public", "achievement"):
        assert found[ident(records[key])].get("status") is None
    assert ident(records["draft"]) not in found
    assert root.find(".//oai:resumptionToken", NS) is None


def test_list_records_gives_oai_dc_of_public_records(oai, records, world):
    root = oai(verb="ListRecords", metadataPrefix="oai_dc")
    with_metadata = {
        r.findtext("oai:header/oai:identifier", namespaces=NS)
        for r in root.iterfind(".//oai:record", NS)
        if r.find("oai:metadata", NS) is not None
    }
    assert with_metadata == {ident(records["public"]), ident(records["achievement"])}
    assert "Members lesson" not in etree.tostring(root, encoding="unicode")


def test_get_record_has_dublin_core_of_the_record(oai, records, world):
    public = records["public"]
    root = oai(verb="GetRecord", identifier=ident(public), metadataPrefix="oai_dc")
    header = root.find(".//oai:header", NS)
    assert text(header, "oai:datestamp") == datestamp_of(public)
    assert [e.text for e in header.iterfind("oai:setSpec", NS)] == [
        "type:teaching_resource",
        f"institution:{world.inst_a.slug}",
        "country:CN",
        "subject:08",
    ]
    dc = root.find(".//oai_dc:dc", NS)

    def values(name):
        return [e.text for e in dc.iterfind(f"dc:{name}", NS)]

    assert values("title") == ["水稻栽培 Rice", "Rice cultivation"]
    assert values("creator") == ["Li Wei"]
    assert "ISCED-F 2013: 0811 Crop and livestock production" in values("subject")
    assert {"水稻", "rice"} <= set(values("subject"))
    assert values("identifier") == [record_stable_url(public)]
    assert values("rights") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert values("language") == ["zh"]
    assert values("date") == ["2025"]
    assert values("description") == [public.abstract]


def test_get_record_of_a_hidden_record_is_a_deleted_header(oai, records):
    for key in ("members", "gone", "withdrawn"):
        root = oai(verb="GetRecord", identifier=ident(records[key]), metadataPrefix="oai_dc")
        record = root.find(".//oai:record", NS)
        assert record.find("oai:header", NS).get("status") == "deleted"
        assert record.find("oai:metadata", NS) is None


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "x"},
         "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-13-45"},
         "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-01-01",
          "until": "2025-01-01T00:00:00Z"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-02-01",
          "until": "2025-01-01"}, "badArgument"),
        ({"verb": "GetRecord", "identifier": "oai:x:record/1"}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListIdentifiers", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "GetRecord", "identifier": "oai:elsewhere:record/1", "metadataPrefix": "oai_dc"},
         "idDoesNotExist"),
        ({"verb": "GetRecord", "identifier": f"oai:{HOST}:record/99999999",
          "metadataPrefix": "oai_dc"}, "idDoesNotExist"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "institution:nowhere"},
         "noRecordsMatch"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2100-01-01"},
         "noRecordsMatch"),
    ],
)  # fmt: skip
def test_errors_are_the_protocols(oai, records, params, code):
    root = oai(**params)
    error = root.find("oai:error", NS)
    assert error.get("code") == code and error.text
    assert len(root) == 3  # responseDate, request, error
    if code in ("badVerb", "badArgument"):
        assert dict(root.find("oai:request", NS).attrib) == {}


def test_a_never_released_draft_does_not_exist(oai, records):
    root = oai(verb="GetRecord", identifier=ident(records["draft"]), metadataPrefix="oai_dc")
    assert error_code(root) == "idDoesNotExist"


def test_sets_select_their_records(oai, records, world):
    cases = {
        "type:achievement": {"achievement"},
        f"institution:{world.inst_b.slug}": {"achievement"},
        "country:TH": {"achievement"},
        "type:teaching_resource": {"public", "members", "gone", "withdrawn"},
        "country:CN": {"public", "members", "gone", "withdrawn"},
    }
    for spec, keys in cases.items():
        root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
        assert set(headers(root)) == {ident(records[key]) for key in keys}, spec


def test_from_and_until_select_by_datestamp(oai, records):
    public = records["public"]
    root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", until=datestamp_of(public))
    assert ident(public) in headers(root)
    first = OaiItem.objects.order_by("datestamp").first().datestamp
    days = {"from": first.strftime("%Y-%m-%d"), "until": timezone.now().strftime("%Y-%m-%d")}
    root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **days)
    assert len(headers(root)) == 5


def test_error_messages_follow_the_language_asked(client, db):
    response = client.get("/oai", {"verb": "Harvest"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    root = etree.fromstring(response.content)  # our own output, not untrusted XML
    assert root.find("oai:error", NS).get("code") == "badVerb"
    assert root.findtext("oai:error", namespaces=NS) == "动词缺失、重复或不是 OAI-PMH 动词。"


def test_an_incremental_harvest_gives_what_changed_since(oai, records, world):
    time.sleep(1.1)  # datestamps have seconds: the changes fall in a later second
    since = timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ")
    record_unpublish(user=world.editor_a, record=records["public"])
    changed = record_release(user=world.editor_a, record=records["draft"])
    root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": since})
    found = headers(root)
    assert set(found) == {ident(records["public"]), ident(changed)}
    assert found[ident(records["public"])].get("status") == "deleted"
    assert found[ident(changed)].get("status") is None


def test_the_ends_of_the_calendar_are_no_error(oai, records):
    for params in ({"until": "9999-12-31"}, {"until": "9999-12-31T23:59:59Z"},
                   {"from": "0001-01-01"}, {"from": "0001-01-01T00:00:00Z"}):  # fmt: skip
        root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **params)
        assert len(headers(root)) == 5, params
    root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "9999-12-31"})
    assert error_code(root) == "noRecordsMatch"
