"""Actions in the parity table: the request that asks for each, its expected answer, its effect.

An action's outcome is "done" when the record changed (a new revision, a
change of release, a review started, sent back or ended), else how the
request was refused: "login" / "admin-login" (asked to sign in), "404" (the
desk does not show the record to them), "admin-home" (Wagtail's refusal),
or "refused" (the desk shows the record but says no, with a message).
"""

import json

from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from .parity_table import MANAGERS, MEMBERS_A, Who, visible
from .parity_world import RELEASED

EDITORS = {"editor", "admin"}
LIVE = RELEASED
#: states whose latest draft may be sent for review (or released directly by an editor)
SUBMITTABLE = {"draft", "changes_requested", "unpublished", "withdrawn", "released_pending"}
IN_REVIEW = {"in_review", "changes_requested"}


def snapshot(record) -> tuple:
    """What an action changes: release, revisions, reviews, the conversation."""
    record.refresh_from_db()
    reviews = {
        status: frozenset(record.workflow_states.filter(status=status).values_list("pk", flat=True))
        for status in (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)
    }
    return (
        record.live,
        record.live_revision_id,
        record.latest_revision_id,
        reviews[WorkflowState.STATUS_IN_PROGRESS],
        reviews[WorkflowState.STATUS_NEEDS_CHANGES],
        PageLogEntry.objects.filter(page_id=record.pk, action="desk.comment").count(),
    )


# --- the requests --------------------------------------------------------------


def _desk(name, data=None, method="post", extra=()):
    def send(client, world, state):
        record = world.records[state]
        url = reverse(f"desk:{name}", args=[record.pk, *(arg(world, state) for arg in extra)])
        if method == "get":
            return client.get(url)
        return client.post(url, data(record) if data else {})

    return send


def _admin_unpublish(client, world, state):
    return client.post(reverse("wagtailadmin_pages:unpublish", args=[world.records[state].pk]))


def _task_state(world, state):
    """The record's latest review task (Wagtail's workflow action URLs name it)."""
    review = world.records[state].workflow_states.order_by("-pk").first()
    return review.current_task_state if review else None


def _admin_workflow(action_name):
    def send(client, world, state):
        record = world.records[state]
        task_state = _task_state(world, state)
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[record.pk, action_name, task_state.pk]
        )
        response = client.post(url, {"comment": "Add a licence."})
        confirmation = reverse("desk_admin_approve", args=[record.pk])
        if response.status_code == 302 and response["Location"].startswith(confirmation):
            # A record's approval asks first (desk/views/admin_approval.py): confirm it.
            return client.post(confirmation, {"confirm": "yes", "comment": "Add a licence."})
        return response

    return send


def _api(suffix, body=None, method="post"):
    """/api/v1/records/<id><suffix> with a JSON body, as the caller's session (test
    clients pass CSRF, as a browser sending its token would)."""

    def send(client, world, state):
        record = world.records[state]
        path = suffix(world, state) if callable(suffix) else suffix
        data = body(record) if callable(body) else (body or {})
        return getattr(client, method)(
            f"/api/v1/records/{record.pk}{path}", json.dumps(data), content_type="application/json"
        )

    return send


#: Wagtail's workflow action URLs exist only for a record that has had a review
WORKFLOW_STATES = {"in_review", "changes_requested"}

REQUESTS = {
    "edit (desk)": _desk("record-edit", method="get"),
    "submit (desk)": _desk("record-submit"),
    # from the confirmation page, which names who will see the record
    "release (desk)": _desk("review-approve", lambda r: {"confirm": "yes"}),
    "reject (desk)": _desk("review-reject", lambda r: {"comment": "Add a licence."}),
    "comment (desk)": _desk("record-comment", lambda r: {"comment": "Which licence?"}),
    "withdraw (desk)": _desk("record-withdraw", lambda r: {"reason": "Superseded."}),
    "attach a file (desk)": _desk("record-attach", lambda r: {"document": _SPARE[0]}),
    "detach a file (desk)": _desk(
        "record-detach", extra=[lambda world, state: world.documents[state].pk]
    ),
    "unpublish (admin)": _admin_unpublish,
    "release (admin workflow)": _admin_workflow("approve"),
    "reject (admin workflow)": _admin_workflow("reject"),
    "edit (api)": _api("", {"title": "Edited through the API"}, method="patch"),
    "submit (api)": _api("/submit"),
    "release (api)": _api("/release"),
    "reject (api)": _api("/reject", {"comment": "Add a licence."}),
    "withdraw (api)": _api("/withdraw", {"reason": "Superseded."}),
    "unpublish (api)": _api("/unpublish"),
    "attach a file (api)": _api("/files", lambda r: {"document": _SPARE[0]}),
    "detach a file (api)": _api(
        lambda world, state: f"/files/{world.documents[state].pk}", method="delete"
    ),
}
#: each API action follows the same rule as its desk or admin twin
API_TWINS = {
    "edit (api)": "edit (desk)",
    "submit (api)": "submit (desk)",
    "release (api)": "release (desk)",
    "reject (api)": "reject (desk)",
    "withdraw (api)": "withdraw (desk)",
    "unpublish (api)": "unpublish (admin)",
    "attach a file (api)": "attach a file (desk)",
    "detach a file (api)": "detach a file (desk)",
}
_SPARE: list = []  # the spare document's id, set by `prepare`


def prepare(world) -> None:
    _SPARE[:] = [world.spare.pk]


# --- the expected answers ----------------------------------------------------------


def can_edit(role: str, state: str) -> bool:
    """Authors edit their own records; editors everything of theirs; a review locks the
    draft for its author; an embargo locks it for everyone (Wagtail's scheduled lock:
    cancel the schedule first)."""
    if state == "embargoed":
        return False
    if state == "in_review":
        return role in EDITORS
    return role in MANAGERS


def allowed(action: str, role: str, state: str) -> bool:
    action = API_TWINS.get(action, action)
    if action in {"edit (desk)", "attach a file (desk)", "detach a file (desk)"}:
        return can_edit(role, state)
    if action == "submit (desk)":
        return role in MANAGERS and state in SUBMITTABLE
    if action == "release (desk)":
        return role in EDITORS and state in SUBMITTABLE | {"in_review"}
    if action == "reject (desk)":
        return role in EDITORS and state == "in_review"
    if action == "comment (desk)":
        return role in MANAGERS  # those who see the drafts, in every state
    if action == "withdraw (desk)":
        if role in EDITORS:
            return state in LIVE | IN_REVIEW
        return role == "author" and state == "in_review"  # takes back their submission
    if action == "release (admin workflow)":
        return role in EDITORS and state == "in_review"
    if action == "reject (admin workflow)":
        return role in EDITORS and state == "in_review"
    if action == "unpublish (admin)":
        return role in EDITORS and state in LIVE
    raise AssertionError(action)


def expected(action: str, who: Who, state: str) -> str | None:
    """The one answer, or None where the cell does not exist (pruned)."""
    if action.endswith("(admin workflow)") and state not in WORKFLOW_STATES:
        return None  # no review, no task state to name in the URL
    if action.endswith("(api)"):
        if not who.signed_in:
            return "401"
        if allowed(action, who.role, state):
            return "done"
        # A record the caller may not see is the API's 404, like a missing one;
        # one they see but may not change is refused with the service's reason.
        sees = who.role in MANAGERS or visible(who, state, [])
        return "refused" if sees else "404"
    admin = "(admin" in action
    if not who.signed_in:
        return "admin-login" if admin else "login"
    if allowed(action, who.role, state):
        return "done"
    if admin:
        if who.role == "registered":
            return "admin-login"
        if action.endswith("(admin workflow)") and state == "changes_requested":
            return "refused"  # Wagtail: "not in moderation", back to the edit page
        return "admin-home"
    if action in {"edit (desk)", "attach a file (desk)", "detach a file (desk)"}:
        return "404"  # the desk's edit pages are only for those who may edit
    return "refused" if who.role in MANAGERS else "404"


def upload_expected(who: Who) -> str:
    """POST /api/v1/uploads to institution A's collection: its members and administrators."""
    if not who.signed_in:
        return "401"
    return "201" if who.role in MANAGERS | {"colleague"} else "403"


#: the admin's "Import records" screen (/admin/import/): open it, or import a sheet
IMPORT_ACTIONS = ("open the import screen (admin)", "import into institution A (admin)")


def import_expected(action: str, who: Who) -> str:
    """Importing is adding records: whoever may add records under an institution (its
    teachers and editors, and administrators) opens the screen, and imports into those
    institutions only. Without the admin's access, Wagtail's sign-in."""
    if not who.signed_in or who.role == "registered":
        return "admin-login"
    if action == IMPORT_ACTIONS[0]:
        return "ok"  # every other role belongs to institution A or B, or administers
    return "done" if who.role in MEMBERS_A | {"admin"} else "refused"


#: usage reports (issue 15): institution A's COUNTER report through the API, the
#: platform's, and the admin's "Usage" screen
USAGE_ACTIONS = (
    "read institution A's usage report (api)",
    "read the platform's usage report (api)",
    "open the usage screen (admin)",
)


def usage_expected(action: str, who: Who) -> str:
    """An institution's editors and administrators read its reports, the platform's only
    administrators (access/usage.py); the screen is for whoever reads some report. The
    API asks for credentials (401) and refuses with 403; the admin sends others to
    Wagtail's sign-in, or home with its "no permission"."""
    if action.endswith("(api)"):
        if not who.signed_in:
            return "401"
        mine = action == USAGE_ACTIONS[0] and who.role == "editor"
        return "ok" if who.role == "admin" or mine else "403"
    if not who.signed_in or who.role == "registered":
        return "admin-login"
    return "ok" if who.role in EDITORS | {"editor_other"} else "admin-home"
