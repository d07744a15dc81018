"""Factories for users, groups and collections with Wagtail document permissions."""

import factory
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission


def document_permission(action: str) -> Permission:
    """Wagtail's document permissions ("add", "change", "choose") live on wagtaildocs.Document."""
    return Permission.objects.get(
        content_type__app_label="wagtaildocs", codename=f"{action}_document"
    )


class CollectionFactory(factory.django.DjangoModelFactory):
    """A Wagtail Collection under the root (or under `parent`), as one institution has."""

    class Meta:
        model = Collection

    name = factory.Sequence(lambda n: f"Institution {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or Collection.get_first_root_node()
        return parent.add_child(instance=model_class(*args, **kwargs))


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Teachers {n}")

    @factory.post_generation
    def admin_access(group, create, extracted, **kwargs):
        if create and extracted:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="wagtailadmin", codename="access_admin"
                )
            )

    @factory.post_generation
    def document_actions_on(group, create, extracted, **kwargs):
        """`document_actions_on=collection` grants "add" there; `..._actions=[...]` others."""
        if not (create and extracted):
            return
        for action in kwargs.get("actions", ["add"]):
            GroupCollectionPermission.objects.create(
                group=group, collection=extracted, permission=document_permission(action)
            )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = settings.AUTH_USER_MODEL
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"teacher{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("a-test-password")

    @factory.post_generation
    def can_add_documents_to(user, create, extracted, **kwargs):
        """`can_add_documents_to=collection`: a group that may add documents there."""
        if create and extracted:
            group = GroupFactory(
                document_actions_on=extracted, admin_access=kwargs.get("admin", False)
            )
            user.groups.add(group)
