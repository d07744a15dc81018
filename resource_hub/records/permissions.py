"""Who may do what with a record: small predicates over Wagtail's own permissions.

Page permissions come from the institution's groups (see
institutions.services); view restrictions carry the access level; the
review workflow locks a record under review for everyone but its reviewers.
"""

from wagtail.models import PageViewRestriction, WorkflowState


def _in_review(record) -> bool:
    return record.workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()


def _restrictions_allow(user, record) -> bool:
    if user.is_superuser:
        return True
    for restriction in record.get_view_restrictions():
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            if not user.is_authenticated:
                return False
        elif restriction.restriction_type == PageViewRestriction.GROUPS:
            if not user.is_authenticated:
                return False
            allowed = {group.pk for group in restriction.groups.all()}
            if not allowed.intersection(user.groups.values_list("pk", flat=True)):
                return False
        else:  # passwords are not an access level we offer: refuse rather than guess
            return False
    return True


def _is_scheduled(record) -> bool:
    """Released with an embargo: approved, waiting for its go-live date."""
    # Asked of the database: Page.scheduled_revision is cached on the instance.
    return not record.live and record.revisions.filter(approved_go_live_at__isnull=False).exists()


def can_view(user, record) -> bool:
    """Released records follow their view restrictions; others only their author and editors."""
    if record.live:
        return _restrictions_allow(user, record)
    if not (user.is_authenticated and user.is_active):
        return False
    return record.owner_id == user.pk or record.permissions_for_user(user).can_edit()


def can_edit(user, record) -> bool:
    """Edit now: not while the record is locked for review by someone else."""
    if not (user.is_authenticated and record.permissions_for_user(user).can_edit()):
        return False
    lock = record.get_lock()
    return not (lock and lock.for_user(user))


def can_submit(user, record) -> bool:
    """The author (or an editor) may send a draft, or changes to a released record, for review."""
    if _in_review(record) or _is_scheduled(record):
        return False
    if record.live and not record.has_unpublished_changes:
        return False
    return can_edit(user, record) and record.permissions_for_user(user).can_submit_for_moderation()


def can_release(user, record) -> bool:
    """Editors of the institution (and administrators) release records."""
    if not user.is_authenticated or _is_scheduled(record):
        return False
    if record.live and not record.has_unpublished_changes:
        return False
    return record.permissions_for_user(user).can_publish()


def can_unpublish(user, record) -> bool:
    return (
        user.is_authenticated and record.live and record.permissions_for_user(user).can_unpublish()
    )


def can_download(user, record, document) -> bool:
    """A file is downloadable by whoever may see the record it belongs to."""
    return can_view(user, record) and record.files.filter(document=document).exists()
