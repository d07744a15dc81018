"""Stored datestamps: kept from Wagtail's audit log, for the record and below a page.

An incremental harvester (`from=`) must learn of every change an anonymous
visitor would see, including records hidden because an institution above them
was made private.
"""

import importlib
from datetime import UTC

import pytest
from django.apps import apps
from wagtail.actions.delete_page import DeletePageAction
from wagtail.models import PageLogEntry, PageViewRestriction

from resource_hub.interop.models import OaiItem
from resource_hub.records.services import record_release

from .conftest import NS


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_BASE_URL = "http://localhost:8000"


def stamp(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def headers(root) -> dict:
    return {
        h.findtext("oai:identifier", namespaces=NS): h for h in root.iterfind(".//oai:header", NS)
    }


def ident(record) -> str:
    return f"oai:localhost:record/{record.pk}"


def test_a_release_makes_an_item_and_a_draft_none(world, make_record):
    draft = make_record(title="Draft")
    released = record_release(user=world.editor_a, record=make_record(title="Released"))
    assert not OaiItem.objects.filter(record_id=draft.pk).exists()
    log = PageLogEntry.objects.filter(page_id=released.pk, action="wagtail.publish").latest("pk")
    assert OaiItem.objects.get(record_id=released.pk).datestamp == log.timestamp


def test_an_institution_made_private_changes_every_record_below_it(oai, world, make_record):
    below = [
        record_release(user=world.editor_a, record=make_record(title=f"Lesson {n}"))
        for n in range(3)
    ]
    elsewhere = record_release(
        user=world.editor_b, record=make_record(author=world.teacher_b, institution=world.inst_b)
    )
    before = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    elsewhere_stamp = headers(before)[ident(elsewhere)].findtext("oai:datestamp", namespaces=NS)
    # What the admin's privacy dialog does: the restriction saves (and logs) itself.
    PageViewRestriction.objects.create(
        page=world.inst_a, restriction_type=PageViewRestriction.LOGIN
    )
    log = PageLogEntry.objects.get(
        page_id=world.inst_a.pk, action="wagtail.view_restriction.create"
    )
    since = stamp(log.timestamp)
    found = headers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": since}))
    for record in below:
        header = found[ident(record)]
        assert header.get("status") == "deleted"
        assert header.findtext("oai:datestamp", namespaces=NS) == since
    everything = headers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc"))
    assert everything[ident(elsewhere)].get("status") is None
    assert everything[ident(elsewhere)].findtext("oai:datestamp", namespaces=NS) == elsewhere_stamp
    # Made public again: the records come back, with a newer datestamp again.
    PageViewRestriction.objects.get(page=world.inst_a).delete()
    log = PageLogEntry.objects.get(
        page_id=world.inst_a.pk, action="wagtail.view_restriction.delete"
    )
    found = headers(
        oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": stamp(log.timestamp)})
    )
    assert {ident(r) for r in below} <= set(found)
    assert all(found[ident(r)].get("status") is None for r in below)


def test_a_record_deleted_outright_stays_a_deleted_header(oai, world, make_record):
    record = record_release(user=world.editor_a, record=make_record(title="To delete"))
    identifier = ident(record)
    DeletePageAction(record, user=world.admin).execute(skip_permission_checks=True)
    root = oai(verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    header = root.find(".//oai:header", NS)
    assert header.get("status") == "deleted"
    assert header.find("oai:setSpec", NS) is None
    assert identifier in headers(oai(verb="ListIdentifiers", metadataPrefix="lom"))


def test_the_backfill_gives_released_records_their_items(world, make_record):
    released = record_release(user=world.editor_a, record=make_record(title="Old"))
    make_record(title="Never released")
    OaiItem.objects.all().delete()  # as before the table existed
    migration = importlib.import_module("resource_hub.interop.migrations.0002_oai_item_backfill")
    migration.backfill(apps, None)
    (item,) = OaiItem.objects.all()
    assert item.record_id == released.pk
    released.refresh_from_db()
    assert item.datestamp >= released.last_published_at
