"""What every desk view shares: sign-in required, and errors turned into messages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.urls import reverse_lazy

from resource_hub.access import records as access
from resource_hub.institutions.models import InstitutionPage
from resource_hub.institutions.selectors import institutions_of_user

from ..selectors import record_for_desk

desk_login_required = login_required(login_url=reverse_lazy("login"))


def get_record(request, pk, *, edit=False):
    record = record_for_desk(request.user, pk, edit=edit)
    if record is None:
        raise Http404
    return record


def institutions_to_add_to(user):
    """The institutions where the user may create records."""
    pks = [
        institution.pk
        for institution in institutions_of_user(user)
        if access.can_create_record(user, institution)
    ]
    return InstitutionPage.objects.filter(pk__in=pks).order_by("title")


def refused(request, error) -> None:
    messages.error(request, str(error))
