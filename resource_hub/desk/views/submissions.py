""" "My submissions", and submitting or withdrawing a record."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from resource_hub.access import records as access
from resource_hub.core.vocabularies import ResourceType
from resource_hub.records.errors import RecordError
from resource_hub.records.selectors import records_of_author
from resource_hub.records.services import record_submit, submission_withdraw

from ..forms import ReasonForm
from ..selectors import institutions_edited_by
from .common import desk_login_required, get_record, institutions_to_add_to

WITHDRAWABLE = {"in_review", "released"}  # records/states.py


@desk_login_required
def my_submissions(request):
    user = request.user
    rows = []
    for record, status in records_of_author(user, limit=100):
        record = record.specific
        editor = access.can_moderate(user, record)
        rows.append(
            {
                "record": record,
                # One word per kind across the product: "Teaching material", "Achievement".
                "kind": ResourceType.AppliesTo(record.resource_type_kind).label,
                "status": status,
                "can_edit": status.code != "in_review" and access.can_edit(user, record),
                "can_submit": access.can_submit(user, record),
                "can_withdraw": status.code in WITHDRAWABLE
                and (editor or status.code == "in_review"),
                "needs_reason": editor,
            }
        )
    return render(
        request,
        "desk/my_submissions.html",
        {
            "rows": rows,
            "can_create": institutions_to_add_to(user).exists(),
            "is_editor": institutions_edited_by(user).exists(),
        },
    )


@require_POST
@desk_login_required
def record_submit_view(request, pk):
    record = get_record(request, pk)
    try:
        record_submit(user=request.user, record=record)
    except RecordError as error:
        messages.error(request, str(error))
        return redirect("desk:record-review", pk=record.pk)
    messages.success(request, _("“%(title)s” was sent for review.") % {"title": record.title})
    return redirect("desk:record-submitted", pk=record.pk)  # what happens next


@require_POST
@desk_login_required
def record_withdraw_view(request, pk):
    record = get_record(request, pk)
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        submission_withdraw(
            user=request.user, record=record, reason=form.cleaned_data.get("reason", "")
        )
    except RecordError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("“%(title)s” was withdrawn.") % {"title": record.title})
    return redirect("desk:submissions")
