"""What every API answer shares: one error shape, tokens or sessions, no Wagtail page API."""

import pytest
from wagtail.models import APIToken


@pytest.fixture
def token(world):
    return APIToken.create_token(user=world.teacher_a, name="script")[1]


def error_of(response) -> dict:
    assert response["Content-Type"].startswith("application/json")
    assert response["Cache-Control"] == "private, no-store"
    return response.json()["error"]


def test_wagtails_generic_page_api_is_not_mounted(client, db):
    assert client.get("/api/v2/pages/", follow=True).status_code == 404


@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_an_unknown_api_address_answers_the_apis_404(client, db, method):
    response = getattr(client, method)("/api/v1/no-such-thing/42")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Basic dXNlcjpwdw==", "Use: Authorization: Bearer <token>."),
        ("Bearer ", "Use: Authorization: Bearer <token>."),
        ("Bearer wagtail_notatoken", "This API token is unknown or no longer valid."),
    ],
)
def test_a_bad_authorization_header_is_refused_not_ignored(client, db, header, message):
    response = client.get("/api/v1/search", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert error_of(response) == {"code": "unauthenticated", "message": message}


def test_a_revoked_token_no_longer_works(client, world, token):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.get("/api/v1/uploads", **headers).status_code == 200
    APIToken.objects.filter(user=world.teacher_a).update(revoked_at="2026-01-01T00:00Z")
    assert client.get("/api/v1/uploads", **headers).status_code == 401


def test_a_token_acts_as_its_user(client, world, token):
    """The teacher's upload collections: exactly those of their own institution."""
    response = client.get("/api/v1/uploads/collections", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert [c["id"] for c in response.json()["collections"]] == [world.inst_a.collection_id]


def test_signed_in_endpoints_need_a_caller(client, db):
    response = client.get("/api/v1/uploads")
    assert response.status_code == 401
    assert error_of(response) == {
        "code": "unauthenticated",
        "message": "Sign in, or send an API token.",
    }


def test_a_wrong_query_value_names_its_parameter(client, db):
    response = client.get("/api/v1/search?year=%C2%B2")
    assert response.status_code == 400
    error = error_of(response)
    assert (error["code"], error["parameter"]) == ("invalid_parameter", "year")
