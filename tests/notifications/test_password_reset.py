"""A forgotten password: the link from the sign-in page, the e-mail in the person's
language with a link under SITE_BASE_URL that works once, no telling which addresses
have accounts, and a limit on how often; changing a password while signed in."""

import re
import socket

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from resource_hub.api import throttling
from resource_hub.notifications.passwords import PER_EMAIL_AN_HOUR
from resource_hub.notifications.services import preferences_update

from .conftest import BASE

NEW_PASSWORD = "rice paddies in the rain 2026"


@pytest.fixture(autouse=True)
def clock_in_the_middle_of_an_hour(monkeypatch):
    """The limits count in hourly windows: hold the clock away from an hour's edge."""
    monkeypatch.setattr(throttling, "_now", lambda: 1_800_000_000.0 + 1800)


def link_in(email) -> str:
    match = re.search(rf"{re.escape(BASE)}/\S+/accounts/reset/\S+/", email.body)
    assert match, email.body
    return match.group(0)


def ask(client, address: str, language: str = "en"):
    with translation.override(language):
        path = reverse("password_reset")
    return client.post(path, {"email": address})


def test_the_sign_in_page_links_to_a_new_password(client, db):
    response = client.get(reverse("login"))

    assert f'href="{reverse("password_reset")}"' in response.content.decode()
    page = client.get(reverse("password_reset"))
    assert page.status_code == 200
    assert "<h1>Forgot your password?</h1>" in page.content.decode()
    assert "desk/desk.css" in page.content.decode()  # the desk's look


def test_a_forgotten_password_is_replaced_through_the_link_once(client, people):
    teacher = people.teacher_a
    preferences_update(user=teacher, language="zh-hans", topics={})

    response = ask(client, teacher.email)

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    [email] = mail.outbox
    assert email.to == [teacher.email]
    assert email.subject == "[资源中心] 设置新密码"  # the language they chose for e-mails
    link = link_in(email)
    assert link.startswith(f"{BASE}/zh-hans/accounts/reset/")  # SITE_BASE_URL, their language
    assert teacher.username in email.body
    assert email.alternatives[0][1] == "text/html" and link in email.alternatives[0][0]

    path = link.removeprefix(BASE)
    form = client.get(path, follow=True)  # Django moves the token out of the address
    assert "new_password1" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done.status_code == 302
    assert done["Location"] == reverse("password_reset_complete")
    teacher.refresh_from_db()
    assert teacher.check_password(NEW_PASSWORD)
    signed_in = Client().post(
        reverse("login"), {"username": teacher.username, "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302  # the sign-in form takes it (a refusal is a 200)

    again = client.get(path, follow=True)
    assert "<h1>该链接已失效</h1>" in again.content.decode()


def test_without_a_chosen_language_the_email_speaks_the_page_language(client, people):
    ask(client, people.teacher_b.email, language="th")

    [email] = mail.outbox
    with translation.override("th"):
        assert email.subject == f"[{translation.gettext('Resource Hub')}] ตั้งรหัสผ่านใหม่"
    assert link_in(email).startswith(f"{BASE}/th/accounts/reset/")


def test_an_address_without_an_account_gets_the_same_answer_and_no_email(client, people):
    known = ask(client, people.teacher_a.email)
    unknown = ask(client, "nobody@example.org")

    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert [email.to for email in mail.outbox] == [[people.teacher_a.email]]


def test_a_long_address_is_counted_like_any_other(client, people):
    """The limit's key holds a digest, not the address: 140 characters still fit."""
    address = f"{'a' * 64}@{'b' * 63}.example.org"

    responses = [ask(client, address).status_code for _ in range(PER_EMAIL_AN_HOUR + 1)]

    assert responses == [302] * PER_EMAIL_AN_HOUR + [429]


def test_a_mail_server_that_refuses_changes_nothing_the_visitor_sees(
    client, people, settings, caplog
):
    """An error shown only for addresses with an account would tell which have one."""
    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5

    known = ask(client, people.teacher_a.email)
    unknown = ask(client, "nobody@example.org")

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("password_reset_done")
    assert [record.getMessage() for record in caplog.records if record.exc_info] == [
        f"the new-password e-mail to user {people.teacher_a.pk} was not sent"
    ]


def test_asking_too_often_is_refused_and_sends_nothing(client, people):
    address = people.teacher_a.email
    for _ in range(PER_EMAIL_AN_HOUR):
        assert ask(client, address).status_code == 302

    refused = ask(client, address.upper())  # the same address, however it is typed

    assert refused.status_code == 429
    assert "asked for too often" in refused.content.decode()
    assert len(mail.outbox) == PER_EMAIL_AN_HOUR
    # The limit is the address's: another person's request still goes.
    assert ask(client, people.teacher_b.email).status_code == 302
    assert len(mail.outbox) == PER_EMAIL_AN_HOUR + 1


def test_a_signed_in_person_changes_their_password(client, people):
    teacher = people.teacher_a
    teacher.set_password("old password of a teacher")
    teacher.save()
    client.force_login(teacher)
    home = client.get(reverse("desk:submissions"))
    assert f'href="{reverse("password_change")}"' in home.content.decode()  # account menu

    wrong = client.post(
        reverse("password_change"),
        {"old_password": "not it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert wrong.status_code == 200 and "desk-error" in wrong.content.decode()
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "old password of a teacher",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("password_change_done")
    teacher.refresh_from_db()
    assert teacher.check_password(NEW_PASSWORD)
    assert client.get(reverse("password_change_done")).status_code == 200  # still signed in


def test_changing_a_password_asks_to_sign_in_first(client, db):
    response = client.get(reverse("password_change"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("language", ["en", "zh-hans", "th"])
def test_every_password_page_is_in_the_visitor_language(client, people, language):
    with translation.override(language):
        paths = [
            reverse(name)
            for name in ("password_reset", "password_reset_done", "password_reset_complete")
        ]
        paths.append(reverse("password_reset_confirm", args=["MQ", "not-a-token"]))
        expected = translation.gettext("This link no longer works")

    pages = [client.get(path) for path in paths]

    assert [page.status_code for page in pages] == [200, 200, 200, 200]
    assert all(f'<html lang="{language}"' in page.content.decode() for page in pages)
    assert f"<h1>{expected}</h1>" in pages[3].content.decode()
