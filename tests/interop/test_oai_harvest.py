"""A real harvester from PyPI (oaipmh-scythe) harvests the live test server end to end."""

import pytest
from oaipmh_scythe import Scythe

from resource_hub.records.models import AccessLevel, AchievementPage
from resource_hub.records.services import record_release, record_unpublish

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
