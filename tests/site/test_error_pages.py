"""Friendly error pages (issue 14, part 7): with DEBUG off, a missing page is the site's
styled 404 in the visitor's language, and a fault is a 500 page that needs neither the
request's context processors nor the database."""

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error


@pytest.fixture
def production_like(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]


def test_a_missing_page_is_the_site_404_in_english(client, world, production_like):
    response = client.get("/en/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert '<html lang="en"' in html
    assert "<h1>Page not found</h1>" in html
    assert "css/site.css" in html and '<footer class="site-footer">' in html  # the layout
    assert f'action="{reverse("search")}"' in html  # a way on
    assert f'href="{reverse("browse_collections")}"' in html


def test_a_missing_page_under_zh_hans_is_chinese(client, world, production_like):
    response = client.get("/zh-hans/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="zh-hans"' in html
    assert "<h1>页面不存在</h1>" in html
    assert "Page not found" not in html
    with translation.override("zh-hans"):
        assert f'href="{reverse("wagtail_serve", args=[""])}"' in html


def test_a_missing_collection_is_a_404_too(client, world, production_like):
    response = client.get(world.inst_a.url + "no-such-collection/")

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


@pytest.mark.urls("tests.site.error_urls")
@pytest.mark.parametrize(
    ("prefix", "language", "home_link"),
    [("en", "en", "Go to the home page"), ("zh-hans", "zh-hans", "返回首页")],
)
def test_a_fault_is_the_friendly_500_page_in_the_visitor_language(
    db, production_like, prefix, language, home_link
):
    client = Client(raise_request_exception=False)

    response = client.get(f"/{prefix}/broken/")

    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}"' in html
    assert "css/site.css" in html
    assert home_link in html  # the interface's words, in the visitor's language
    with translation.override(language):
        title = translation.gettext("Something went wrong on our side")
    assert f"<h1>{title}</h1>" in html


def test_the_500_page_needs_neither_the_database_nor_context_processors(settings):
    settings.DEBUG = False

    def refuse(execute, sql, params, many, context):
        raise AssertionError(f"the 500 page queried the database: {sql}")

    request = RequestFactory().get("/en/broken/")  # no user, no session, no nonce
    with translation.override("zh-hans"), connection.execute_wrapper(refuse):
        response = server_error(request)

    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="zh-hans"' in html
    assert 'href="/zh-hans/"' in html and "返回首页" in html  # in the visitor's language


@pytest.mark.parametrize("path", ["/", "/en/", "/robots.txt", "/oai?verb=Identify"])
def test_a_host_name_the_site_does_not_serve_is_a_plain_400(db, production_like, path):
    """Scanners send any Host header: the answer is a 400, never the 500 it once was
    (the site's layout builds absolute links from the host Django refuses to read)."""
    client = Client(HTTP_HOST="attacker.example", raise_request_exception=False)

    response = client.get(path)

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "This site does not answer to that host name."
    assert "attacker.example" not in response.content.decode()


def test_a_refused_host_is_logged_as_one_warning_line_without_a_traceback(
    db, production_like, caplog
):
    """Not Django's ERROR with a traceback for every scanner's request."""
    client = Client(HTTP_HOST="attacker.example", raise_request_exception=False)

    with caplog.at_level("INFO", logger="django.security.DisallowedHost"):
        client.get("/en/")

    (record,) = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert record.levelname == "WARNING"
    assert record.exc_info is None and record.exc_text is None
    assert "Invalid HTTP_HOST header: 'attacker.example'" in record.getMessage()
    assert not [r for r in caplog.records if r.levelno >= 40]  # nothing at ERROR


def test_the_api_answers_a_host_it_does_not_serve_with_its_json_error(db, production_like):
    client = Client(HTTP_HOST="attacker.example", raise_request_exception=False)

    response = client.get("/api/v1/records")

    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "code": "invalid_host",
            "message": "This site does not answer to that host name.",
        }
    }


@pytest.mark.urls("tests.site.error_urls")
def test_another_suspicious_request_still_gets_the_site_400_page(db, production_like):
    client = Client(raise_request_exception=False)

    response = client.get("/en/suspicious/")

    html = response.content.decode()
    assert response.status_code == 400
    assert "400.html" in [t.name for t in response.templates]
    assert "<h1>This address cannot be used</h1>" in html
    assert "css/site.css" in html  # the layout
