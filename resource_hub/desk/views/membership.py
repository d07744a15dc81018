"""Membership: ask to join an institution, invite a teacher, answer requests, accept a link."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from resource_hub.institutions.selectors import institutions_of_user

from ..errors import DeskError
from ..forms import InvitationForm, MembershipRequestForm
from ..models import MembershipInvitation, MembershipRequest
from ..selectors import (
    institutions_edited_by,
    institutions_open_to_request,
    open_invitation,
    pending_requests_for,
    requests_of,
    unused_invitations_for,
)
from ..services import (
    invitation_accept,
    invitation_create,
    invitation_renew,
    membership_request_create,
    membership_request_decide,
)
from .common import desk_login_required


def _membership_page(request, form=None, invitation_form=None, invitation_link=None, status=200):
    user = request.user
    edited = institutions_edited_by(user).order_by("title")
    return render(
        request,
        "desk/membership.html",
        {
            "memberships": institutions_of_user(user).order_by("title"),
            "my_requests": requests_of(user),
            "form": form or MembershipRequestForm(institutions=institutions_open_to_request(user)),
            "edited": edited,
            "invitation_form": invitation_form or InvitationForm(institutions=edited),
            "pending": pending_requests_for(user),
            "invitations": unused_invitations_for(user),
            "invitation_link": invitation_link,
        },
        status=status,
    )


def _show_link(request, invitation, token):
    """The membership page with the link shown once, and whether the e-mail went."""
    link = request.build_absolute_uri(reverse("desk:invitation", args=[token]))
    Status = MembershipInvitation.EmailStatus
    values = {"email": invitation.email}
    if invitation.email_status == Status.SENT:
        messages.success(request, _("The invitation was e-mailed to %(email)s.") % values)
    elif invitation.email_status == Status.FAILED:
        messages.error(
            request,
            _(
                "The invitation could not be e-mailed to %(email)s. Copy the link below "
                "and send it yourself: it is shown only now."
            )
            % values,
        )
    elif invitation.email_status == Status.SENDING:  # sent once an outer transaction commits
        messages.info(request, _("The invitation is being e-mailed to %(email)s.") % values)
    # Shown once: only the token's hash is stored.
    return _membership_page(request, invitation_link={"url": link, "invitation": invitation})


@desk_login_required
def membership(request):
    return _membership_page(request)


@require_POST
@desk_login_required
def membership_request(request):
    form = MembershipRequestForm(
        request.POST, institutions=institutions_open_to_request(request.user)
    )
    if form.is_valid():
        try:
            membership_request_create(
                user=request.user,
                institution=form.cleaned_data["institution"],
                message=form.cleaned_data["message"],
            )
        except DeskError as error:
            form.add_error("institution", str(error))
        else:
            messages.success(request, _("Your request was sent to the institution's editors."))
            return redirect("desk:membership")
    return _membership_page(request, form=form, status=400)


@require_POST
@desk_login_required
def invitation_new(request):
    form = InvitationForm(
        request.POST, institutions=institutions_edited_by(request.user).order_by("title")
    )
    if not form.is_valid():
        if "institution" in form.errors:
            raise Http404
        return _membership_page(request, invitation_form=form, status=400)
    try:
        invitation, token = invitation_create(
            user=request.user,
            institution=form.cleaned_data["institution"],
            email=form.cleaned_data["email"],
            language=form.cleaned_data["language"] or request.LANGUAGE_CODE,
        )
    except DeskError as error:
        if error.parameter in form.fields:
            form.add_error(error.parameter, str(error))
            return _membership_page(request, invitation_form=form, status=400)
        messages.error(request, str(error))
        return redirect("desk:membership")
    return _show_link(request, invitation, token)


@require_POST
@desk_login_required
def invitation_resend(request, pk):
    """Renew and send: a new link to the same address (the old one cannot be sent again)."""
    invitation = get_object_or_404(MembershipInvitation, pk=pk)
    try:
        invitation, token = invitation_renew(user=request.user, invitation=invitation)
    except DeskError as error:
        messages.error(request, str(error))
        return redirect("desk:membership")
    return _show_link(request, invitation, token)


@require_POST
@desk_login_required
def membership_request_answer(request, pk):
    membership_request = get_object_or_404(MembershipRequest, pk=pk)
    approve = request.POST.get("decision") == "approve"
    try:
        membership_request_decide(user=request.user, request=membership_request, approve=approve)
    except DeskError as error:
        messages.error(request, str(error))
    else:
        name = membership_request.user.get_full_name() or membership_request.user.get_username()
        if approve:
            messages.success(request, _("%(name)s is now a teacher.") % {"name": name})
        else:
            messages.success(request, _("The request of %(name)s was declined.") % {"name": name})
    return redirect("desk:membership")


@desk_login_required
def invitation(request, token):
    if request.method == "POST":
        try:
            accepted = invitation_accept(user=request.user, token=token)
        except DeskError as error:
            return render(request, "desk/invitation.html", {"error": str(error)}, status=400)
        messages.success(
            request,
            _("Welcome: you are now a teacher of %(institution)s.")
            % {"institution": accepted.institution},
        )
        return redirect("desk:submissions")
    found = open_invitation(token)
    if found is None:
        error = _(
            "This invitation link is not valid, used or expired. Ask the editor for a new one."
        )
        return render(request, "desk/invitation.html", {"error": error}, status=404)
    return render(request, "desk/invitation.html", {"token": token, "invitation": found})
