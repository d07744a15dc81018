"""Who may do what with a record: small predicates over Wagtail's own permissions.

Page permissions come from the institution's groups (see
institutions.services); view restrictions carry the access level; the
review workflow locks a record under review for everyone but its reviewers.
"""

from wagtail.models import PageViewRestriction, WorkflowState


def _in_review(record) -> bool:
    return record.workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()


def _restrictions_allow(user, record) -> bool:
    for restriction in record.get_view_restrictions():
        if user.is_superuser:
            continue
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            if not user.is_authenticated:
                return False
        elif restriction.restriction_type == PageViewRestriction.GROUPS:
            if not user.is_authenticated:
                return False
            group_ids = {group.pk for group in restriction.groups.all()}
            if not group_ids.intersection(user.groups.values_list("pk", flat=True)):
                return False
        else:  # passwords are not an access level we offer: refuse rather than guess
            return False
    return True


def can_edit(user, record) -> bool:
    if not user.is_authenticated:
        return False
    if not record.permissions_for_user(user).can_edit():
        return False
    lock = record.get_lock()
    return not (lock and lock.for_user(user))


def can_view(user, record) -> bool:
    """Released records follow their view restrictions; anything else only its editors."""
    if record.live:
        return _restrictions_allow(user, record)
    return can_edit(user, record) or can_release(user, record)


def can_submit(user, record) -> bool:
    """The record's author (or an editor) may send a draft or changed record for review."""
    if _in_review(record):
        return False
    if record.live and not record.has_unpublished_changes:
        return False
    return can_edit(user, record) and record.permissions_for_user(user).can_submit_for_moderation()


def can_release(user, record) -> bool:
    """Editors of the institution (and administrators) release records."""
    if not user.is_authenticated:
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
