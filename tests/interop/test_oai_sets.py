"""Sets by ISCED-F broad field, and `openaire` (released public achievements)."""

import pytest

from resource_hub.core.vocabularies import SubjectField
from resource_hub.records.models import AccessLevel, AchievementPage
from resource_hub.records.services import record_release, record_unpublish

from .conftest import NS, error_code


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_BASE_URL = "http://localhost:8000"


def ident(record) -> str:
    return f"oai:localhost:record/{record.pk}"


def listed(oai, spec) -> dict:
    root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
    if error_code(root) == "noRecordsMatch":
        return {}
    return {
        h.findtext("oai:identifier", namespaces=NS): h.get("status")
        for h in root.iterfind(".//oai:header", NS)
    }


@pytest.fixture
def records(world, make_record):
    def release(**fields):
        return record_release(user=world.editor_b if "author" in fields else world.editor_a,
                              record=make_record(**fields))  # fmt: skip

    theirs = {"author": world.teacher_b, "institution": world.inst_b}
    return {
        "crops": release(title="Crops", subject=SubjectField.objects.get(code="0811")),
        "farming": release(title="Farming", subject=SubjectField.objects.get(code="08")),
        "maths": release(title="Maths", subject=SubjectField.objects.get(code="0541")),
        "members": release(title="Members", subject=SubjectField.objects.get(code="0541"),
                           access_level=AccessLevel.INSTITUTION),
        "paper": release(title="Paper", record_class=AchievementPage, **theirs),
        "closed": release(title="Closed paper", record_class=AchievementPage,
                          access_level=AccessLevel.REGISTERED, **theirs),
    }  # fmt: skip


def test_a_subject_set_holds_the_records_under_its_broad_field(oai, records):
    assert listed(oai, "subject:08") == {ident(records["crops"]): None,
                                         ident(records["farming"]): None}  # fmt: skip
    assert listed(oai, "subject:05") == {ident(records["maths"]): None,
                                         ident(records["members"]): "deleted"}  # fmt: skip


def test_list_sets_names_only_broad_fields_with_public_records(oai, records, world):
    record_unpublish(user=world.editor_a, record=records["maths"])
    root = oai(verb="ListSets")
    specs = [e.text for e in root.iterfind(".//oai:setSpec", NS)]
    assert "subject:08" in specs and "openaire" in specs
    assert "subject:05" not in specs  # only a members-only and an unpublished record left
    assert listed(oai, "subject:05")  # the set still answers, with their deleted headers


def test_openaire_is_the_released_public_achievements(oai, records, world):
    found = listed(oai, "openaire")
    assert found == {ident(records["paper"]): None, ident(records["closed"]): "deleted"}
    record_unpublish(user=world.editor_b, record=records["paper"])
    assert listed(oai, "openaire")[ident(records["paper"])] == "deleted"


@pytest.mark.parametrize(
    "spec", ["subject:99", "subject:0811", "subject:ab", "openaire:x", "nothing", "x" * 5000,
             "type:article", "institution:nowhere", "country:ZZ"],
)  # fmt: skip
def test_a_set_that_does_not_exist_matches_no_records(oai, records, spec):
    for verb in ("ListIdentifiers", "ListRecords"):
        root = oai(verb=verb, metadataPrefix="oai_dc", set=spec)
        assert error_code(root) == "noRecordsMatch", spec


@pytest.mark.parametrize(
    "spec",
    ["subject:٠٨", "subject:08\n", "subject:", "country:../..", "type::x", " ", "a b"],
)
def test_a_set_that_is_not_a_set_spec_is_a_bad_argument(oai, records, spec):
    root = oai(verb="ListRecords", metadataPrefix="oai_dc", set=spec)
    assert error_code(root) == "badArgument", spec


def test_a_nul_in_any_argument_is_a_bad_argument(oai, records):
    for params in ({"set": "institution:\x00"}, {"from": "2025-01-01\x00"}):
        root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **params)
        assert error_code(root) == "badArgument"
    root = oai(verb="GetRecord", metadataPrefix="oai_dc", identifier="oai:localhost:record/1\x00")
    assert error_code(root) == "badArgument"
