"""View restrictions read from the database as clauses (see `viewers`).

Wagtail's restrictions apply to a page and everything below it, so a record's
clauses are those of the record and of every ancestor. Reads are batched by
path prefix: one query for a whole chunk of records, whatever its size.
"""

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet
from wagtail.models import Page, PageViewRestriction

from .viewers import Viewer, clause_tokens

STEP = Page.steplen


def path_prefixes(path: str) -> list[str]:
    """The paths of a page and of each of its ancestors."""
    return [path[:end] for end in range(STEP, len(path) + 1, STEP)]


def clauses_by_path(paths: Iterable[str]) -> dict[str, list[frozenset[str]]]:
    """The clauses of the restrictions on each of `paths` (only paths that have some)."""
    paths = set(paths)
    if not paths:
        return {}
    rows = list(
        PageViewRestriction.objects.filter(page__path__in=paths).values(
            "id", "page__path", "restriction_type"
        )
    )
    groups: dict[int, list[int]] = {}
    by_group = [row["id"] for row in rows if row["restriction_type"] == PageViewRestriction.GROUPS]
    # Only restrictions by group have groups: no query when none of them is one.
    for link in PageViewRestriction.groups.through.objects.filter(
        pageviewrestriction_id__in=by_group
    ).values("pageviewrestriction_id", "group_id"):
        groups.setdefault(link["pageviewrestriction_id"], []).append(link["group_id"])
    clauses: dict[str, list[frozenset[str]]] = {}
    for row in rows:
        clauses.setdefault(row["page__path"], []).append(
            clause_tokens(
                row["restriction_type"],
                restriction_id=row["id"],
                group_ids=groups.get(row["id"], ()),
            )
        )
    return clauses


def clauses_of_pages(pages: Iterable) -> dict[int, list[frozenset[str]]]:
    """Every clause that applies to each page (its own and its ancestors'), by page id."""
    pages = list(pages)
    known = clauses_by_path({prefix for page in pages for prefix in path_prefixes(page.path)})
    return {
        page.pk: [clause for prefix in path_prefixes(page.path) for clause in known.get(prefix, ())]
        for page in pages
    }


def clauses_of(page) -> list[frozenset[str]]:
    return clauses_of_pages([page])[page.pk]


def failing_restrictions(viewer: Viewer) -> QuerySet:
    """The restrictions `viewer` does not satisfy, as a query (the SQL form of `Viewer.passes`)."""
    failing = Q(restriction_type=PageViewRestriction.PASSWORD) & ~Q(
        pk__in=viewer.passed_restriction_ids
    )
    if not viewer.is_authenticated:
        failing |= Q(restriction_type=PageViewRestriction.LOGIN)
    if not viewer.is_superuser:
        groups_failing = PageViewRestriction.objects.filter(
            restriction_type=PageViewRestriction.GROUPS
        ).exclude(groups__in=viewer.group_ids)
        failing |= Q(pk__in=groups_failing.values("pk"))
    return PageViewRestriction.objects.filter(failing)


def exclude_restricted(queryset: QuerySet, viewer: Viewer) -> QuerySet:
    """`queryset` (of pages) without those a restriction on them or above them keeps from `viewer`.

    A restriction on a page with children (an institution, an index) is read
    into Python (there are few such pages) and excludes its subtree by path; a
    restriction on a leaf (a record's own access level) is matched by id, so
    the query stays one indexed lookup per row however many records are
    restricted.
    """
    failing = failing_restrictions(viewer)
    above = list(failing.filter(page__numchild__gt=0).values_list("page__path", flat=True))
    for path in above:
        queryset = queryset.exclude(path__startswith=path)
    return queryset.exclude(Exists(failing.filter(page_id=OuterRef("pk"))))
