"""How a refusal is answered, the same on every surface.

Anonymous visitors are asked to sign in (what they asked for may be open to
registered users or members); a signed-in person who may not have it gets
403, not a sign-in form they have already passed (Wagtail sends them back to
sign in: wagtail/wagtail#4297).
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .restrictions import clauses_of
from .viewers import as_viewer


def refuse(request):
    """The answer to a request the policy refuses: a redirect to sign in, or 403."""
    if not as_viewer(request).is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def refuse_signed_in_outsider(page, request) -> None:
    """403 for a signed-in viewer whom a login or groups restriction on the page's path keeps out.

    Anonymous visitors and password restrictions are left to Wagtail's own
    check, which asks them to sign in or shows the password form.
    """
    viewer = as_viewer(request)
    if not viewer.is_authenticated:
        return
    for clause in clauses_of(page):
        if viewer.tokens & clause:
            continue
        if not all(token.startswith("password:") for token in clause):
            raise PermissionDenied
