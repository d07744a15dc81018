"""Reads of records, always through what the viewer may see."""

from django.db.models import Exists, OuterRef, QuerySet
from wagtail.models import PageViewRestriction

from .models import RecordPage


def records_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """Released records whose view restriction lets `user` in.

    The same rule as `permissions.can_view` for live records, as one query,
    so listings never show (or count) what a viewer may not open.
    """
    queryset = (queryset if queryset is not None else RecordPage.objects.all()).live()
    if user.is_authenticated and user.is_superuser:
        return queryset
    restrictions = PageViewRestriction.objects.filter(page=OuterRef("pk"))
    if not user.is_authenticated:
        return queryset.exclude(Exists(restrictions))
    return queryset.exclude(
        Exists(restrictions.filter(restriction_type=PageViewRestriction.PASSWORD))
    ).exclude(
        Exists(
            restrictions.filter(restriction_type=PageViewRestriction.GROUPS).exclude(
                groups__in=user.groups.all()
            )
        )
    )


def record_listing(user, queryset: QuerySet | None = None) -> QuerySet:
    """Visible records with what a listing row shows, in a constant number of queries."""
    return (
        records_visible_to(user, queryset)
        .select_related("language", "resource_type", "licence", "subject")
        .order_by("-first_published_at", "-pk")
    )


def record_detail_context(record) -> dict:
    """Everything the record page shows, each relation fetched once."""
    return {
        "creators": list(record.creators.all()),
        "translations": list(record.translations.select_related("language")),
        "files": list(record.files.select_related("document")),
        "keywords": list(record.keywords.all()),
        "levels": list(record.education_levels.all()),
        "partners": list(record.contributing_institutions.all()),
        "related": list(record.relations.select_related("target")),
    }
