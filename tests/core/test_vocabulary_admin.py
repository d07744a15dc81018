"""Platform administrators manage the vocabularies as Wagtail snippets."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from resource_hub.core.vocabularies import Country, SubjectField

from .conftest import VOCABULARIES

pytestmark = pytest.mark.django_db


def snippet_url(model, action: str, *args) -> str:
    return reverse(f"wagtailsnippets_core_{model._meta.model_name}:{action}", args=args)


@pytest.mark.parametrize("model", VOCABULARIES, ids=lambda model: model.__name__)
def test_superuser_lists_each_vocabulary(admin_client, model):
    entry = model.objects.first()

    response = admin_client.get(snippet_url(model, "list"))

    assert response.status_code == 200
    assert entry.name_en in response.content.decode()


def test_vocabularies_have_their_own_admin_menu(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))

    assert "Vocabularies" in response.content.decode()


def test_search_by_code_or_english_name_and_filter_by_level(admin_client):
    url = snippet_url(SubjectField, "list_results")

    by_name = admin_client.get(url, {"q": "statistics"}).content.decode()
    by_code = admin_client.get(url, {"q": "0613"}).content.decode()
    broad = admin_client.get(url, {"level": "broad"}).context["object_list"]

    assert "Statistics" in by_name and "Physics" not in by_name
    assert "Software and applications development" in by_code
    assert {field.level for field in broad} == {"broad"}
    assert len(broad) == 12


def test_search_finds_translated_labels_on_postgresql(admin_client, postgres_db):
    # PostgreSQL searches jsonb as text; SQLite stores non-ASCII labels escaped.
    response = admin_client.get(snippet_url(SubjectField, "list_results"), {"q": "数学"})

    assert {field.code for field in response.context["object_list"]} == {"05", "054", "0541"}


def test_superuser_adds_a_country_with_labels(admin_client):
    response = admin_client.post(
        snippet_url(Country, "add"),
        {
            "code": "NZ",
            "name_en": "New Zealand",
            "name_local": "Aotearoa",
            "labels": '{"zh-hans": "新西兰"}',
            "sort_order": "200",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    assert Country.objects.get(code="NZ").label_for("zh-hans") == "新西兰"


def test_the_code_of_an_existing_entry_cannot_be_changed(admin_client):
    country = Country.objects.get(code="TL")
    url = snippet_url(Country, "edit", country.pk)

    assert admin_client.get(url).context["form"].fields["code"].disabled
    response = admin_client.post(
        url,
        {
            "code": "XX",
            "name_en": "Timor-Leste",
            "name_local": "Timor-Lorosa'e",
            "labels": '{"zh-hans": "东帝汶"}',
            "sort_order": "110",
            "is_asean_member": "on",
            "asean_member_since": "2025",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    assert not Country.objects.filter(code="XX").exists()
    assert Country.objects.get(code="TL").name_local == "Timor-Lorosa'e"


def test_editors_without_vocabulary_permissions_cannot_open_them(client, django_user_model):
    editor = django_user_model.objects.create_user(username="editor", password="x")
    group = Group.objects.create(name="Some editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)

    response = client.get(snippet_url(Country, "list"))

    # Wagtail turns the snippet view's PermissionDenied into a redirect to the
    # dashboard with a message (wagtail.admin.auth.permission_denied); a redirect
    # to the login page would mean the editor was refused the whole admin.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
