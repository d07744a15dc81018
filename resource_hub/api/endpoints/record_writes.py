"""Depositing and reviewing records through the API (docs/api/records.md).

Each endpoint parses, calls one service of records/services (the same ones
the desk calls, with the same rules and messages) and answers the record as
`record_out` shows it. A record the caller may not see is 404, as on the
desk; one they may see but not change gets the service's refusal (403).
The input schemas and code lookups are in record_inputs.py. Creating a
record and attaching a file accept an `Idempotency-Key`
(api/idempotency.py).
"""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from resource_hub.access.records import can_create_record, can_view
from resource_hub.api.auth import SIGNED_IN
from resource_hub.api.errors import ApiError, not_found
from resource_hub.api.idempotency import Answer, idempotent
from resource_hub.api.schemas import errors
from resource_hub.files.models import ResourceDocument
from resource_hub.institutions.models import InstitutionPage
from resource_hub.institutions.selectors import institutions_of_user
from resource_hub.records import services
from resource_hub.records.errors import RecordError
from resource_hub.records.models import (
    RecordCreator,
    RecordPage,
    RecordTranslation,
)

from .record_inputs import (
    RECORD_CLASSES,
    CommentIn,
    FileIn,
    IdempotencyKeyHeader,
    ReasonIn,
    RecordCreateIn,
    RecordFieldsIn,
    record_fields_from,
)
from .record_schemas import RecordOut, record_out
from .records import router as records_router

# The records router itself (records.py): ninja gives each router its own view
# of a path, so GET and POST /records must share one router to share the path.
# Every write says auth=SIGNED_IN (the router's default lets anonymous readers in).
router = records_router


def _institution(request, institution_id: int | None) -> InstitutionPage:
    if institution_id is not None:
        institution = InstitutionPage.objects.filter(pk=institution_id).first()
        if institution is None:
            raise ApiError(
                422, "invalid_field", _("There is no such institution."), parameter="institution"
            )
        return institution
    user = request.user
    choices = [i for i in institutions_of_user(user) if can_create_record(user, i)]
    if len(choices) != 1:
        raise ApiError(
            400,
            "invalid_field",
            _("Say which institution the record belongs to: give institution, its id."),
            parameter="institution",
        )
    return choices[0]


def _record(request, record_id: int):
    """The record, if the caller may see it at all; else 404, as for an unknown id."""
    record = RecordPage.objects.filter(pk=record_id).first()
    if record is None or not can_view(request.user, record.specific):
        raise not_found(_("There is no such record."))
    return record.specific


def _answer(request, record, status: int = 200, location: str = "") -> Answer:
    """The record as the caller now sees it, as JSON (kept as is for idempotent replays)."""
    record = RecordPage.objects.get(pk=record.pk).specific  # fresh from the database
    body = RecordOut.model_validate(record_out(request, record)).model_dump(mode="json")
    return Answer(status, body, {"Location": location} if location else {})


# --- Endpoints -------------------------------------------------------------------------

RECORD = "/records/{int:record_id}"
RESPONSES = {200: RecordOut, **errors(400, 401, 403, 404, 409, 422, 429)}


@router.post(
    "/records",
    response={201: RecordOut, **errors(400, 401, 403, 422, 429)},
    url_name="record-create",
    auth=SIGNED_IN,
)
def record_create(
    request,
    payload: RecordCreateIn,
    response: HttpResponse,
    idempotency_key: str | None = IdempotencyKeyHeader,
):
    """Create a draft record in your institution; then attach files and submit it."""

    def work():
        given = payload.model_fields_set - {"kind", "institution"}
        fields = record_fields_from(payload, kind=payload.kind, given=given)
        record = services.record_create_draft(
            user=request.user,
            institution=_institution(request, payload.institution),
            record_class=RECORD_CLASSES[payload.kind],
            creators=fields.pop("creators", []),
            **fields,
        )
        return _answer(request, record, 201, reverse("api:record", args=[record.pk]))

    return idempotent(request, response, key=idempotency_key, work=work)


@router.patch(RECORD, response=RESPONSES, url_name="record-update", auth=SIGNED_IN)
def record_update(request, record_id: int, payload: RecordFieldsIn):
    """Change some of a record's fields (those sent); a released record keeps showing
    its released version until the change is released."""
    record = _record(request, record_id)
    fields = record_fields_from(
        payload, kind=record.resource_type_kind, given=payload.model_fields_set
    )
    if "creators" in fields:
        creators = fields["creators"]
        fields["creators"] = [RecordCreator(sort_order=n, **c) for n, c in enumerate(creators)]
    if "translations" in fields:
        translations = fields["translations"]
        fields["translations"] = [
            RecordTranslation(sort_order=n, **t) for n, t in enumerate(translations)
        ]
    services.record_update_draft(user=request.user, record=record, **fields)
    return _answer(request, record).body


@router.post(
    f"{RECORD}/files",
    response={201: RecordOut, **errors(400, 401, 403, 404, 422, 429)},
    url_name="record-files",
    auth=SIGNED_IN,
)
def record_file_attach(
    request,
    record_id: int,
    payload: FileIn,
    response: HttpResponse,
    idempotency_key: str | None = IdempotencyKeyHeader,
):
    """Attach a document made by the upload API (POST /uploads, then /complete)."""

    def work():
        record = _record(request, record_id)
        document = ResourceDocument.objects.filter(pk=payload.document).first()
        if document is None:
            raise RecordError(_("This file does not exist."), parameter="document")
        services.file_attach(
            user=request.user, record=record, document=document, label=payload.label
        )
        location = reverse("api:record-file", args=[record.pk, document.pk])
        return _answer(request, record, 201, location)

    return idempotent(request, response, key=idempotency_key, work=work)


@router.delete(
    f"{RECORD}/files/{{int:document_id}}",
    response=RESPONSES,
    url_name="record-file",
    auth=SIGNED_IN,
)
def record_file_detach(request, record_id: int, document_id: int):
    """Take a file off the record (the document itself stays)."""
    record = _record(request, record_id)
    document = ResourceDocument.objects.filter(pk=document_id).first()
    if document is None:
        raise not_found(_("This file does not exist."))
    services.file_detach(user=request.user, record=record, document=document)
    return _answer(request, record).body


@router.post(f"{RECORD}/submit", response=RESPONSES, url_name="record-submit", auth=SIGNED_IN)
def record_submit(request, record_id: int):
    """Send the draft (or changes to a released record) to the institution's editors."""
    record = _record(request, record_id)
    services.record_submit(user=request.user, record=record)
    return _answer(request, record).body


@router.post(f"{RECORD}/release", response=RESPONSES, url_name="record-release", auth=SIGNED_IN)
def record_release(request, record_id: int, payload: CommentIn | None = None):
    """Editors: release the record's latest version (approving its review, if any)."""
    record = _record(request, record_id)
    comment = payload.comment.strip() if payload else ""
    services.record_release(user=request.user, record=record, comment=comment)
    return _answer(request, record).body


@router.post(f"{RECORD}/reject", response=RESPONSES, url_name="record-reject", auth=SIGNED_IN)
def record_reject(request, record_id: int, payload: CommentIn):
    """Editors: send a record under review back to its author, saying what to change."""
    record = _record(request, record_id)
    services.record_reject(user=request.user, record=record, comment=payload.comment)
    return _answer(request, record).body


@router.post(f"{RECORD}/withdraw", response=RESPONSES, url_name="record-withdraw", auth=SIGNED_IN)
def record_withdraw(request, record_id: int, payload: ReasonIn):
    """Editors stop a review or take a released record down, saying why; an author
    takes back their own submission while it waits for review (as on the desk)."""
    record = _record(request, record_id)
    services.submission_withdraw(user=request.user, record=record, reason=payload.reason)
    return _answer(request, record).body


@router.post(f"{RECORD}/unpublish", response=RESPONSES, url_name="record-unpublish", auth=SIGNED_IN)
def record_unpublish(request, record_id: int):
    """Editors: take a released record off the public site; it becomes a draft again."""
    record = _record(request, record_id)
    services.record_unpublish(user=request.user, record=record)
    return _answer(request, record).body
