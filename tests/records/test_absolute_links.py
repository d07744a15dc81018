"""Every absolute link starts with SITE_BASE_URL: citations, share link, JSON-LD, Open Graph,
exports and the moderation e-mails (issue 11, item 8)."""

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from resource_hub.portal.services import site_bootstrap
from resource_hub.records.services import record_submit

from .record_page_helpers import full_record
from .test_record_page import parse

BASE = "https://hub.example.org"


@pytest.fixture
def hub(settings, world):
    """The site served at BASE, as `bootstrap_site` leaves it after SITE_BASE_URL changed."""
    settings.SITE_BASE_URL = settings.WAGTAILADMIN_BASE_URL = BASE
    site_bootstrap()
    return world


def links_in(text: str) -> set[str]:
    return set(re.findall(r"https?://[^\s\"'<>}]+", text))


def test_record_page_links_start_with_the_site_base_url(client, hub, postgres_db):
    record = full_record(hub, files=[("lesson.pdf", b"%PDF-1.4 tiny")])
    expected = BASE + record.url
    stable = f"{BASE}/r/{record.pk}"

    # A request on another host name (a proxy, an IP address) does not change the links.
    page = parse(client.get(record.url, HTTP_HOST="127.0.0.1"))
    body = client.get(record.url).content.decode()

    assert record.get_full_url() == expected
    share = next(attrs for attrs in page.inputs if attrs.get("id") == "share-url")
    assert share["value"] == stable
    assert page.og["og:url"] == expected
    data = json.loads(page.json_ld[0])
    assert data["url"] == expected and data["@id"] == stable
    assert data["publisher"]["url"].startswith(f"{BASE}/")
    assert all(media["contentUrl"].startswith(f"{BASE}/") for media in data["associatedMedia"])
    cite = body[body.index('id="cite-heading"') :]
    assert cite[: cite.index("</section>")].count(stable) == 2  # APA and GB/T 7714
    assert "localhost" not in body and "127.0.0.1:8000" not in body


@pytest.mark.parametrize("export_format", ["bibtex", "ris", "csl-json", "dc-xml"])
def test_exports_carry_the_site_base_url(client, hub, postgres_db, export_format):
    record = full_record(hub)

    response = client.get(reverse("record_exports:export", args=[record.pk, export_format]))

    text = response.content.decode()
    assert f"{BASE}/r/{record.pk}" in text
    assert record.url not in text  # the page's address may change; /r/<id> stays
    assert not {link for link in links_in(text) if "localhost" in link or ":8000" in link}


def test_moderation_email_links_start_with_the_site_base_url(
    hub, postgres_db, django_capture_on_commit_callbacks
):
    hub.editor_a.email = "editor@example.org"
    hub.editor_a.save()
    record = full_record(hub, release=False)

    with django_capture_on_commit_callbacks(execute=True):  # e-mails go after commit
        record_submit(user=hub.teacher_a, record=record)

    sent = [message for message in mail.outbox if "editor@example.org" in message.to]
    assert sent, "the institution's editor is told a record waits for review"
    links = links_in(sent[0].body)
    assert links and all(link.startswith(f"{BASE}/") for link in links), links
    assert any(f"/desk/review/{record.pk}/" in link for link in links), links
