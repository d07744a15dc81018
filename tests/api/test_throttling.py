"""Rate limits: per token, per anonymous address, 429 with Retry-After (issue 12)."""

import pytest
from django.test import Client
from wagtail.models import APIToken


@pytest.fixture
def limits(settings, db, monkeypatch):
    settings.API_THROTTLE_ANONYMOUS = "3/m"
    settings.API_THROTTLE_USER = "5/m"
    # Every request of a test in one window: a minute's edge between two of them
    # would start a new window and let the last request through.
    monkeypatch.setattr("resource_hub.api.throttling._now", lambda: 60 * 29_000_000 + 1)


def vocabulary(client, **headers):
    return client.get("/api/v1/search/suggest?q=ri", **headers)


def token_of(user) -> str:
    return APIToken.create_token(user=user, name="script")[1]


def test_an_anonymous_address_is_limited_with_retry_after(limits, es_client):
    client = Client(REMOTE_ADDR="203.0.113.7")
    assert [vocabulary(client).status_code for _ in range(3)] == [200, 200, 200]

    refused = vocabulary(client)

    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "throttled"
    assert 1 <= int(refused["Retry-After"]) <= 60
    # another address has its own allowance
    assert vocabulary(Client(REMOTE_ADDR="203.0.113.8")).status_code == 200


def test_each_token_has_its_own_allowance(limits, world, es_client):
    first = {"HTTP_AUTHORIZATION": f"Bearer {token_of(world.teacher_a)}"}
    second = {"HTTP_AUTHORIZATION": f"Bearer {token_of(world.editor_a)}"}
    client = Client(REMOTE_ADDR="203.0.113.9")
    assert [vocabulary(client, **first).status_code for _ in range(5)] == [200] * 5
    assert vocabulary(client, **first).status_code == 429
    assert vocabulary(client, **second).status_code == 200  # same address, other token
    # a signed-in caller is not counted against the address's anonymous allowance
    assert vocabulary(client).status_code == 200


def test_an_empty_rate_turns_the_limit_off(settings, db, es_client):
    settings.API_THROTTLE_ANONYMOUS = ""
    client = Client(REMOTE_ADDR="203.0.113.10")
    assert {vocabulary(client).status_code for _ in range(30)} == {200}


def test_a_window_counts_up_and_a_new_window_starts_again(db):
    from resource_hub.api.throttling import count_request

    minute = 60 * 29_000_000  # the start of some minute
    assert count_request("address:192.0.2.1", window_seconds=60, now=minute + 1) == (1, 59)
    assert count_request("address:192.0.2.1", window_seconds=60, now=minute + 50) == (2, 10)
    assert count_request("address:192.0.2.2", window_seconds=60, now=minute + 50) == (1, 10)
    assert count_request("address:192.0.2.1", window_seconds=60, now=minute + 61) == (1, 59)


def test_one_query_counts_a_request(settings, db, django_assert_num_queries):
    from resource_hub.api.throttling import count_request

    with django_assert_num_queries(1):
        count_request("token:7", window_seconds=60)


def test_the_counts_write_no_log_on_postgresql(db):
    """Each request's count commits without waiting for the write-ahead log (migration 0003)."""
    from django.db import connection

    from resource_hub.api.models import RateWindow

    if connection.vendor != "postgresql":
        pytest.fail("the suite runs on PostgreSQL (make test starts it)")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relpersistence FROM pg_class WHERE relname = %s",
            [RateWindow._meta.db_table],
        )
        assert cursor.fetchone() == ("u",)  # unlogged


def test_rows_of_ended_windows_are_deleted_and_no_count_changes(db):
    """One row per caller ever seen would grow without end: ended windows are deleted."""
    from resource_hub.api.models import RateWindow
    from resource_hub.api.throttling import count_request, prune_ended_windows

    hour = 3600 * 8_000_000  # the start of some hour (and of a minute)
    count_request("address:192.0.2.1", window_seconds=60, now=hour + 1)
    assert count_request("address:192.0.2.1", window_seconds=60, now=hour + 2) == (2, 58)
    count_request("password:digest", window_seconds=3600, now=hour + 1)

    assert prune_ended_windows(now=hour + 59) == 0  # both windows still running
    assert prune_ended_windows(now=hour + 61) == 1  # the minute has ended, the hour not

    assert list(RateWindow.objects.values_list("key", flat=True)) == ["password:digest"]
    # The hour's count goes on; the minute's caller starts again at one, as it would have.
    assert count_request("password:digest", window_seconds=3600, now=hour + 62) == (2, 3538)
    assert count_request("address:192.0.2.1", window_seconds=60, now=hour + 62) == (1, 58)


def test_the_worker_clock_deletes_ended_windows_every_ten_minutes_at_most(db, monkeypatch):
    from resource_hub.api import throttling
    from resource_hub.api.models import RateWindow
    from resource_hub.core import clock

    assert throttling.prune_ended_windows_if_due in clock._jobs
    monkeypatch.setattr(throttling, "_pruned_at", None)
    throttling.count_request("address:192.0.2.2", window_seconds=60, now=60)  # long over

    assert throttling.prune_ended_windows_if_due() == 1
    throttling.count_request("address:192.0.2.2", window_seconds=60, now=60)
    assert throttling.prune_ended_windows_if_due() is None  # not due again yet
    assert RateWindow.objects.filter(key="address:192.0.2.2").exists()

    monkeypatch.setattr(throttling, "_pruned_at", throttling._pruned_at - throttling.PRUNE_INTERVAL)
    assert throttling.prune_ended_windows_if_due() == 1
