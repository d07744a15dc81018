"""Hostile addresses in Wagtail's admin get a 400 naming the parameter or a 404, never
the 500s some of Wagtail's own views gave, and a GET signs nobody out
(core/admin_guard.py)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from wagtail.models import Workflow

HOSTILE_PAGES = ["1e9", "", "abc", "-1", "0", "²", "9" * 30]  # NUL: the control-character test


@pytest.fixture
def production_like(settings):
    settings.DEBUG = False


def signed_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.mark.parametrize("chooser", ["wagtaildocs_chooser", "wagtailimages_chooser"])
def test_a_chooser_asked_for_an_id_that_is_not_a_number_answers_404(
    world, production_like, chooser
):
    editor = signed_in(world.editor_a)
    chosen = reverse(f"{chooser}:chosen", args=[1]).replace("/1/", "/{}/")

    for bad in ("abc", "1.5", "٣", "9" * 30):
        assert editor.get(chosen.format(bad)).status_code == 404, bad


def test_a_chooser_still_answers_for_a_real_document(released_with_file, world):
    _record, document = released_with_file()
    editor = signed_in(world.editor_a)

    response = editor.get(reverse("wagtaildocs_chooser:chosen", args=[document.pk]))

    assert response.status_code == 200
    assert response.json()["result"]["id"] == str(document.pk)


@pytest.mark.parametrize("value", HOSTILE_PAGES)
def test_the_workflow_editor_refuses_a_page_that_is_not_a_number(world, production_like, value):
    workflow = Workflow.objects.create(name="Review")
    admin = signed_in(world.admin)

    response = admin.get(reverse("wagtailadmin_workflows:edit", args=[workflow.pk]), {"p": value})

    assert response.status_code == 400
    assert "p must be a whole number from 1 to 2147483647." in response.content.decode()


def test_a_page_past_the_last_is_a_404(world, production_like):
    workflow = Workflow.objects.create(name="Review")  # assigned to no page: one empty page
    admin = signed_in(world.admin)

    response = admin.get(reverse("wagtailadmin_workflows:edit", args=[workflow.pk]), {"p": 2})

    assert response.status_code == 404


def test_admin_page_numbers_still_page(world):
    workflow = Workflow.objects.create(name="Review")
    admin = signed_in(world.admin)

    assert (
        admin.get(reverse("wagtailadmin_workflows:edit", args=[workflow.pk]), {"p": 1}).status_code
        == 200
    )
    assert admin.get(reverse("wagtaildocs:index"), {"p": "last"}).status_code == 200
    assert admin.get(reverse("wagtaildocs:index"), {"p": "3"}).status_code == 200


@pytest.mark.parametrize(
    "view",
    [
        "wagtaildocs_chooser:chosen_multiple",
        "wagtailimages_chooser:chosen_multiple",
        "wagtailadmin_api:pages:find",
        "wagtailadmin_api:documents:find",
        "wagtailadmin_api:images:find",
    ],
)
def test_views_that_look_ids_up_refuse_an_id_that_is_not_a_number(world, production_like, view):
    editor = signed_in(world.editor_a)

    response = editor.get(reverse(view), {"id": ["1", "abc"]})

    assert response.status_code == 400
    assert "id must be a whole number from 1 to 2147483647." in response.content.decode()


def test_chosen_multiple_still_answers_for_real_documents(released_with_file, world):
    _record, document = released_with_file()
    editor = signed_in(world.editor_a)

    response = editor.get(reverse("wagtaildocs_chooser:chosen_multiple"), {"id": [document.pk]})

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["result"]] == [str(document.pk)]


@pytest.mark.parametrize(
    ("view", "parameter"),
    [("wagtailimages_chooser:choose", "tag"), ("wagtaildocs:index", "q")],
)
def test_a_control_character_in_an_admin_parameter_is_a_400_naming_it(
    world, production_like, view, parameter
):
    editor = signed_in(world.editor_a)

    response = editor.get(reverse(view), {parameter: "rice\x00"})

    assert response.status_code == 400
    assert f"{parameter} contains control characters" in response.content.decode()


@pytest.mark.parametrize(
    "address",
    [
        "/admin/snippets/core/country/edit/%00/",  # text primary keys: our vocabularies' codes
        "/admin/snippets/core/licence/usage/CC%00/",
        "/admin/snippets/choose/core/language/chosen/%00/",
        "/admin/workflows/tasks/add/wagtailcore/%00/",  # a task type's model name
    ],
)
def test_a_control_character_in_an_admin_address_is_a_404(world, production_like, address):
    teacher = signed_in(world.teacher_a)  # anyone the admin lets in, not only its editors

    assert teacher.get(address).status_code == 404


def test_an_admin_address_with_a_real_text_key_still_answers(world):
    admin = signed_in(world.admin)

    response = admin.get(reverse("wagtailsnippets_core_country:edit", args=["CN"]))

    assert response.status_code == 200
    assert "China" in response.content.decode()


def test_a_get_of_the_admin_sign_out_signs_nobody_out(world, production_like):
    editor = signed_in(world.editor_a)

    response = editor.get(reverse("wagtailadmin_logout"))

    assert response.status_code == 405
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # the cookie is not deleted
    assert editor.get(reverse("wagtailadmin_home")).status_code == 200  # still signed in


def test_the_admin_sign_out_still_signs_out_by_post(world):
    editor = signed_in(world.editor_a)

    response = editor.post(reverse("wagtailadmin_logout"))

    assert response.status_code == 302
    assert editor.get(reverse("wagtailadmin_home")).status_code == 302  # to the sign-in page


def test_copying_a_page_without_a_parent_that_is_a_number_is_a_400_naming_it(
    world, production_like, make_record
):
    admin = signed_in(world.admin)
    copy = reverse("wagtailadmin_pages:copy", args=[make_record().pk])

    for form in ({"new_title": "Copy"}, {"new_parent_page": "abc"}, {"new_parent_page": "9" * 30}):
        response = admin.post(copy, form)

        assert response.status_code == 400, form
        assert "new_parent_page must be a whole number" in response.content.decode()


def test_copying_a_page_under_a_parent_that_does_not_exist_is_a_404(
    world, production_like, make_record
):
    admin = signed_in(world.admin)
    copy = reverse("wagtailadmin_pages:copy", args=[make_record().pk])

    assert admin.post(copy, {"new_parent_page": 999_999_999}).status_code == 404


def test_copying_a_page_still_works(world, make_record):
    record = make_record()
    admin = signed_in(world.admin)

    response = admin.post(
        reverse("wagtailadmin_pages:copy", args=[record.pk]),
        {"new_title": "A copy", "new_slug": "a-copy", "new_parent_page": record.get_parent().pk},
    )

    assert response.status_code == 302
    assert record.get_parent().get_children().filter(slug="a-copy").exists()


def test_an_editing_session_ping_for_an_id_a_page_cannot_have_is_a_404(world, production_like):
    editor = signed_in(world.editor_a)
    ping = reverse("wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", "1", 1])

    response = editor.post(ping.replace("/page/1/", "/page/abc/"))

    assert response.status_code == 404


def test_an_editing_session_ping_for_a_real_page_still_answers(world, make_record):
    record = make_record()
    admin = signed_in(world.admin)
    ping = reverse("wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", record.pk, 0])

    response = admin.post(ping)

    assert response.status_code == 200
    assert "session_id" in response.json()
