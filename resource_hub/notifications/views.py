"""The person's e-mail settings, the e-mails' unsubscribe links, the landing after sign-in,
and asking for a new password."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from resource_hub.desk.views.common import desk_login_required

from .account import landing_url
from .errors import NotificationError
from .forms import PreferencesForm
from .models import Topic
from .passwords import PasswordResetForm, TooManyResets, count_reset_request
from .selectors import preferences_for
from .services import preferences_update, unsubscribe, unsubscribe_target


@desk_login_required
def landing(request):
    """LOGIN_REDIRECT_URL: editors land on their review queue, teachers on their submissions."""
    return redirect(landing_url(request.user))


@desk_login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = preferences_for(request.user)
    if request.method == "POST":
        form = PreferencesForm.for_preferences(current, data=request.POST)
        if form.is_valid():
            preferences_update(
                user=request.user,
                language=form.cleaned_data["language"],
                topics={topic.value: form.cleaned_data[topic.value] for topic in Topic},
            )
            messages.success(request, _("Your e-mail settings were saved."))
            return redirect("notifications:settings")
        status = 400
    else:
        form = PreferencesForm.for_preferences(current)
        status = 200
    return render(request, "notifications/settings.html", {"form": form}, status=status)


# No CSRF token: the signed token is the authority, and mail clients POST here
# themselves (RFC 8058 one-click unsubscribe). A GET only asks, because mail
# scanners open every link in an e-mail.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    try:
        if request.method == "POST":
            _preferences, topic = unsubscribe(token=token)
            return render(
                request, "notifications/unsubscribe.html", {"done": True, "topic": topic.label}
            )
        _user_id, topic = unsubscribe_target(token)
    except NotificationError as error:
        return render(request, "notifications/unsubscribe.html", {"error": error}, status=400)
    return render(
        request, "notifications/unsubscribe.html", {"token": token, "topic": Topic(topic).label}
    )


class PasswordResetView(auth_views.PasswordResetView):
    """Django's "forgot your password", with the site's e-mail and a limit (passwords.py).

    Over the limit the form says when to try again (429) and sends nothing.
    """

    form_class = PasswordResetForm

    def form_valid(self, form):
        try:
            count_reset_request(self.request, form.cleaned_data["email"])
        except TooManyResets as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)
