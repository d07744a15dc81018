"""What `make run` sets up: the home page, the default site and an administrator."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

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
