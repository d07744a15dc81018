"""The parity table: who, which record, where a restriction sits → the one expected answer.

Written from the policy's words (resource_hub/access/__init__.py and issue 11),
never from its predicates: a released record is visible when every view
restriction on its path lets the viewer in (login: signed in and active;
groups: a member of institution A's groups, or a superuser; password: a
session that typed that restriction's password); unreleased records are
shown to no one in public; files go to their managers and to whoever may
see a record holding them.
"""

from dataclasses import dataclass

from .parity_world import RELEASED

ROLES = [
    "anonymous",
    "registered",  # signed in, of no institution
    "author",  # teacher of institution A, the records' author and the files' uploader
    "colleague",  # another teacher of institution A
    "editor",  # editor of institution A
    "teacher_other",  # teacher of institution B
    "editor_other",  # editor of institution B
    "admin",  # superuser
    "inactive",  # an editor of institution A whose account is inactive
]
NOT_SIGNED_IN = {"anonymous", "inactive"}  # an inactive account's session counts for nothing
MEMBERS_A = {"author", "colleague", "editor"}  # in institution A's member groups
MANAGERS = {"author", "editor", "admin"}  # uploader, and "change" on the collection

#: each record's own restriction (its access level, or a password put on it)
OWN = {
    "released_registered": [("login", "record")],
    "released_institution": [("groups", "record")],
    "released_password": [("password", "record")],
}
#: restriction phases: (kind, where) put above the records for one test
PHASES = [
    (kind, where) for where in ("institution", "index") for kind in ("login", "groups", "password")
]


@dataclass(frozen=True)
class Who:
    """A role, and the places whose password this session typed."""

    role: str
    typed: frozenset = frozenset()

    def __str__(self):
        return self.role + "".join(f"+typed({where})" for where in sorted(self.typed))

    @property
    def signed_in(self) -> bool:
        return self.role not in NOT_SIGNED_IN


def passes(who: Who, kind: str, where: str) -> bool:
    if kind == "login":
        return who.signed_in
    if kind == "groups":
        return who.signed_in and (who.role == "admin" or who.role in MEMBERS_A)
    return where in who.typed  # password: superusers type it too


def record_path(state: str, above: list) -> list:
    """The restrictions on a record's path: its own and those put above it."""
    return OWN.get(state, []) + list(above)


def visible(who: Who, state: str, above: list) -> bool:
    return state in RELEASED and all(passes(who, *r) for r in record_path(state, above))


def refusal(who: Who, failing: list) -> str | None:
    """How a page answers those a restriction keeps out (None: not asserted).

    Signed in: 403 for a login or groups restriction (the product's answer,
    access/refusals.py; Wagtail would ask them to sign in again), else the
    password form. Anonymous: Wagtail's answer to the first failing
    restriction; when a password and a login/groups restriction both fail,
    "first" is the database's unordered choice (Page.get_view_restrictions),
    so that cell is pruned.
    """
    hard = [kind for kind, _where in failing if kind != "password"]
    if who.signed_in:
        return "403" if hard else "password"
    if hard and len(hard) < len(failing):
        return None
    return "login" if hard else "password"


def page(who: Who, state: str, above: list) -> str | None:
    if state not in RELEASED:
        return "404"
    failing = [r for r in record_path(state, above) if not passes(who, *r)]
    return refusal(who, failing) if failing else "ok"


def export(who: Who, state: str, above: list) -> str:
    return "ok" if visible(who, state, above) else "404"


def api_record(who: Who, state: str, above: list) -> str:
    """GET /api/v1/records/{id} (and its export and citation): what `can_view`
    allows, the released version, or the latest draft for its author and
    editors in every state; anything else is the same 404 as no record."""
    if (who.signed_in and who.role in MANAGERS) or visible(who, state, above):
        return "ok"
    return "404"


def bundled(listing_above: list):
    """A curated collection's ZIP holding the record: a collection the viewer may not open
    is a 404 (a download, not a page: no sign-in form), else whether the record is in it."""

    def expect(who: Who, state: str, above: list) -> str:
        if not all(passes(who, *r) for r in listing_above):
            return "404"
        return found(who, state, above)

    return expect


def oai(who: Who, state: str, above: list) -> str:
    """OAI-PMH GetRecord: harvesters are anonymous whoever asks; a record released once
    and no longer open to everyone is a deleted header; one never released does not exist."""
    if visible(Who("anonymous"), state, above):
        return "record"
    if state in RELEASED or state in {"unpublished", "withdrawn"}:
        return "deleted"
    return "idDoesNotExist"


def file(who: Who, state: str, above: list) -> str:
    if (who.signed_in and who.role in MANAGERS) or visible(who, state, above):
        return "file"
    return "403" if who.signed_in else "login"


def found(who: Who, state: str, above: list) -> str:
    return "shown" if visible(who, state, above) else "absent"


def suggested(who: Who, state: str, above: list) -> str:
    """As `found`, with the limit access/search.py documents: a record whose
    restrictions are not one set of alternatives (after a login beside a
    groups restriction is dropped) is suggested to no one."""
    clauses = {kind if kind != "password" else where for kind, where in record_path(state, above)}
    if "groups" in clauses:
        clauses.discard("login")
    if len(clauses) > 1:
        return "absent"
    return found(who, state, above)


def listed(listing_above: list):
    """A listing page with restrictions `listing_above` on its own path, showing the record."""

    def expect(who: Who, state: str, above: list) -> str | None:
        failing = [r for r in listing_above if not passes(who, *r)]
        if failing:
            return refusal(who, failing)
        return found(who, state, above)

    return expect


def desk(who: Who, state: str, above: list) -> str:
    """The record on the desk: its author and editors, in every state."""
    if not who.signed_in:
        return "login"
    return "ok" if who.role in MANAGERS else "404"


def review_page(who: Who, state: str, above: list) -> str:
    """The desk's review page: the institution's editors (and administrators), in every
    state; its author is sent to their own page of the record; others get the desk's 404."""
    if not who.signed_in:
        return "login"
    if who.role in {"editor", "admin"}:
        return "ok"
    return "own page" if who.role == "author" else "404"


def admin_edit(who: Who, state: str, above: list) -> str:
    """Wagtail's edit view: page permission, else Wagtail's refusal (back to the
    admin's home with a message); without admin access, Wagtail's sign-in."""
    if not who.signed_in or who.role == "registered":
        return "admin-login"
    return "ok" if who.role in MANAGERS else "admin-home"


def public_count(states, above: list) -> int:
    """Browse counts are of records everyone may open (core/selectors.py), the same for all."""
    return sum(visible(Who("anonymous"), state, above) for state in states)


def browse_collection(held: list, listing_above: list, *, released: bool = True):
    """A collection on the public collections list (/browse/collections/): listed for
    whoever may open its page (restrictions `listing_above` on its path), with the
    count of the records in it (`held`) that this viewer may open; else absent."""

    def expect(who: Who, above: list) -> int | str:
        if not released or not all(passes(who, *r) for r in listing_above):
            return "absent"
        return sum(visible(who, state, above) for state in held)

    return expect
