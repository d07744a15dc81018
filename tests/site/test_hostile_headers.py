"""Hostile request headers never get a 5xx, on every kind of surface.

The query-parameter fuzzing (tests/fuzz) sends clean headers; scanners and
broken clients do not. Each header value below once broke a Django site
somewhere (a forged Host did break ours: the 400 page's layout read it and
failed, so every such request was a 500). With DEBUG off, as in production.
"""

import pytest
from django.test import Client
from django.urls import reverse

HOSTILE = {
    "HTTP_HOST": [
        "attacker.example",
        "testserver:99999999",
        "testserver:abc",
        "testserver.",
        "[::1",
        "testserver:",
        "test server",
        "",
    ],
    "HTTP_ACCEPT_LANGUAGE": [
        "\x00",
        "zh-hans;q=abc",
        "a" * 5000,
        "*",
        "zz-ZZ",
        "zh-Hant-TW",
        "en;q=1e999",
        ",,,,",
    ],
    "HTTP_COOKIE": [
        "sessionid=\x00",
        "sessionid=" + "a" * 5000,
        'sessionid="unterminated',
        "django_language=\x00",
        "django_language=zz",
        "csrftoken=\x00x",
        "sessionid=abc; sessionid=def",
        "=; ;=;",
    ],
    "HTTP_X_FORWARDED_FOR": ["garbage", "1.2.3.4, , ,", "::::", "\x00", "999.999.999.999"],
    "HTTP_X_FORWARDED_PROTO": ["gopher", "\x00"],
    "HTTP_IF_MODIFIED_SINCE": ["garbage", "Mon, 99 Foo 99999 99:99:99 GMT"],
    "HTTP_IF_NONE_MATCH": ["\x00", "*", 'W/"'],
    "HTTP_RANGE": ["bytes=abc", "bytes=-"],
    "HTTP_USER_AGENT": ["\x00", "x" * 20000, ""],
    "HTTP_AUTHORIZATION": [
        "Bearer \x00",
        "Bearer " + "a" * 10000,
        "Basic zzz",
        "Token",
        "Bearer",
        "Bearer a.b.c",
        "\x00",
    ],
    "HTTP_ACCEPT": ["\x00", "application/json;q=x", "*/*;q=999999999999999999999"],
    "HTTP_ACCEPT_ENCODING": ["\x00", "gzip;q=abc"],
}


@pytest.fixture
def surfaces(released_with_file, settings):
    """One address of each kind: page, search, API, OAI-PMH, file, crawler file, admin."""
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    record, document = released_with_file()
    download = reverse("files:download", args=[document.pk])
    return [
        "/",
        "/en/",
        f"{reverse('search')}?q=rice",
        "/api/v1/records",
        "/oai?verb=Identify",
        f"{download}?record={record.pk}",
        "/robots.txt",
        "/admin/login/",
    ]


@pytest.mark.parametrize("header", HOSTILE, ids=[name[5:].lower() for name in HOSTILE])
def test_a_hostile_header_is_never_a_server_error(surfaces, header):
    client = Client(raise_request_exception=False)

    errors = [
        (value[:40], path, status)
        for value in HOSTILE[header]
        for path in surfaces
        if (status := client.get(path, **{header: value}).status_code) >= 500
    ]

    assert errors == []
