"""Every party's institution page lists its cooperation, as the access policy lets the viewer
see it (issue 18)."""

import datetime

import pytest

from resource_hub.portal.selectors import institution_cooperation
from resource_hub.records.cooperation import Status
from resource_hub.records.models import AccessLevel
from resource_hub.records.services import record_release


@pytest.fixture
def agreements(world, make_cooperation):
    public = make_cooperation(title="Public agreement on teacher exchange")
    members = make_cooperation(
        title="Members-only alliance charter",
        kind="achievement-alliance",
        access_level=AccessLevel.REGISTERED,
        ends_on=datetime.date(2025, 6, 30),
        parties=[
            {"institution": world.inst_a, "role": "lead", "joined": datetime.date(2024, 9, 20)},
            {"institution": world.inst_b, "role": "member", "joined": datetime.date(2025, 1, 10)},
        ],
    )
    draft = make_cooperation(
        title="Draft training base agreement", kind="achievement-training-base"
    )
    for record in (public, members):
        record_release(user=world.editor_a, record=record)
    return {"public": public, "members": members, "draft": draft}


def test_the_partner_page_lists_what_an_anonymous_visitor_may_see(client, world, agreements):
    html = client.get(world.inst_b.url).content.decode()

    section = html.split('id="cooperation-title"', 1)[1].split("</section>", 1)[0]
    assert "Public agreement on teacher exchange" in section
    assert "Cooperation agreement" in section and "In force" in section
    assert world.inst_a.title in section  # the other party
    assert "Members-only alliance charter" not in section
    assert "Draft training base agreement" not in html


def test_a_signed_in_viewer_sees_the_members_only_alliance_with_its_dates(
    client, world, agreements
):
    client.force_login(world.teacher_b)
    html = client.get(world.inst_b.url).content.decode()

    section = html.split('id="cooperation-title"', 1)[1].split("</section>", 1)[0]
    assert "Members-only alliance charter" in section
    assert "Expired" in section  # ended 30 June 2025
    assert "joined" in section
    assert "Draft training base agreement" not in section


def test_the_selector_asks_the_policy_and_gives_each_party_its_role(world, agreements):
    anonymous = institution_cooperation(None, world.inst_b)
    assert [entry.record.pk for entry in anonymous] == [agreements["public"].pk]

    signed_in = institution_cooperation(world.teacher_b, world.inst_b)
    by_title = {entry.record.title: entry for entry in signed_in}
    alliance = by_title["Members-only alliance charter"]
    assert alliance.party.role == "member" and alliance.party.joined == datetime.date(2025, 1, 10)
    assert alliance.status == Status.EXPIRED
    assert [p.institution_id for p in alliance.parties] == [world.inst_a.pk, world.inst_b.pk]


def test_an_institution_party_to_nothing_shows_no_section(client, world, make_record):
    html = client.get(world.inst_b.url).content.decode()
    assert 'id="cooperation-title"' not in html


def test_the_holders_own_agreement_without_parties_is_listed_on_its_page(
    client, world, make_cooperation
):
    record = make_cooperation(title="An agreement not yet detailed", parties=[], cross_border=False)
    record_release(user=world.editor_a, record=record)

    html = client.get(world.inst_a.url).content.decode()
    section = html.split('id="cooperation-title"', 1)[1].split("</section>", 1)[0]
    assert "An agreement not yet detailed" in section
    assert 'id="cooperation-title"' not in client.get(world.inst_b.url).content.decode()
