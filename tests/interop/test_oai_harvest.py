"""A real harvester from PyPI (oaipmh-scythe) harvests the live test server end to end."""

import time
from datetime import UTC, timedelta

import pytest
from django.db.models import Max
from django.utils import timezone
from oaipmh_scythe import Scythe

from resource_hub.interop.models import OaiItem
from resource_hub.records.models import AccessLevel, AchievementPage
from resource_hub.records.services import (
    record_release,
    record_unpublish,
    record_update_draft,
    record_withdraw,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_full_harvest_is_the_released_public_records(live_server, settings, world, make_record):
    settings.SITE_BASE_URL = live_server.url
    settings.OAI_PAGE_SIZE = 4  # several pages, so the harvester follows resumption tokens
    public = [
        record_release(user=world.editor_a, record=make_record(title=f"Lesson {n}"))
        for n in range(7)
    ]
    public.append(
        record_release(
            user=world.editor_b,
            record=make_record(
                title="Open achievement",
                author=world.teacher_b,
                institution=world.inst_b,
                record_class=AchievementPage,
            ),
        )
    )
    members = record_release(
        user=world.editor_a,
        record=make_record(title="Members lesson", access_level=AccessLevel.INSTITUTION),
    )
    make_record(title="Draft lesson")
    gone = record_unpublish(
        user=world.editor_a, record=record_release(user=world.editor_a, record=make_record())
    )
    host = live_server.url.split("://", 1)[1].split(":")[0]

    def ident(record):
        return f"oai:{host}:record/{record.pk}"

    with Scythe(f"{live_server.url}/oai") as scythe:
        assert scythe.identify().deletedRecord == "persistent"
        harvested = list(scythe.list_records(metadata_prefix="oai_dc"))
        live = {r.header.identifier: r for r in harvested if not r.deleted}
        deleted = {r.header.identifier for r in harvested if r.deleted}
        assert set(live) == {ident(record) for record in public}
        assert deleted == {ident(members), ident(gone)}
        assert {live[ident(r)].metadata["title"][0] for r in public} == {r.title for r in public}
        only_live = list(scythe.list_records(metadata_prefix="oai_dc", ignore_deleted=True))
        assert len(only_live) == len(public)


def test_an_incremental_harvest_gets_exactly_what_changed(live_server, settings, world,
                                                          make_record):  # fmt: skip
    """After releases, an edit and a withdrawal, `from=` gives exactly those records."""
    settings.SITE_BASE_URL = live_server.url
    settings.OAI_PAGE_SIZE = 2
    old = [
        record_release(user=world.editor_a, record=make_record(title=f"Old {n}")) for n in range(4)
    ]
    draft = make_record(title="New lesson")
    # The harvest starts in the second after every datestamp so far: wait for it to begin.
    last = OaiItem.objects.aggregate(last=Max("datestamp"))["last"]
    since = last.replace(microsecond=0) + timedelta(seconds=1)
    while timezone.now() < since:
        time.sleep(0.05)
    released = record_release(user=world.editor_a, record=draft)
    record_update_draft(user=world.editor_a, record=old[0], title="Old 0, corrected")
    edited = record_release(user=world.editor_a, record=old[0])
    withdrawn = record_withdraw(user=world.editor_a, record=old[1], reason="Wrong file")
    host = live_server.url.split("://", 1)[1].split(":")[0]
    with Scythe(f"{live_server.url}/oai") as scythe:
        stamp = since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        harvested = list(scythe.list_records(from_=stamp, metadata_prefix="oai_datacite"))
    found = {r.header.identifier: r.deleted for r in harvested}
    assert found == {
        f"oai:{host}:record/{released.pk}": False,
        f"oai:{host}:record/{edited.pk}": False,
        f"oai:{host}:record/{withdrawn.pk}": True,
    }
