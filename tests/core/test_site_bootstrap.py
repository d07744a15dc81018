"""What `make run` sets up: the home page, the site at SITE_BASE_URL and an administrator."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from resource_hub.core.checks import site_matches_base_url
from resource_hub.core.models import HomePage

pytestmark = pytest.mark.django_db


def test_bootstrap_is_idempotent_and_replaces_the_placeholder_root(settings):
    settings.DEBUG = True  # the printed development password is allowed only in DEBUG
    call_command("bootstrap_site", verbosity=0)
    call_command("bootstrap_site", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert HomePage.objects.count() == 1
    assert Site.objects.count() == 1
    assert site.root_page.specific_class is HomePage
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page_id).exists()
    assert get_user_model().objects.filter(username="admin", is_superuser=True).count() == 1


def test_bootstrap_keeps_a_password_the_admin_changed(settings, capsys):
    settings.DEBUG = True
    call_command("bootstrap_site")
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("a-password-of-their-own")
    admin.save()

    call_command("bootstrap_site")

    admin.refresh_from_db()
    assert admin.check_password("a-password-of-their-own")
    assert "exists with a password you chose" in capsys.readouterr().out


def test_bootstrap_refuses_the_development_password_outside_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--admin-password"):
        call_command("bootstrap_site")

    assert not get_user_model().objects.exists()


def test_home_page_and_admin_login_are_served(client, settings):
    settings.DEBUG = True
    call_command("bootstrap_site", verbosity=0)

    home = client.get("/", follow=True)  # to the visitor's language, /en/
    login = client.get("/admin/login/")

    assert home.status_code == 200
    assert "<h1>Resource Hub</h1>" in home.content.decode()
    assert login.status_code == 200


def test_home_page_speaks_simplified_chinese(client, settings):
    settings.DEBUG = True
    call_command("bootstrap_site", verbosity=0)

    response = client.get("/", headers={"accept-language": "zh-hans"}, follow=True)

    assert response["Content-Language"] == "zh-hans"
    assert "<h1>资源中心</h1>" in response.content.decode()


def test_the_site_takes_its_hostname_and_port_from_site_base_url(settings, capsys):
    settings.DEBUG = True
    settings.SITE_BASE_URL = "https://hub.example.org"
    call_command("bootstrap_site")

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "hub.example.org",
        443,
        "https://hub.example.org",
    )
    assert "Site address: https://hub.example.org" in capsys.readouterr().out
    assert HomePage.objects.get().get_full_url() == "https://hub.example.org/en/"


def test_bootstrap_moves_an_existing_site_to_a_new_address(settings):
    settings.DEBUG = True
    call_command("bootstrap_site", verbosity=0)
    Site.objects.update(hostname="localhost", port=80)  # as Wagtail's first migration left it
    settings.SITE_BASE_URL = "http://127.0.0.1:8765"

    call_command("bootstrap_site", verbosity=0)

    site = Site.objects.get()
    assert site.root_url == "http://127.0.0.1:8765"
    assert site.root_page.specific_class is HomePage


def test_a_check_warns_when_the_site_disagrees_with_site_base_url(settings):
    settings.DEBUG = True
    settings.SITE_BASE_URL = "http://127.0.0.1:8765"
    call_command("bootstrap_site", verbosity=0)
    assert site_matches_base_url(databases=["default"]) == []

    settings.SITE_BASE_URL = "https://hub.example.org"
    warnings = site_matches_base_url(databases=["default"])

    assert [warning.id for warning in warnings] == ["core.W001"]
    assert "http://127.0.0.1:8765" in warnings[0].msg
    assert "https://hub.example.org" in warnings[0].msg
    assert "bootstrap_site" in warnings[0].hint
    # Without a database (plain `manage.py check`) it reads nothing.
    assert site_matches_base_url(databases=None) == []


def test_a_check_warns_about_https_on_a_port_wagtail_cannot_express(settings):
    settings.SITE_BASE_URL = "https://hub.example.org:8443"

    assert [warning.id for warning in site_matches_base_url()] == ["core.W002"]


def manage_settings(**env) -> str:
    """SITE_BASE_URL and WAGTAILADMIN_BASE_URL as a fresh process sees them with `env`."""
    code = "from django.conf import settings as s; print(s.SITE_BASE_URL, s.WAGTAILADMIN_BASE_URL)"
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env={**clean, "RH_IGNORE_ENV_FILES": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout.strip().splitlines()[-1] if result.returncode == 0 else result.stderr


def test_site_base_url_follows_make_runs_host_and_port_unless_set():
    assert manage_settings() == "http://127.0.0.1:8000 http://127.0.0.1:8000"
    assert manage_settings(RUN_PORT="8765") == "http://127.0.0.1:8765 http://127.0.0.1:8765"
    assert manage_settings(RUN_HOST="0.0.0.0", RUN_PORT="8765").startswith(  # noqa: S104
        "http://127.0.0.1:8765 "
    )
    assert (
        manage_settings(SITE_BASE_URL="https://hub.example.org/", RUN_PORT="8765")
        == "https://hub.example.org https://hub.example.org"
    )
    assert "without a path" in manage_settings(SITE_BASE_URL="https://hub.example.org/hub")
