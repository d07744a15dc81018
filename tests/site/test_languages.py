"""Language-prefixed addresses, the redirect from `/`, the switcher and hreflang alternates."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from .conftest import LANGUAGE_CODES


def home_url(language):
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_language_has_its_own_prefixed_home_page(client, world, language):
    url = home_url(language)

    response = client.get(url)

    assert url == f"/{language}/"
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.parametrize(
    ("accept", "language"),
    [("th,en;q=0.5", "th"), ("zh-CN,zh;q=0.9", "zh-hans"), ("", "en"), ("fr-FR", "en")],
)
def test_the_bare_root_redirects_to_the_visitors_language(client, world, accept, language):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)

    assert response.status_code == 302
    assert response["Location"] == home_url(language)


def test_page_urls_and_search_follow_the_active_language(world):
    with translation.override("th"):
        institution_url = world.inst_a.get_url()
        search_url = reverse("search")
    with translation.override("zh-hans"):
        chinese_url = world.inst_a.get_url()

    assert institution_url.startswith("/th/")
    assert search_url.startswith("/th/")
    assert chinese_url == institution_url.replace("/th/", "/zh-hans/", 1)


def test_search_page_is_served_under_a_prefix(client, db):
    with translation.override("vi"):
        url = reverse("search")

    response = client.get(url)

    assert response.status_code == 200
    assert '<html lang="vi"' in response.content.decode()


def test_machine_addresses_stay_unprefixed(client, db):
    assert not reverse("healthz").startswith(("/en/", "/th/"))
    # Not redirected to a language prefix: answered by the health view itself,
    # 200 because the test database and the default storage both answer.
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["checks"]["database"]["status"] == "ok"


def test_the_switcher_keeps_the_page_and_its_query(client, world):
    with translation.override("th"):
        url = reverse("browse_institutions")
    html = client.get(url, {"country": "CN"}).content.decode()

    with translation.override("zh-hans"):
        chinese = reverse("browse_institutions")
    assert f'href="{chinese}?country=CN" hreflang="zh-hans" lang="zh-hans"' in html
    # The switcher is made of plain links: it works without JavaScript.
    assert "<script" not in html


def test_every_language_is_offered_as_an_hreflang_alternate(client, world):
    html = client.get(world.inst_a.url).content.decode()

    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert set(alternates) == {*LANGUAGE_CODES, "x-default"}
    with translation.override("km"):
        assert alternates["km"] == "http://testserver" + world.inst_a.get_url()
    assert alternates["x-default"] == alternates["en"]


def test_a_page_renders_in_chinese(client, world, released):
    record = released(title="Rice in Yunnan")
    with translation.override("zh-hans"):
        url = world.inst_a.get_url()

    html = client.get(url).content.decode()

    assert '<html lang="zh-hans"' in html
    assert "中国" in html  # the country, from the vocabulary's Chinese label
    # Dates are written the Chinese way (Django's zh_Hans formats).
    published = record.first_published_at
    assert f"{published.year}年{published.month}月{published.day}日" in html


def test_unprefixed_views_keep_their_own_not_found(client, db):
    """A missing file or API object is a 404, not a redirect to a language's page."""
    response = client.get(reverse("files:download", args=[424242]))

    assert response.status_code == 404


def test_the_language_read_in_is_remembered_for_the_bare_root(client, world):
    first = client.get(home_url("th"), HTTP_ACCEPT_LANGUAGE="en")
    assert first.cookies["django_language"].value == "th"

    later = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert later["Location"] == home_url("th")
    assert "django_language" not in client.get(home_url("th")).cookies  # set once, not each time
