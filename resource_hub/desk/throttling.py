"""What django-axes asks of the project (settings/signin.py names these).

`lockout_response` is what a locked-out person sees: the sign-in page they
used (the site's or the admin's), with the reason and when to try again, as
HTTP 429; `SigninAttemptsHandler` keeps the failures. Who is signing in is
read by `resource_hub.core.client_address` (shared with the API's limits).
"""

import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext, ngettext


def lockout_message() -> str:
    """Why sign-in is refused and when to try again, in the active language."""
    cool_off = get_cool_off()
    if not cool_off:
        return gettext(
            "Too many failed sign-in attempts. Ask an administrator to unlock sign-in for you."
        )
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60))
    return ngettext(
        "Too many failed sign-in attempts. Try again in %(minutes)s minute.",
        "Too many failed sign-in attempts. Try again in %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """The sign-in page again, its error replaced by the lockout message (AXES_LOCKOUT_CALLABLE).

    Both sign-in views (Django's, under the site's templates, and Wagtail's)
    answer a refused sign-in with a TemplateResponse whose form says the
    password was wrong; that would be misleading, so the same page is drawn
    again with the real reason, keeping the user name that was typed.
    """
    message = lockout_message()
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    if form is None or not hasattr(form, "add_error"):
        # Signed in some other way than a sign-in page: the reason in plain words.
        response = HttpResponse(message, content_type="text/plain; charset=utf-8")
    else:
        form.errors.clear()
        form.add_error(None, message)
        response = render(request, original_response.template_name, context)
    response.status_code = settings.AXES_HTTP_RESPONSE_CODE
    cool_off = get_cool_off(request)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


class SigninAttemptsHandler(AxesDatabaseHandler):
    """Axes' database handler, but a successful sign-in clears only the person's own failures.

    Axes' own reset (AXES_RESET_ON_SUCCESS) deletes every failure of the user
    name *or* the address; with both as lockout parameters, anyone with an
    account could then guess at other people's passwords without end by
    signing in to their own account between guesses. Here it deletes the
    failures of this user name from this address: a person who mistyped and
    then got it right starts again from nothing, and nobody else's count moves.
    """

    def reset_user_attempts(self, request, credentials=None) -> int:
        count, _deleted = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        ).delete()
        return count
