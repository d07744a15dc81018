"""Wagtail's admin says our name, not Wagtail's, where a person signs in."""

from django.test import Client
from django.urls import reverse
from django.utils import translation


def test_the_admin_sign_in_page_names_the_site_not_wagtail(db):
    page = Client().get(reverse("wagtailadmin_login")).content.decode()

    assert "Sign in to Resource Hub" in page
    assert "Sign in to Wagtail" not in page


def test_the_admin_sign_in_page_names_the_site_in_chinese(db):
    with translation.override("zh-hans"):
        page = Client(headers={"accept-language": "zh-hans"}).get(reverse("wagtailadmin_login"))

    assert "登录资源中心" in page.content.decode()
    assert "密码" in page.content.decode()  # the password field's label, which Wagtail leaves out
