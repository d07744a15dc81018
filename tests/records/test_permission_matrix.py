"""Every role × record state × action, asserted from one table.

Roles: anonymous; the author (a teacher of the institution); a colleague (another
teacher of the same institution); a teacher and an editor of another
institution; an editor of the institution; an administrator.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.utils import timezone

from resource_hub.files.services import document_create
from resource_hub.access import documents as document_access
from resource_hub.access import records as permissions
from resource_hub.records.models import AccessLevel
from resource_hub.records.services import (
    file_attach,
    record_reject,
    record_release,
    record_submit,
    record_unpublish,
)

ROLES = ["anonymous", "author", "colleague", "teacher_other", "editor", "editor_other", "admin"]
EVERYONE = set(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
OWN_INSTITUTION = {"author", "colleague", "editor", "admin"}
AUTHOR_AND_EDITORS = {"author", "editor", "admin"}
EDITORS = {"editor", "admin"}
NOBODY: set[str] = set()

# state: {action: roles allowed}
MATRIX = {
    "draft": dict(
        view=AUTHOR_AND_EDITORS, edit=AUTHOR_AND_EDITORS, submit=AUTHOR_AND_EDITORS,
        release=EDITORS, download=AUTHOR_AND_EDITORS,
    ),
    "in_review": dict(
        view=AUTHOR_AND_EDITORS, edit=EDITORS, submit=NOBODY,
        release=EDITORS, download=AUTHOR_AND_EDITORS,
    ),
    "rejected": dict(
        view=AUTHOR_AND_EDITORS, edit=AUTHOR_AND_EDITORS, submit=AUTHOR_AND_EDITORS,
        release=EDITORS, download=AUTHOR_AND_EDITORS,
    ),
    "released_public": dict(
        view=EVERYONE, edit=AUTHOR_AND_EDITORS, submit=NOBODY, release=NOBODY, download=EVERYONE,
    ),
    "released_registered": dict(
        view=SIGNED_IN, edit=AUTHOR_AND_EDITORS, submit=NOBODY, release=NOBODY, download=SIGNED_IN,
    ),
    "released_institution": dict(
        view=OWN_INSTITUTION, edit=AUTHOR_AND_EDITORS, submit=NOBODY,
        release=NOBODY, download=OWN_INSTITUTION,
    ),
    "embargoed": dict(
        view=AUTHOR_AND_EDITORS, edit=AUTHOR_AND_EDITORS, submit=NOBODY,
        release=NOBODY, download=AUTHOR_AND_EDITORS,
    ),
    "unpublished": dict(
        view=AUTHOR_AND_EDITORS, edit=AUTHOR_AND_EDITORS, submit=AUTHOR_AND_EDITORS,
        release=EDITORS, download=AUTHOR_AND_EDITORS,
    ),
}  # fmt: skip

ACTIONS = {
    "view": permissions.can_view,
    "edit": permissions.can_edit,
    "submit": permissions.can_submit,
    "release": permissions.can_release,
}


def users_by_role(world):
    return {
        "anonymous": AnonymousUser(),
        "author": world.teacher_a,
        "colleague": world.member_a,
        "teacher_other": world.teacher_b,
        "editor": world.editor_a,
        "editor_other": world.editor_b,
        "admin": world.admin,
    }


def record_in_state(world, make_record, state):
    access = {
        "released_registered": AccessLevel.REGISTERED,
        "released_institution": AccessLevel.INSTITUTION,
    }.get(state, AccessLevel.PUBLIC)
    go_live = timezone.now() + timedelta(days=7) if state == "embargoed" else None
    record = make_record(access_level=access, go_live_at=go_live)
    document = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(b"Lesson notes\n", name="notes.txt"),
    )
    file_attach(user=world.teacher_a, record=record, document=document)
    if state in {"in_review", "rejected"}:
        record_submit(user=world.teacher_a, record=record)
    if state == "rejected":
        record_reject(user=world.editor_a, record=record, comment="Please add a licence note.")
    if state.startswith("released") or state in {"embargoed", "unpublished"}:
        record_release(user=world.editor_a, record=record)
    if state == "unpublished":
        record_unpublish(user=world.editor_a, record=record)
    record.refresh_from_db()
    return record, document


@pytest.mark.parametrize("state", list(MATRIX))
def test_permission_matrix(world, make_record, s3_storage, state):
    """One record in `state`; every action × role cell of its row of the table."""
    record, document = record_in_state(world, make_record, state)
    users = users_by_role(world)

    wrong = []
    for action, allowed_roles in MATRIX[state].items():
        for role, user in users.items():
            if action == "download":
                allowed = document_access.can_download(user, document)
            else:
                allowed = ACTIONS[action](user, record)
            if allowed != (role in allowed_roles):
                wrong.append(f"{action} by {role}: {'allowed' if allowed else 'refused'}")

    assert not wrong, f"{state}: " + "; ".join(wrong)
    assert set(MATRIX[state]) == {*ACTIONS, "download"}
