"""Citation exports: each format parses back, and they follow the page's access rules."""

import json
import re

import pytest
from django.urls import reverse
from lxml import etree

from resource_hub.records.exports import DC
from resource_hub.records.models import AccessLevel, AchievementPage
from resource_hub.records.selectors import record_stable_url
from resource_hub.records.services import record_submit

from .record_page_helpers import full_record


def export(client, record, fmt):
    return client.get(reverse("record_exports:export", args=[record.pk, fmt]))


def parse_bibtex(text):
    entry = re.match(r"@(\w+)\{([^,]+),\n", text)
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", text, flags=re.M))
    return entry.group(1), entry.group(2), fields


def parse_ris(text):
    tags = {}
    for line in text.split("\r\n"):
        if line:
            tag, value = line.split("  - ", 1)
            tags.setdefault(tag, []).append(value)
    return tags


def test_bibtex_export_is_an_attachment_with_the_record_fields(client, world, postgres_db):
    record = full_record(world)

    response = export(client, record, "bibtex")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    entry, key, fields = parse_bibtex(response.content.decode())
    assert entry == "misc" and key.endswith(f"2025-{record.pk}")
    assert fields["title"] == "{水稻栽培技术}"
    assert fields["author"] == "{李伟} and Nguyễn, Văn An and Jaidee, Somchai and {王芳}"
    assert fields["year"] == "2025"
    assert fields["publisher"] == world.inst_a.title
    assert fields["url"] == record_stable_url(record)
    assert fields["language"] == "zh"


def test_ris_export_has_one_tag_per_line_and_ends_with_er(client, world, postgres_db):
    record = full_record(world, record_class=AchievementPage, kind="achievement", doi="10.1000/x1")

    response = export(client, record, "ris")

    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    tags = parse_ris(response.content.decode())
    assert tags["TY"] == ["JOUR"]
    assert tags["AU"] == ["李伟", "Nguyễn Văn An", "Somchai Jaidee", "王芳"]
    assert tags["TI"] == ["水稻栽培技术"] and tags["TT"] == ["Rice cultivation techniques"]
    assert tags["DO"] == ["10.1000/x1"] and tags["PY"] == ["2025"]
    assert tags["UR"] == [record_stable_url(record)]
    # In the author's order: taggit orders a record's tags by the through row's id.
    assert tags["KW"] == ["水稻", "rice"]
    assert response.content.decode().endswith("ER  - \r\n")


def test_csl_json_export_loads_as_a_list_of_one_item(client, world, postgres_db):
    record = full_record(world, record_class=AchievementPage, kind="achievement")

    response = export(client, record, "csl-json")

    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    (item,) = json.loads(response.content)
    assert item["type"] == "article-journal"
    assert item["title"] == "水稻栽培技术"
    assert item["author"][0] == {"literal": "李伟"}
    assert item["author"][1] == {"family": "Nguyễn", "given": "Văn An"}
    assert item["issued"] == {"date-parts": [[2025]]}
    assert item["URL"] == record_stable_url(record)


def test_dublin_core_export_is_well_formed_xml(client, world, postgres_db):
    record = full_record(world)

    response = export(client, record, "dc-xml")

    root = etree.fromstring(response.content)  # our own output, not untrusted XML
    assert [e.text for e in root.findall(f"{{{DC}}}creator")][:2] == ["李伟", "Nguyễn Văn An"]
    assert root.find(f"{{{DC}}}title").text == "水稻栽培技术"
    assert root.find(f"{{{DC}}}rights").text == "https://creativecommons.org/licenses/by/4.0/"
    assert [e.text for e in root.findall(f"{{{DC}}}identifier")] == [record_stable_url(record)]


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csl-json", "dc-xml"])
def test_drafts_and_records_in_review_are_not_exported(client, world, postgres_db, fmt):
    draft = full_record(world, release=False, title="Secret draft")
    in_review = full_record(world, release=False, title="Secret in review")
    record_submit(user=world.teacher_a, record=in_review)
    client.force_login(world.teacher_b)

    for record in (draft, in_review):
        response = export(client, record, fmt)
        assert response.status_code == 404
        assert b"Secret" not in response.content


def test_members_only_record_is_exported_only_to_members(client, world, postgres_db):
    record = full_record(world, access_level=AccessLevel.INSTITUTION)

    anonymous = export(client, record, "bibtex")
    client.force_login(world.teacher_b)
    outsider = export(client, record, "ris")
    client.force_login(world.member_a)
    member = export(client, record, "ris")

    assert anonymous.status_code == 404 and outsider.status_code == 404
    assert member.status_code == 200
    assert member["Cache-Control"] == "private, max-age=0"


def test_an_unknown_format_is_not_found(client, world, postgres_db):
    record = full_record(world)

    assert export(client, record, "docx").status_code == 404
