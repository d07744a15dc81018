"""The demo's cooperation records (issue 18): cross-border agreements, an alliance whose
members joined over time, a centre and a training base, released public through the
services, so the network page and the institutions' Cooperation sections have content."""

import pytest

from resource_hub.access.records import is_public
from resource_hub.demo.cooperation import ROWS
from resource_hub.demo.loader import load_demo
from resource_hub.network.selectors import network
from resource_hub.records.models import AchievementPage


@pytest.mark.django_db
def test_the_demo_loads_its_cooperation_once(s3_storage):
    load_demo(records=1)

    records = {r.slug: r for r in AchievementPage.objects.filter(slug__in=[r.slug for r in ROWS])}
    assert len(records) == len(ROWS)
    assert all(is_public(record) and record.cross_border for record in records.values())
    kinds = {record.resource_type_id for record in records.values()}
    assert {"achievement-alliance", "achievement-centre", "achievement-training-base"} <= kinds
    alliance = records["cooperation-lancang-mekong-alliance"]
    joined = {party.joined for party in alliance.parties.all()}
    assert len(joined) >= 3  # members joined over time
    assert any(party.left for party in alliance.parties.all())

    found = network(filters={})
    assert found.cooperation_records >= len(ROWS) and len(found.countries) >= 7

    again = load_demo(records=1)
    assert again.records_created == 0
