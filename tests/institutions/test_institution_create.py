"""Creating an institution gives its people everything they need, and nobody else anything."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import GroupCollectionPermission, GroupPagePermission, WorkflowPage

from resource_hub.core.vocabularies import Country
from resource_hub.institutions.errors import InstitutionError, InstitutionPermissionDenied
from resource_hub.institutions.models import InstitutionIndexPage, InstitutionPage
from resource_hub.institutions.selectors import institutions_of_user, is_editor_of, is_member_of
from resource_hub.institutions.services import (
    Role,
    institution_create,
    institution_provision,
    membership_add,
    membership_remove,
)
from resource_hub.portal.services import site_bootstrap

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    site_bootstrap()
    return get_user_model().objects.create_superuser("root", "root@example.org", "pw")


def create(admin, name="Royal University of Phnom Penh", **extra):
    return institution_create(
        user=admin,
        name_en=name,
        name_local="សាកលវិទ្យាល័យភូមិន្ទភ្នំពេញ",
        country=Country.objects.get(code="KH"),
        institution_type="university",
        **extra,
    )


def test_creates_page_collection_groups_and_workflow(admin):
    institution = create(admin)

    assert institution.live
    assert institution.get_parent().specific_class is InstitutionIndexPage
    assert institution.collection.name == "Royal University of Phnom Penh"
    page_perms = {
        (p.group_id, p.permission.codename)
        for p in GroupPagePermission.objects.filter(page=institution).select_related("permission")
    }
    assert page_perms == {
        (institution.teachers_group_id, "add_page"),
        *{
            (institution.editors_group_id, codename)
            for codename in ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
        },
    }
    teacher_docs = set(
        GroupCollectionPermission.objects.filter(
            group=institution.teachers_group, collection=institution.collection
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_document", "choose_document"} <= teacher_docs
    assert "delete_document" not in teacher_docs
    assert WorkflowPage.objects.get(page=institution).workflow == institution.workflow
    task = institution.workflow.tasks.get().specific
    assert list(task.groups.all()) == [institution.editors_group]


def test_only_administrators_create_institutions(admin):
    teacher = get_user_model().objects.create_user("teacher", password="pw")

    with pytest.raises(InstitutionPermissionDenied):
        create(teacher)

    assert not InstitutionPage.objects.exists()


def test_duplicate_name_is_refused_and_nothing_is_created(admin):
    create(admin)

    with pytest.raises(InstitutionError, match="already exists"):
        create(admin, slug="rupp-2")

    assert InstitutionPage.objects.count() == 1


def test_page_added_in_the_editor_is_provisioned_once(admin):
    index = InstitutionIndexPage.objects.get()
    page = index.add_child(
        instance=InstitutionPage(title="Universiti Malaya", country=Country.objects.get(code="MY"))
    )

    institution_provision(user=admin, institution=page)
    institution_provision(user=admin, institution=page)

    page.refresh_from_db()
    assert page.collection and page.teachers_group and page.editors_group and page.workflow
    assert GroupPagePermission.objects.filter(page=page).count() == 6


def test_memberships_give_and_take_roles(admin):
    institution = create(admin)
    other = create(admin, name="Institute of Technology of Cambodia")
    user = get_user_model().objects.create_user("sokha", password="pw")

    membership_add(user=admin, member=user, institution=institution, role=Role.EDITOR)

    assert is_editor_of(user, institution)
    assert is_member_of(user, institution)
    assert not is_member_of(user, other)
    assert list(institutions_of_user(user)) == [institution]

    membership_remove(user=admin, member=user, institution=institution)
    assert not is_member_of(user, institution)
    with pytest.raises(InstitutionPermissionDenied):
        membership_add(user=user, member=user, institution=institution, role=Role.EDITOR)
