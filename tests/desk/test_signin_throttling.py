"""Sign-in throttling (django-axes): lockout per user name and per address on both
sign-in pages, the administrator's unlock screen, and the client address behind a proxy."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client, RequestFactory
from django.urls import reverse

from resource_hub.core.client_address import client_ip_address

LIMIT = 3
WRONG = "not-the-password"
MESSAGE = "Too many failed sign-in attempts. Try again in 15 minutes."


@pytest.fixture(autouse=True)
def throttling(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    settings.TRUSTED_PROXY_COUNT = 0
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"


@pytest.fixture(params=["login", "wagtailadmin_login"], ids=["site", "admin"])
def signin_url(request):
    return reverse(request.param)


def sign_in(client, url, username, password=WRONG, address="198.51.100.1", **headers):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_right_password_is_refused_after_the_failure_limit(postgres_db, world, signin_url):
    client = Client()
    for _attempt in range(LIMIT - 1):
        response = sign_in(client, signin_url, "teacher_a")
        assert response.status_code == 200
        assert MESSAGE not in response.content.decode()

    locking = sign_in(client, signin_url, "teacher_a")
    assert locking.status_code == 429
    assert MESSAGE in locking.content.decode()

    refused = sign_in(client, signin_url, "teacher_a", password="pw")
    body = refused.content.decode()
    assert refused.status_code == 429
    assert refused["Retry-After"] == "900"
    assert MESSAGE in body
    # The page people know, not a bare error: the form again, with the user name kept.
    assert 'name="password"' in body and 'value="teacher_a"' in body
    assert "didn" not in body  # not "your user name and password didn't match"
    assert not signed_in(client)


def test_the_lockout_page_looks_like_the_sign_in_page_it_replaces(postgres_db, world):
    site = [sign_in(Client(), reverse("login"), "teacher_a") for _ in range(LIMIT)][-1]
    admin = [sign_in(Client(), reverse("wagtailadmin_login"), "teacher_b") for _ in range(LIMIT)][
        -1
    ]

    assert "registration/login.html" in [t.name for t in site.templates]
    assert 'id="desk-login-form"' in site.content.decode()
    assert "wagtailadmin/login.html" in [t.name for t in admin.templates]
    assert 'class="login-form"' in admin.content.decode()


def test_a_user_name_is_locked_whatever_the_address(postgres_db, world):
    url = reverse("login")
    for number in range(LIMIT):
        sign_in(Client(), url, "teacher_a", address=f"198.51.100.{number + 1}")

    response = sign_in(Client(), url, "teacher_a", password="pw", address="192.0.2.50")

    assert response.status_code == 429
    assert MESSAGE in response.content.decode()


def test_an_address_is_locked_whatever_the_user_name(postgres_db, world):
    url = reverse("login")
    for name in ("nobody", "somebody", "anybody")[:LIMIT]:
        sign_in(Client(), url, name, address="198.51.100.9")

    same_address = Client()
    refused = sign_in(same_address, url, "teacher_b", password="pw", address="198.51.100.9")
    elsewhere = Client()
    allowed = sign_in(elsewhere, url, "teacher_b", password="pw", address="192.0.2.10")

    assert refused.status_code == 429 and not signed_in(same_address)
    assert allowed.status_code == 302 and signed_in(elsewhere)


def test_signing_in_clears_earlier_failures(postgres_db, world):
    url = reverse("login")
    for _attempt in range(LIMIT - 1):
        sign_in(Client(), url, "teacher_a")

    assert sign_in(Client(), url, "teacher_a", password="pw").status_code == 302
    assert not AccessAttempt.objects.filter(username="teacher_a").exists()
    assert sign_in(Client(), url, "teacher_a").status_code == 200  # the count starts again


def test_signing_in_to_ones_own_account_does_not_clear_guesses_at_another(postgres_db, world):
    """Otherwise anyone with an account could guess others' passwords without end,
    signing in to their own between guesses."""
    url = reverse("login")
    attacker = "198.51.100.66"
    for _attempt in range(LIMIT - 1):
        sign_in(Client(), url, "teacher_a", address=attacker)
    assert sign_in(Client(), url, "teacher_b", password="pw", address=attacker).status_code == 302

    response = sign_in(Client(), url, "teacher_a", address=attacker)

    assert response.status_code == 429
    assert (
        sign_in(Client(), url, "teacher_a", password="pw", address="192.0.2.1").status_code == 429
    )


def test_without_a_cool_off_the_message_sends_people_to_an_administrator(
    postgres_db, world, settings
):
    settings.AXES_COOLOFF_TIME = None
    for _attempt in range(LIMIT):
        response = sign_in(Client(), reverse("login"), "teacher_a")

    assert response.status_code == 429
    assert "Ask an administrator to unlock sign-in for you." in response.content.decode()
    assert "Retry-After" not in response


def test_the_administrator_sees_the_lockout_and_unlocks_it(postgres_db, world):
    url = reverse("login")
    for _attempt in range(LIMIT):
        sign_in(Client(), url, "teacher_a", address="198.51.100.7")
    admin = Client()
    admin.force_login(world.admin)

    listing = admin.get(reverse("desk_signin_lockouts"))
    body = listing.content.decode()
    assert listing.status_code == 200
    assert "teacher_a" in body and "198.51.100.7" in body
    assert f"<td>{LIMIT}</td>" in body

    unlocked = admin.post(
        reverse("desk_signin_lockouts"), {"username": "teacher_a", "ip_address": "198.51.100.7"}
    )
    assert unlocked.status_code == 302
    after = admin.get(reverse("desk_signin_lockouts")).content.decode()
    assert "Nobody is locked out of signing in." in after
    assert "Sign-in is unlocked for teacher_a, 198.51.100.7." in after

    person = Client()
    assert (
        sign_in(person, url, "teacher_a", password="pw", address="198.51.100.7").status_code == 302
    )
    assert signed_in(person)


def test_the_unlock_screen_is_in_the_settings_menu_of_superusers_only(postgres_db, world):
    admin = Client()
    admin.force_login(world.admin)
    editor = Client()
    editor.force_login(world.editor_a)
    screen = reverse("desk_signin_lockouts")

    assert screen in admin.get(reverse("wagtailadmin_home")).content.decode()
    assert screen not in editor.get(reverse("wagtailadmin_home")).content.decode()


def test_a_non_superuser_can_neither_see_nor_unlock(postgres_db, world):
    for _attempt in range(LIMIT):
        sign_in(Client(), reverse("login"), "teacher_a", address="198.51.100.7")
    editor = Client()
    editor.force_login(world.editor_a)
    screen = reverse("desk_signin_lockouts")

    seen = editor.get(screen)
    tried = editor.post(screen, {"username": "teacher_a", "ip_address": "198.51.100.7"})

    # Wagtail's answer to a refused admin view: back to the dashboard with its message.
    assert seen.status_code == 302 and seen["Location"] == reverse("wagtailadmin_home")
    assert tried.status_code == 302 and tried["Location"] == reverse("wagtailadmin_home")
    assert AccessAttempt.objects.filter(username="teacher_a").exists()


def test_behind_one_proxy_the_forwarded_address_is_locked_not_the_proxys(
    postgres_db, world, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    url = reverse("login")
    proxy = "10.0.0.2"
    for name in ("nobody", "somebody", "anybody")[:LIMIT]:
        # Whatever the client puts in front, the proxy appends the address it saw.
        sign_in(Client(), url, name, address=proxy, HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.7")

    locked = sign_in(
        Client(), url, "teacher_b", password="pw", address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    neighbour = Client()
    allowed = sign_in(
        neighbour,
        url,
        "teacher_b",
        password="pw",
        address=proxy,
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
    assert locked.status_code == 429
    assert allowed.status_code == 302 and signed_in(neighbour)


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(postgres_db, world):
    url = reverse("login")
    for number in range(LIMIT):
        sign_in(
            Client(),
            url,
            f"guess{number}",
            address="198.51.100.3",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )

    response = sign_in(
        Client(),
        url,
        "teacher_b",
        password="pw",
        address="198.51.100.3",
        HTTP_X_FORWARDED_FOR="203.0.113.200",
    )

    assert response.status_code == 429


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "10.0.0.2"),
        (1, "192.0.2.1, 203.0.113.7", "203.0.113.7"),
        (2, "192.0.2.1, 203.0.113.7, 10.0.0.1", "203.0.113.7"),
        (2, "203.0.113.7", "10.0.0.2"),  # fewer entries than proxies: not through them all
        (1, "not-an-address", "10.0.0.2"),
        (1, "", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip_address(request) == expected
