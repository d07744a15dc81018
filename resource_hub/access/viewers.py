"""Who is asking, as a set of tokens, and what each view restriction asks for.

A restriction is satisfied by any one token of its clause:

- login:    ``authenticated`` (any active, signed-in user);
- groups:   ``group:<id>`` for each of its groups, and ``group:*``, which only
            superusers hold (Wagtail lets them past group restrictions);
- password: ``password:<restriction id>``, held for the rest of the session by
            whoever typed the password into Wagtail's form (even superusers
            must type it, as Wagtail asks them to).

Everyone holds ``anyone``, so a viewer's token set is never empty.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from wagtail.models import BaseViewRestriction, PageViewRestriction

ANYONE = "anyone"
AUTHENTICATED = "authenticated"
ANY_GROUP = "group:*"


def group_token(group_id: int) -> str:
    return f"group:{group_id}"


def password_token(restriction_id: int) -> str:
    return f"password:{restriction_id}"


@dataclass(frozen=True)
class Viewer:
    """The person asking: their user (for page permissions) and their tokens."""

    tokens: frozenset[str]
    user: object = None

    @property
    def is_authenticated(self) -> bool:
        return AUTHENTICATED in self.tokens

    @property
    def is_superuser(self) -> bool:
        return ANY_GROUP in self.tokens

    @property
    def group_ids(self) -> tuple[int, ...]:
        ids = (token[6:] for token in self.tokens if token.startswith("group:"))
        return tuple(sorted(int(pk) for pk in ids if pk.isdigit()))

    @property
    def passed_restriction_ids(self) -> tuple[int, ...]:
        ids = (token[9:] for token in self.tokens if token.startswith("password:"))
        return tuple(sorted(int(pk) for pk in ids))

    def passes(self, clauses: Iterable[frozenset[str]]) -> bool:
        """Does the viewer satisfy every clause (each restriction on the record's path)?"""
        return all(self.tokens & clause for clause in clauses)


def active_user(user):
    """The user when signed in and active; None otherwise (inactive accounts count for nothing)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user if user.is_active else None


def viewer_of(user, *, passed_passwords: Iterable[int] = ()) -> Viewer:
    """The viewer for a user object (a service call, an API token's user)."""
    tokens = {ANYONE, *(password_token(pk) for pk in passed_passwords)}
    user = active_user(user)
    if user is not None:
        tokens.add(AUTHENTICATED)
        tokens.update(group_token(pk) for pk in user.groups.values_list("pk", flat=True))
        if user.is_superuser:
            tokens.add(ANY_GROUP)
    return Viewer(tokens=frozenset(tokens), user=user)


def viewer_of_request(request) -> Viewer:
    """The viewer for a web request: its user, and the page passwords typed in this session.

    Cached on the request, so every check of one request reads the groups once.
    """
    cached = getattr(request, "_access_viewer", None)
    if cached is not None:
        return cached
    session = getattr(request, "session", None)
    passed = ()
    if session is not None:
        passed = [
            pk
            for pk in session.get(PageViewRestriction.passed_view_restrictions_session_key, [])
            if isinstance(pk, int)
        ]
    viewer = viewer_of(getattr(request, "user", None), passed_passwords=passed)
    request._access_viewer = viewer
    return viewer


def user_of(who):
    """The active user behind `who` (a Viewer, a request or a user), or None.

    Reads neither the user's groups nor the session's passwords: a check that
    needs only the user (is this the file's uploader?) costs no query of its own.
    """
    if isinstance(who, Viewer):
        return active_user(who.user)
    if hasattr(who, "META") and hasattr(who, "user"):
        return active_user(who.user)
    return active_user(who)


def as_viewer(who) -> Viewer:
    """Accept a Viewer, a request or a user (the forms callers have at hand)."""
    if isinstance(who, Viewer):
        return who
    if hasattr(who, "META") and hasattr(who, "user"):
        return viewer_of_request(who)
    return viewer_of(who)


def clause_tokens(
    restriction_type: str, *, restriction_id: int, group_ids: Iterable[int]
) -> frozenset[str]:
    """The tokens that satisfy one view restriction (see the module's docstring)."""
    if restriction_type == BaseViewRestriction.LOGIN:
        return frozenset({AUTHENTICATED})
    if restriction_type == BaseViewRestriction.GROUPS:
        return frozenset({ANY_GROUP, *(group_token(pk) for pk in group_ids)})
    # A password, or a kind Wagtail may add one day: only the session that passed it.
    return frozenset({password_token(restriction_id)})
