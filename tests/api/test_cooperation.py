"""Cooperation in the API (issue 18): parties through POST/PATCH /records, `cooperation` in
a record, and GET /institutions/{id}/cooperation through the access policy."""

import json

import pytest
from django.test import Client
from wagtail.models import APIToken

from resource_hub.records.models import AccessLevel, RecordPage, RecordParty
from resource_hub.records.services import record_release


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    settings.API_THROTTLE_ANONYMOUS = ""
    settings.API_THROTTLE_USER = ""


@pytest.fixture
def teacher(world):
    _row, token = APIToken.create_token(user=world.teacher_a, name="t")

    def call(method, url, body=None):
        data = json.dumps(body) if body is not None else ""
        return getattr(Client(), method)(
            url, data, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
        )

    return call


def agreement(world, **overrides) -> dict:
    return {
        "kind": "achievement",
        "institution": world.inst_a.pk,
        "title": "Agreement on joint rice research",
        "abstract": "Two institutions share their field stations.",
        "year": 2025,
        "language": "en",
        "resource_type": "achievement-cooperation-agreement",
        "licence": "CC-BY-4.0",
        "creators": [{"name": "Li Wei"}],
        "cross_border": True,
        "signed_on": "2025-09-20",
        "parties": [
            {"institution": world.inst_a.pk, "role": "lead"},
            {"institution": world.inst_b.pk},
        ],
        **overrides,
    }


def test_a_china_only_agreement_is_refused_with_the_message_and_nothing_is_made(world, teacher):
    before = RecordPage.objects.count()

    answer = teacher(
        "post", "/api/v1/records", agreement(world, parties=[{"institution": world.inst_a.pk}])
    )

    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["parameter"] == "parties"
    assert "at least one party from China and at least one from an ASEAN" in error["message"]
    assert RecordPage.objects.count() == before


def test_an_unknown_party_is_a_422_naming_parties(world, teacher):
    answer = teacher("post", "/api/v1/records", agreement(world, parties=[{"institution": 999999}]))
    assert answer.status_code == 422 and answer.json()["error"]["parameter"] == "parties"


def test_parties_are_made_and_shown_then_changed(world, teacher):
    made = teacher("post", "/api/v1/records", agreement(world))

    assert made.status_code == 201, made.content
    cooperation = made.json()["cooperation"]
    assert cooperation["cross_border"] is True and cooperation["signed_on"] == "2025-09-20"
    assert [p["institution"]["id"] for p in cooperation["parties"]] == [
        world.inst_a.pk,
        world.inst_b.pk,
    ]
    assert cooperation["parties"][0]["role"]["code"] == "lead"

    record_id = made.json()["id"]
    changed = teacher(
        "patch",
        f"/api/v1/records/{record_id}",
        {
            "parties": [
                {"institution": world.inst_b.pk, "role": "lead"},
                {"institution": world.inst_a.pk},
            ]
        },
    )
    assert changed.status_code == 200, changed.content
    assert [p["institution"]["id"] for p in changed.json()["cooperation"]["parties"]] == [
        world.inst_b.pk,
        world.inst_a.pk,
    ]
    refused = teacher(
        "patch", f"/api/v1/records/{record_id}", {"parties": [{"institution": world.inst_a.pk}]}
    )
    assert refused.status_code == 422


def test_a_material_has_no_parties(world, teacher):
    answer = teacher(
        "post",
        "/api/v1/records",
        agreement(world, kind="material", resource_type="material-lesson-plan"),
    )
    assert answer.status_code == 400 and answer.json()["error"]["parameter"] in {
        "cross_border",
        "signed_on",
        "parties",
    }


def test_an_institutions_cooperation_follows_the_access_policy(client, world, make_cooperation):
    public = make_cooperation(title="Public agreement")
    members = make_cooperation(title="Members' agreement", access_level=AccessLevel.REGISTERED)
    make_cooperation(title="Draft agreement")
    for record in (public, members):
        record_release(user=world.editor_a, record=record)

    anonymous = client.get(f"/api/v1/institutions/{world.inst_b.pk}/cooperation").json()
    assert [item["record"]["title"] for item in anonymous["results"]] == ["Public agreement"]
    item = anonymous["results"][0]
    assert item["role"]["code"] == "party" and item["resource_type"]["code"].endswith("agreement")
    assert item["cooperation"]["status"]["code"] == "in_force"

    client.force_login(world.teacher_b)
    signed_in = client.get(f"/api/v1/institutions/{world.inst_b.pk}/cooperation").json()
    assert sorted(item["record"]["title"] for item in signed_in["results"]) == [
        "Members' agreement",
        "Public agreement",
    ]
    # The draft names B too, and is listed to no one here.
    assert RecordParty.objects.filter(institution=world.inst_b).count() == 3


def test_an_unknown_institution_is_a_404(client, db):
    assert client.get("/api/v1/institutions/999999/cooperation").status_code == 404
