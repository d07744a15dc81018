"""Reviewing on the desk: "Awaiting my review", a review page per submission, and the
editor's two decisions (approve after a confirmation that names who will see the
record, or send back with a comment). The access policy decides who reviews."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from resource_hub.access import records as access
from resource_hub.records.errors import RecordError
from resource_hub.records.models import AccessLevel
from resource_hub.records.selectors import licence_badge, record_shown_text, record_status
from resource_hub.records.services import record_reject, record_release

from ..forms import ApproveForm, CommentForm, RejectForm
from ..selectors import (
    draft_files,
    institutions_edited_by,
    record_changes,
    record_conversation,
    review_queue_rows,
)
from .common import desk_login_required, get_record


@desk_login_required
def review_list(request):
    return render(
        request,
        "desk/review_queue.html",
        {
            "rows": review_queue_rows(request.user),
            "is_editor": institutions_edited_by(request.user).exists(),
        },
    )


def release_audience(record, institution) -> str:
    """Who will see the record once released, from its access level, in plain words."""
    if record.access_level == AccessLevel.INSTITUTION:
        return _("Members of %(institution)s") % {"institution": institution.title}
    if record.access_level == AccessLevel.REGISTERED:
        return _("Everyone signed in to the site")
    return _("Everyone, without signing in (search engines too)")


def release_summary(record) -> dict:
    """What releasing the record's latest draft does: who will see it, from when, with
    which files. The desk's confirmation and the admin's (`admin_approval`) both show it."""
    draft = record.get_latest_revision_as_object()
    institution = record.institution
    embargo = draft.go_live_at if draft.go_live_at and draft.go_live_at > timezone.now() else None
    return {
        "draft": draft,
        "institution": institution,
        "audience": release_audience(draft, institution),
        "embargo": embargo,
        "files": draft_files(draft),
    }


def _reviewed_record(request, pk):
    """The record, for those who review it (its institution's editors, administrators).

    Its author is sent to their own page of it; anyone else gets the desk's 404.
    """
    record = get_record(request, pk)
    if not access.can_moderate(request.user, record):
        return record, redirect("desk:record-review", pk=record.pk)
    return record, None


def _review_context(request, record) -> dict:
    summary = release_summary(record)
    draft = summary["draft"]
    translations = list(draft.translations.all())
    return {
        **summary,
        "record": record,
        "shown": record_shown_text(draft, translations),
        "translations": translations,
        "creators": list(draft.creators.all()),
        "keywords": [tag.name for tag in draft.keywords.all()],
        "levels": list(draft.education_levels.all()),
        "partners": list(draft.contributing_institutions.all()),
        "licence_badge": licence_badge(draft.licence),
        "changes": record_changes(record, draft, request=request),
        "conversation": record_conversation(record),
        "status": record_status(record),
        "can_release": access.can_release(request.user, record),
        "can_reject": access.can_reject(request.user, record),
    }


def _review_page(request, record, *, reject_form=None, status=200):
    context = _review_context(request, record)
    context["reject_form"] = reject_form or RejectForm()
    context["comment_form"] = CommentForm(initial={"back": "review"})
    return render(request, "desk/review_detail.html", context, status=status)


@desk_login_required
def review_detail(request, pk):
    record, elsewhere = _reviewed_record(request, pk)
    return elsewhere or _review_page(request, record)


@desk_login_required
def review_approve(request, pk):
    """GET: the confirmation, naming who will see the record. POST (from it): release.

    A POST without the confirmation shows the confirmation instead (400); the
    service refuses those who may not release, with its reason.
    """
    record, elsewhere = _reviewed_record(request, pk)
    posted = request.method == "POST"
    form = ApproveForm(request.POST) if posted else ApproveForm(initial={"confirm": True})
    if posted and form.is_valid():
        try:
            record_release(
                user=request.user, record=record, comment=form.cleaned_data["comment"].strip()
            )
        except RecordError as error:
            messages.error(request, str(error))
            return redirect("desk:review-detail", pk=record.pk)
        messages.success(request, _("“%(title)s” was released.") % {"title": record.draft_title})
        return redirect("desk:review")
    if elsewhere:
        return elsewhere
    if not access.can_release(request.user, record):
        messages.error(request, _("This record has nothing to release."))
        return redirect("desk:review-detail", pk=record.pk)
    context = _review_context(request, record)
    context["form"] = form
    return render(request, "desk/review_approve.html", context, status=400 if posted else 200)


@require_POST
@desk_login_required
def review_reject(request, pk):
    """Send back with a comment (required); the service refuses those who may not."""
    record, elsewhere = _reviewed_record(request, pk)
    form = RejectForm(request.POST)
    if not form.is_valid() and not elsewhere:
        return _review_page(request, record, reject_form=form, status=400)
    try:
        record_reject(
            user=request.user, record=record, comment=form.cleaned_data.get("comment", "")
        )
    except RecordError as error:
        messages.error(request, str(error))
        return redirect("desk:review-detail", pk=record.pk)
    messages.success(
        request,
        _("“%(title)s” was sent back to its author with your comment.")
        % {"title": record.draft_title},
    )
    return redirect("desk:review")
