"""Reads about institutions and who belongs to them."""

from django.db.models import Q, QuerySet

from .models import InstitutionPage


def institutions_of_user(user) -> QuerySet[InstitutionPage]:
    """The institutions the user teaches or edits in."""
    if not user.is_authenticated:
        return InstitutionPage.objects.none()
    groups = user.groups.all()
    return InstitutionPage.objects.filter(
        Q(teachers_group__in=groups) | Q(editors_group__in=groups)
    ).distinct()


def is_editor_of(user, institution: InstitutionPage) -> bool:
    return user.is_authenticated and user.groups.filter(pk=institution.editors_group_id).exists()


def is_member_of(user, institution: InstitutionPage) -> bool:
    return (
        user.is_authenticated
        and user.groups.filter(
            pk__in=[institution.teachers_group_id, institution.editors_group_id]
        ).exists()
    )
