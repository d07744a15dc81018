"""The upload wizard: 1 metadata, 2 files, 3 review and submit; and editing a draft."""

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from taggit.models import Tag

from resource_hub.access import records as access
from resource_hub.core.errors import error_body
from resource_hub.files.models import ResourceDocument
from resource_hub.records import states
from resource_hub.records.errors import RecordError
from resource_hub.records.models import (
    AchievementPage,
    RecordCreator,
    RecordKeyword,
    RecordTranslation,
    TeachingResourcePage,
)
from resource_hub.records.selectors import record_status
from resource_hub.records.services import (
    file_attach,
    file_detach,
    record_create_draft,
    record_update_draft,
)

from ..forms import (
    CommentForm,
    CreatorFormSet,
    FileAttachForm,
    RecordMetadataForm,
    TranslationFormSet,
    creator_of,
)
from ..selectors import record_conversation
from ..services.conversation import record_comment
from .common import desk_login_required, get_record, institutions_to_add_to

RECORD_CLASSES = {"material": TeachingResourcePage, "achievement": AchievementPage}


def _conversation(request, record, *, back: str) -> dict:
    """The record's conversation and the form to add to it, for those the policy lets in."""
    if record is None or not access.can_discuss(request.user, record):
        return {}
    status = record_status(record)
    return {
        "status": status,
        "conversation": record_conversation(record),
        "comment_form": CommentForm(initial={"back": back}),
        "can_resubmit": status.code == "changes_requested"
        and access.can_submit(request.user, record),
    }


def _metadata_page(request, form, creators, translations, record=None, status=200):
    context = {
        "form": form,
        "creators": creators,
        "translations": translations,
        "record": record,
        "step": 1,
    }
    context.update(_conversation(request, record, back="edit"))
    return render(request, "desk/record_metadata.html", context, status=status)


@desk_login_required
def record_new(request):
    institutions = institutions_to_add_to(request.user)
    if not institutions:
        messages.info(request, _("Join an institution before you share a record."))
        return redirect("desk:membership")
    form = RecordMetadataForm(
        request.POST or None, institutions=institutions, new_kind=request.GET.get("kind")
    )
    creators = CreatorFormSet(
        request.POST or None,
        prefix="creators",
        initial=[creator_of(request.user, institutions)],
    )
    translations = TranslationFormSet(request.POST or None, prefix="translations")
    if request.method == "POST" and _all_valid(form, creators, translations):
        data = form.cleaned_data
        try:
            record = record_create_draft(
                user=request.user,
                institution=data["institution"],
                record_class=RECORD_CLASSES[data["kind"]],
                creators=creators.creators(),
                translations=translations.translations(),
                keywords=data["keywords"],
                education_levels=data["education_levels"],
                **form.cooperation_fields(data["kind"]),
                **form.record_fields(),
            )
        except RecordError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Draft saved. Now add its files."))
            return redirect("desk:record-files", pk=record.pk)
    status = 400 if request.method == "POST" else 200
    return _metadata_page(request, form, creators, translations, status=status)


def _all_valid(*forms) -> bool:
    """Validate every form (not stopping at the first) so the summary lists every error."""
    results = [form.is_valid() for form in forms]
    return all(results)


def _initial(record):
    levels = list(record.education_levels.all())
    return {
        "title": record.title,
        "abstract": record.abstract,
        "keywords": ", ".join(tag.name for tag in record.keywords.all()),
        "language": record.language_id,
        "subject": record.subject_id,
        "education_levels": levels,
        "resource_type": record.resource_type_id,
        "licence": record.licence_id,
        "year": record.year,
        "access_level": record.access_level,
        "event": record.event_id,
        "cross_border": getattr(record, "cross_border", False),
        "signed_on": getattr(record, "signed_on", None),
        "ends_on": getattr(record, "ends_on", None),
        "parties": [party.institution_id for party in record.parties.all()],
    }


@desk_login_required
def record_edit(request, pk):
    record = get_record(request, pk, edit=True)
    draft = record.get_latest_revision_as_object()
    kind = record.resource_type_kind
    form = RecordMetadataForm(request.POST or None, initial=_initial(draft), kind=kind)
    creators = CreatorFormSet(
        request.POST or None,
        prefix="creators",
        initial=[
            {"name": c.name, "orcid": c.orcid, "affiliation": c.affiliation, "role": c.role}
            for c in draft.creators.all()
        ],
    )
    translations = TranslationFormSet(
        request.POST or None,
        prefix="translations",
        initial=[
            {"language": t.language_id, "title": t.title, "abstract": t.abstract}
            for t in draft.translations.all()
        ],
    )
    if request.method == "POST" and _all_valid(form, creators, translations):
        try:
            with transaction.atomic():
                record_update_draft(
                    user=request.user,
                    record=record,
                    creators=[RecordCreator(**item) for item in creators.creators()],
                    translations=[
                        RecordTranslation(sort_order=n, **item)
                        for n, item in enumerate(translations.translations())
                    ],
                    education_levels=list(form.cleaned_data["education_levels"]),
                    # Setting `keywords` on a revision object does nothing; its child
                    # relation `keyword_items` is what a revision stores.
                    keyword_items=[
                        RecordKeyword(
                            tag=Tag.objects.get_or_create(
                                name__iexact=word, defaults={"name": word}
                            )[0]
                        )
                        for word in form.cleaned_data["keywords"]
                    ],
                    **form.cooperation_fields(kind, draft),
                    **form.record_fields(),
                )
        except RecordError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Changes saved."))
            return redirect("desk:record-files", pk=record.pk)
    status = 400 if request.method == "POST" else 200
    return _metadata_page(request, form, creators, translations, record=record, status=status)


def _files_of(record):
    draft = record.get_latest_revision_as_object()
    return [item.document for item in draft.files.all()]


def _file_rows(record) -> list:
    """The attached files with their labels ("Slides", "Teacher's guide"), in order."""
    return list(record.get_latest_revision_as_object().files.all())


@desk_login_required
def record_files(request, pk):
    record = get_record(request, pk, edit=True)
    institution = record.institution
    api_root = reverse("api:uploads").removesuffix("uploads")
    return render(
        request,
        "desk/record_files.html",
        {
            "record": record,
            "step": 2,
            "file_rows": _file_rows(record),
            "collection_id": institution.collection_id,
            "api_root": api_root,
            "max_bytes": settings.FILES_MAX_UPLOAD_SIZE,
            "max_size": filesizeformat(settings.FILES_MAX_UPLOAD_SIZE),
        },
    )


@desk_login_required
def record_submitted(request, pk):
    """The wizard's closing screen: what happens to a record once it is sent for review."""
    record = get_record(request, pk)
    status = record_status(record)
    if status.code != states.IN_REVIEW:
        return redirect("desk:record-review", pk=record.pk)
    draft = record.get_latest_revision_as_object()
    return render(
        request,
        "desk/record_submitted.html",
        {"record": record, "draft": draft, "status": status, "step": 3},
    )


@require_POST
@desk_login_required
def record_file_attach(request, pk):
    """Called by the wizard's script once a file is uploaded: attach the new document."""
    record = get_record(request, pk, edit=True)
    form = FileAttachForm(request.POST)
    if not form.is_valid():
        body = error_body("invalid_field", _("No file was given."), "document")
        return JsonResponse(body, status=400)
    document = ResourceDocument.objects.filter(pk=form.cleaned_data["document"]).first()
    try:
        if document is None:
            raise RecordError(_("This file does not exist."))
        file_attach(
            user=request.user,
            record=record,
            document=document,
            label=form.cleaned_data["label"],
        )
    except RecordError as error:  # the API's error shape (resource_hub/api/errors.py)
        return JsonResponse(error_body(error.code, error, error.parameter), status=error.status)
    return JsonResponse(
        {
            "document": {"id": document.pk, "title": document.title},
            "label": form.cleaned_data["label"],
        },
        status=201,
    )


@require_POST
@desk_login_required
def record_file_detach(request, pk, document_id):
    """The Remove button beside an attached file (a form: works without JavaScript)."""
    record = get_record(request, pk, edit=True)
    document = ResourceDocument.objects.filter(pk=document_id).first()
    try:
        if document is None:
            raise RecordError(_("This file does not exist."))
        file_detach(user=request.user, record=record, document=document)
    except RecordError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("“%(title)s” was removed from the record.") % {"title": document.title}
        )
    return redirect("desk:record-files", pk=record.pk)


@desk_login_required
def record_review(request, pk):
    record = get_record(request, pk)
    draft = record.get_latest_revision_as_object()
    return render(
        request,
        "desk/record_review.html",
        {
            "record": record,
            "draft": draft,
            "step": 3,
            "status": record_status(record),
            "files": _files_of(record),
            "creators": list(draft.creators.all()),
            "keywords": [tag.name for tag in draft.keywords.all()],
            "levels": list(draft.education_levels.all()),
            "can_edit": access.can_edit(request.user, record),
            "can_submit": access.can_submit(request.user, record),
            "can_review": access.can_moderate(request.user, record),
            **_conversation(request, record, back="submission"),
        },
    )


#: where a comment form sends its writer back to (the form says which page it was on)
_BACK = {"edit": "desk:record-edit", "review": "desk:review-detail"}


@require_POST
@desk_login_required
def record_comment_view(request, pk):
    """A message in the record's conversation; the author may resubmit with it."""
    record = get_record(request, pk)
    form = CommentForm(request.POST)
    resubmit = "resubmit" in request.POST
    back = _BACK.get(request.POST.get("back", ""), "desk:record-review")
    if resubmit or back == "desk:record-edit" and not access.can_edit(request.user, record):
        back = "desk:record-review"  # a record under review is locked for its author
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("comment", [])))
        return redirect(reverse(back, args=[record.pk]) + "#desk-conversation")
    try:
        record_comment(
            user=request.user,
            record=record,
            comment=form.cleaned_data["comment"],
            resubmit=resubmit,
        )
    except RecordError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Your comment was sent and the record is waiting for review again.")
            if resubmit
            else _("Your comment was added to the conversation."),
        )
    return redirect(reverse(back, args=[record.pk]) + "#desk-conversation")
