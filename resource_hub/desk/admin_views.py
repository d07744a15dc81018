"""The admin's "Sign-in lockouts" screen: who cannot sign in now, and an Unlock button.

Superusers only (the menu item under Settings is hidden from everyone else).
What it reads and does is in lockouts.py.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .lockouts import signin_lockouts, signin_unlock


class UnlockForm(forms.Form):
    username = forms.CharField(required=False, max_length=255)
    ip_address = forms.GenericIPAddressField(required=False)


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "desk/admin/lockouts.html"
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lockouts"] = signin_lockouts(user=self.request.user)
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        return context

    def post(self, request):
        form = UnlockForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Nothing was unlocked: the request was not understood."))
            return redirect("desk_signin_lockouts")
        username = form.cleaned_data["username"] or None
        ip_address = form.cleaned_data["ip_address"] or None
        signin_unlock(user=request.user, username=username, ip_address=ip_address)
        messages.success(
            request,
            _("Sign-in is unlocked for %(who)s.")
            % {"who": ", ".join(value for value in (username, ip_address) if value)},
        )
        return redirect("desk_signin_lockouts")
