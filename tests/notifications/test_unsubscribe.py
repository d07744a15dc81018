"""Each e-mail's unsubscribe link (signed, one topic) and the settings page in the desk."""

import pytest
from django.urls import reverse

from resource_hub.notifications.models import EmailPreferences
from resource_hub.records.services import record_submit

from .conftest import client_of, local_path


@pytest.fixture
def review_mail(people, make_record, outbox):
    """The review request editor A received, and the record."""
    record = make_record(title="Rice in Yunnan")
    with outbox() as sent:
        record_submit(user=people.teacher_a, record=record)
    (message,) = sent
    return message


def unsubscribe_link(message) -> str:
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<") and header.endswith(">")
    link = header[1:-1]
    assert link in message.body and link in message.alternatives[0][0]
    return link


def test_the_link_asks_then_turns_the_topic_off(people, review_mail, client, make_record, outbox):
    path = local_path(unsubscribe_link(review_mail))
    assert review_mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Opening the link (as mail scanners do) changes nothing.
    page = client.get(path)
    assert page.status_code == 200 and 'id="unsubscribe-confirm"' in page.content.decode()
    assert not EmailPreferences.objects.filter(user=people.editor_a).exists()

    # One click, without signing in (and without a CSRF token, as mail clients POST).
    done = client.post(path)
    assert done.status_code == 200 and 'id="unsubscribe-done"' in done.content.decode()
    preferences = EmailPreferences.objects.get(user=people.editor_a)
    assert preferences.review_requests is False
    assert preferences.review_outcomes and preferences.membership  # only that topic

    with outbox() as sent:
        record_submit(user=people.teacher_a, record=make_record(title="Another"))
    assert sent == []


@pytest.mark.parametrize("tamper", ["user", "topic", "signature"])
def test_a_tampered_link_is_refused(people, review_mail, client, tamper):
    path = local_path(unsubscribe_link(review_mail))
    token = path.rstrip("/").rsplit("/", 1)[-1]
    from django.core import signing

    payload, signature = token.rsplit(":", 1)
    data = signing.b64_decode(payload.encode()).decode()
    if tamper == "user":
        data = data.replace(str(people.editor_a.pk), str(people.teacher_a.pk))
    elif tamper == "topic":
        data = data.replace("review_requests", "membership")
    if tamper == "signature":
        forged = f"{payload}:{signature[:-2]}xx"
    else:
        forged = f"{signing.b64_encode(data.encode()).decode()}:{signature}"
    assert forged != token

    response = client.post(reverse("notifications:unsubscribe", args=[forged]))

    assert response.status_code == 400
    assert not EmailPreferences.objects.exists()


def test_the_settings_page_saves_language_and_topics(people):
    client = client_of(people.teacher_a)
    url = reverse("notifications:settings")
    assert client.get(url).status_code == 200

    response = client.post(url, {"language": "th", "review_outcomes": "on"})

    assert response.status_code == 302
    preferences = EmailPreferences.objects.get(user=people.teacher_a)
    assert preferences.language == "th"
    assert preferences.review_outcomes and not preferences.membership
    assert not preferences.review_requests
    page = client.get(url).content.decode()
    assert 'value="th" selected' in page


def test_the_settings_page_asks_to_sign_in(client):
    response = client.get(reverse("notifications:settings"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_unknown_language_is_refused(people):
    client = client_of(people.teacher_a)
    response = client.post(reverse("notifications:settings"), {"language": "xx"})
    assert response.status_code == 400
    assert not EmailPreferences.objects.exists()
