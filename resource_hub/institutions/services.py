"""Writes about institutions and their members.

Creating an institution builds everything its people need, using Wagtail's own
mechanisms: a page (records live under it), a Collection for its files, a
Teachers and an Editors group with page and collection permissions, and a
review workflow whose single step is approval by the Editors group.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .errors import InstitutionError, InstitutionPermissionDenied
from .models import InstitutionIndexPage, InstitutionPage

TEACHER_PAGE_PERMISSIONS = ["add_page"]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# Wagtail keeps document permissions on wagtaildocs.Document even with a
# custom document model (its permission policy's auth model).
TEACHER_COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
]
EDITOR_COLLECTION_PERMISSIONS = [
    *TEACHER_COLLECTION_PERMISSIONS,
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtailimages", "change_image"),
]


class Role:
    TEACHER = "teacher"
    EDITOR = "editor"
    CHOICES = (TEACHER, EDITOR)


def _require_admin(user) -> None:
    if not (user and user.is_active and user.is_superuser):
        raise InstitutionPermissionDenied()


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _group(name: str, page_codenames, collection_perms, page, collection) -> Group:
    group = Group.objects.create(name=name)
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in page_codenames:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )
    for app_label, codename in collection_perms:
        GroupCollectionPermission.objects.create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )
    return group


def _ensure_name_free(name: str) -> None:
    if Group.objects.filter(name__in=[f"{name} — Teachers", f"{name} — Editors"]).exists():
        raise InstitutionError(
            _("An institution named “%(name)s” already exists.") % {"name": name}
        )


@transaction.atomic
def institution_create(
    *,
    user,
    name_en: str,
    name_local: str = "",
    country,
    institution_type: str,
    website: str = "",
    profile: str = "",
    slug: str | None = None,
) -> InstitutionPage:
    """Create an institution, live, with its collection, groups and review workflow."""
    _require_admin(user)
    index = InstitutionIndexPage.objects.first()
    if index is None:
        raise InstitutionError(
            _("Create the institution index page first (manage.py bootstrap_site).")
        )
    # Before the page, so a duplicate gets this message rather than a slug clash.
    _ensure_name_free(name_en)

    page = InstitutionPage(
        title=name_en,
        name_local=name_local,
        country=country,
        institution_type=institution_type,
        website=website,
        profile=profile,
        owner=user,
    )
    if slug:
        page.slug = slug
    page.full_clean(exclude=["path", "depth", "slug"] if not slug else ["path", "depth"])
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True).publish(user=user)

    return institution_provision(user=user, institution=page)


@transaction.atomic
def institution_provision(*, user, institution: InstitutionPage) -> InstitutionPage:
    """Give an institution its file collection, groups and review workflow. Idempotent.

    `institution_create` calls it; so does the admin after a platform
    administrator adds an institution page by hand.
    """
    _require_admin(user)
    if institution.collection_id and institution.workflow_id:
        return institution
    name = institution.title
    _ensure_name_free(name)
    collection = Collection.get_first_root_node().add_child(name=name)
    teachers = _group(
        f"{name} — Teachers",
        TEACHER_PAGE_PERMISSIONS,
        TEACHER_COLLECTION_PERMISSIONS,
        institution,
        collection,
    )
    editors = _group(
        f"{name} — Editors",
        EDITOR_PAGE_PERMISSIONS,
        EDITOR_COLLECTION_PERMISSIONS,
        institution,
        collection,
    )
    workflow = Workflow.objects.create(name=f"{name} — review")
    task = GroupApprovalTask.objects.create(name=f"{name} — editors' approval")
    task.groups.set([editors])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=institution)

    InstitutionPage.objects.filter(pk=institution.pk).update(
        collection=collection, teachers_group=teachers, editors_group=editors, workflow=workflow
    )
    institution.refresh_from_db()
    return institution


def _require_admin_or_editor_adding_teacher(user, institution, role) -> None:
    """Administrators add anyone; an institution's editors add teachers to it (the desk)."""
    if (
        role == Role.TEACHER
        and user
        and user.is_active
        and user.groups.filter(pk=institution.editors_group_id).exists()
    ):
        return
    _require_admin(user)


@transaction.atomic
def membership_add(*, user, member, institution: InstitutionPage, role: str) -> None:
    """Make `member` a teacher or an editor of the institution.

    Administrators may add either role; the institution's own editors may add
    teachers (invitations and requests on the teacher's desk).
    """
    _require_admin_or_editor_adding_teacher(user, institution, role)
    if role not in Role.CHOICES:
        raise InstitutionError(_("Unknown role “%(role)s”.") % {"role": role})
    group = institution.editors_group if role == Role.EDITOR else institution.teachers_group
    member.groups.add(group)


@transaction.atomic
def membership_remove(*, user, member, institution: InstitutionPage) -> None:
    """Remove `member` from every role in the institution (administrators only)."""
    _require_admin(user)
    member.groups.remove(*institution.member_groups)
