"""Who may see and change a record.

`who` is a `Viewer`, a request or a user (see `viewers.as_viewer`). Seeing a
released record follows Wagtail's view restrictions on its path; everything
else follows Wagtail's page permissions, which the institution's groups
carry (see `institutions.services`): teachers add pages and edit their own,
editors edit, publish and unpublish everything of their institution.
"""

from django.apps import apps
from django.db.models import QuerySet
from wagtail.models import WorkflowState

from .restrictions import clauses_of, clauses_of_pages, exclude_restricted
from .viewers import Viewer, active_user, as_viewer, user_of


def _record_model():
    # By name: the policy sits below the records app, which asks it too.
    return apps.get_model("records", "RecordPage")


def visible_pages(who, queryset: QuerySet) -> QuerySet:
    """Released pages of `queryset` (records, collections, ...) that `who` may open."""
    return exclude_restricted(queryset.live(), as_viewer(who))


def visible_records(who, queryset: QuerySet | None = None) -> QuerySet:
    """Released records `who` may open: the query form of `can_view_released`.

    Listings, counts, related records, exports and the database search all
    read through it, so a list never shows what the record page refuses.
    """
    return visible_pages(who, queryset if queryset is not None else _record_model().objects.all())


def visible_among(who, records) -> list:
    """Of `records` (pages read with `live` and `path`), those `who` may open, in their order.

    The per-record form of `visible_records` for a handful of pages already read (a
    page of search hits): one query for the restrictions on their paths and above,
    and one for their groups only when some restrict by group, then decided in
    Python as `can_view_released` decides. Cheaper to build than the listing's SQL;
    the parity test holds the two forms to the same answers.
    """
    records = list(records)
    viewer = as_viewer(who)
    clauses = clauses_of_pages(record for record in records if record.live)
    return [record for record in records if record.live and viewer.passes(clauses[record.pk])]


def can_view_released(who, record) -> bool:
    """Released, and every view restriction on the record and above it lets `who` in."""
    return bool(record.live) and as_viewer(who).passes(clauses_of(record))


def can_view(who, record) -> bool:
    """May `who` see the record at all (the desk, the admin)?

    Its author and whoever may edit it always may, released or not and whatever
    the restrictions (as in the admin); others only a released record whose
    restrictions let them in. The public page and every listing ask the
    restrictions alone (`can_view_released`, `visible_records`).
    """
    viewer = as_viewer(who)
    return (bool(record.live) and viewer.passes(clauses_of(record))) or _manages(viewer, record)


def can_view_drafts(who, record) -> bool:
    """May `who` see the record's unreleased changes and where it stands (draft, in review)?

    Its author and whoever may edit it: the same people `can_view` lets in
    whatever the record's state (the API shows them the latest draft).
    """
    return _manages(as_viewer(who), record)


def can_discuss(who, record) -> bool:
    """May `who` read and add to the record's conversation (author ↔ reviewers)?

    The conversation speaks of the unreleased draft, so it is open to exactly
    those who may see drafts (`can_view_drafts`): its author and whoever may
    edit it (the institution's editors, administrators).
    """
    return can_view_drafts(who, record)


def is_public(record) -> bool:
    """Released and without any restriction on its path: what crawlers and anyone may read."""
    return bool(record.live) and not clauses_of(record)


def _manages(viewer: Viewer, record) -> bool:
    user = active_user(viewer.user)
    if user is None:
        return False
    return record.owner_id == user.pk or record.permissions_for_user(user).can_edit()


def _user(who):
    # Page permissions need the user only: reading the viewer's groups here
    # cost a query per row where a listing asks with a user (the admin's
    # record listing asks can_moderate for every row's buttons).
    return user_of(who)


def _in_review(record) -> bool:
    return record.workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()


def _review(record):
    return record.workflow_states.filter(
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
    ).first()


def _is_scheduled(record) -> bool:
    """Released with an embargo: approved, waiting for its go-live date."""
    # Asked of the database: Page.scheduled_revision is cached on the instance.
    return not record.live and record.revisions.filter(approved_go_live_at__isnull=False).exists()


def can_create_record(who, institution) -> bool:
    """Teachers and editors of the institution (and administrators) add records under it."""
    user = _user(who)
    return user is not None and institution.permissions_for_user(user).can_add_subpage()


def can_edit(who, record) -> bool:
    """Edit now: page permission, and not locked (under review) for this user."""
    user = _user(who)
    if user is None or not record.permissions_for_user(user).can_edit():
        return False
    lock = record.get_lock()
    return not (lock and lock.for_user(user))


def can_submit(who, record) -> bool:
    """The author (or an editor) sends a draft, or changes to a released record, for review."""
    user = _user(who)
    if user is None or _in_review(record) or _is_scheduled(record):
        return False
    if record.live and not record.has_unpublished_changes:
        return False
    return can_edit(user, record) and record.permissions_for_user(user).can_submit_for_moderation()


def can_release(who, record) -> bool:
    """Editors of the institution (and administrators) release what has changes to release."""
    user = _user(who)
    if user is None or _is_scheduled(record):
        return False
    if record.live and not record.has_unpublished_changes:
        return False
    return record.permissions_for_user(user).can_publish()


def can_reject(who, record) -> bool:
    """The reviewers of the record's current review task send it back."""
    user = _user(who)
    review = record.workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS).first()
    if user is None or review is None or review.current_task_state is None:
        return False
    task = review.current_task_state.task.specific
    return any(action == "reject" for action, *_rest in task.get_actions(record, user))


def can_unpublish(who, record) -> bool:
    user = _user(who)
    return user is not None and record.live and record.permissions_for_user(user).can_unpublish()


def can_withdraw(who, record) -> bool:
    """Editors withdraw a released record, or one under review (or sent back)."""
    if not (record.live or _review(record) is not None):
        return False
    return can_moderate(who, record)


def can_moderate(who, record) -> bool:
    """Acts as the record's editor: its institution's editors and administrators."""
    user = _user(who)
    return user is not None and record.permissions_for_user(user).can_publish()


def can_take_back(who, record) -> bool:
    """The author takes their own submission back while it waits for review."""
    user = _user(who)
    review = record.workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS).first()
    return (
        user is not None
        and review is not None
        and record.owner_id == user.pk
        and review.user_can_cancel(user)
    )


def can_attach_file(who, record, document) -> bool:
    from .documents import can_use_document  # same package; documents imports this module

    return can_edit(who, record) and can_use_document(who, document)


def can_detach_file(who, record) -> bool:
    return can_edit(who, record)
