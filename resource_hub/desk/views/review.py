""" "Awaiting my review": editors approve or send back their institution's submissions."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from resource_hub.records.errors import RecordError
from resource_hub.records.services import record_reject, record_release

from ..forms import RejectForm
from ..selectors import institutions_edited_by, review_queue
from .common import desk_login_required, get_record


def _queue_page(request, bound=None, status=200):
    rows = [
        {
            "record": record.specific,
            "form": bound[1]
            if bound and bound[0] == record.pk
            else RejectForm(prefix=f"r{record.pk}"),
        }
        for record in review_queue(request.user)
    ]
    return render(
        request,
        "desk/review_queue.html",
        {"rows": rows, "is_editor": institutions_edited_by(request.user).exists()},
        status=status,
    )


@desk_login_required
def review_list(request):
    return _queue_page(request)


@require_POST
@desk_login_required
def review_approve(request, pk):
    record = get_record(request, pk)
    try:
        record_release(user=request.user, record=record)
    except RecordError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("“%(title)s” was released.") % {"title": record.title})
    return redirect("desk:review")


@require_POST
@desk_login_required
def review_reject(request, pk):
    record = get_record(request, pk)
    form = RejectForm(request.POST, prefix=f"r{record.pk}")
    if not form.is_valid():
        return _queue_page(request, bound=(record.pk, form), status=400)
    try:
        record_reject(user=request.user, record=record, comment=form.cleaned_data["comment"])
    except RecordError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("“%(title)s” was sent back to its author with your comment.")
            % {"title": record.title},
        )
    return redirect("desk:review")
