import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

BASE = "https://hub.example.org"


@pytest.fixture
def people(world, settings):
    """The world's people with e-mail addresses, the site at BASE."""
    from resource_hub.portal.services import site_bootstrap

    settings.SITE_BASE_URL = settings.WAGTAILADMIN_BASE_URL = BASE
    site_bootstrap()
    for name in ["teacher_a", "member_a", "editor_a", "teacher_b", "editor_b", "admin"]:
        user = getattr(world, name)
        user.email = f"{user.username}@example.org"
        user.save(update_fields=["email"])
    return world


@pytest.fixture
def outbox(django_capture_on_commit_callbacks):
    """Run what the code does "after commit" (queue the e-mails) and hand over the outbox.

    Use as `with outbox() as sent:`; `sent` lists the e-mails sent inside the block.
    """
    from contextlib import contextmanager

    @contextmanager
    def capture():
        before = len(mail.outbox)
        sent = []
        with django_capture_on_commit_callbacks(execute=True):
            yield sent
        sent.extend(mail.outbox[before:])

    return capture


def to(sent, user) -> list:
    return [message for message in sent if user.email in message.to]


def translated(language: str, msgid: str, **values) -> str:
    """`msgid` as gettext gives it in `language` (the catalogue's text, or the msgid itself)."""
    with translation.override(language):
        text = translation.gettext(msgid)
    return text % values if values else text


def local_path(url: str) -> str:
    assert url.startswith(BASE + "/"), url
    return url.removeprefix(BASE)


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
