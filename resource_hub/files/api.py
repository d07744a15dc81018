"""The upload API (/api/v1/uploads…): schemas over the services in uploads.py.

Documented in docs/api/uploads.md; used by static/files/js/uploader.js and by
scripts. Errors are the files domain's own (files/errors.py: each knows its
status and code), answered by the API's one handler.
"""

from datetime import datetime
from typing import Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import StrictInt
from wagtail.models import Collection

from resource_hub.access.documents import upload_collections
from resource_hub.api.auth import SIGNED_IN
from resource_hub.api.errors import not_found
from resource_hub.api.schemas import errors

from . import completion, uploads
from .errors import InvalidFile
from .models import Upload

router = Router(tags=["uploads"], auth=SIGNED_IN)


class UploadCollectionOut(Schema):
    id: int
    name: str


class UploadCollectionsOut(Schema):
    collections: list[UploadCollectionOut]


class UploadIn(Schema):
    collection: StrictInt = Field(description="Id of a collection from GET /uploads/collections.")
    filename: str = Field(min_length=1)
    size: StrictInt = Field(ge=0, description="The file's size in bytes.")
    title: str = ""
    sha256: str = Field("", description="Optional: checked when the upload completes.")
    purpose: Literal["document", "import"] = Field(
        "document",
        description='"document" (completing makes a document), or "import": the ZIP of a '
        "records import, checked to be a ZIP and kept for the import (no document).",
    )


class PartsIn(Schema):
    parts: list[StrictInt] = Field(description="Part numbers, 1 and up.")


class SignedPartOut(Schema):
    number: int
    url: str
    method: str
    size: int
    expires_at: datetime


class SignedPartsOut(Schema):
    parts: list[SignedPartOut]


class ReceivedPartOut(Schema):
    number: int
    size: int
    etag: str


class ErrorNote(Schema):
    code: str = Field(
        description='"rejected", or why completing stopped (the upload is "started" again).'
    )
    message: str
    reason: str | None = Field(
        None, description="The refusal's own code (file_type_not_allowed, …)."
    )


class DocumentOut(Schema):
    id: int
    title: str
    filename: str
    size: int | None
    sha256: str
    mime_type: str
    download_url: str
    edit_url: str


class UploadLinks(Schema):
    self: str
    parts: str
    complete: str


class UploadOut(Schema):
    id: str
    state: str
    filename: str
    title: str
    size: int
    sha256: str | None
    collection: int
    purpose: str
    part_size: int
    part_count: int
    created_at: datetime
    expires_at: datetime
    links: UploadLinks
    parts: list[ReceivedPartOut] | None = None
    error: ErrorNote | None = None
    document: DocumentOut | None = None


class UploadsOut(Schema):
    uploads: list[UploadOut]


def _upload_json(upload: Upload, *, parts: list[dict] | None = None) -> dict:
    data = {
        "id": str(upload.pk),
        "state": upload.state,
        "filename": upload.filename,
        "title": upload.title,
        "size": upload.size,
        "sha256": upload.sha256 or None,
        "collection": upload.collection_id,
        "purpose": upload.purpose,
        "part_size": upload.part_size,
        "part_count": upload.part_count,
        "created_at": upload.created_at,
        "expires_at": upload.expires_at,
        "links": {
            "self": reverse("api:upload", args=[upload.pk]),
            "parts": reverse("api:upload-parts", args=[upload.pk]),
            "complete": reverse("api:upload-complete", args=[upload.pk]),
        },
        "parts": parts,
    }
    if upload.error:
        reason = upload.error_code or None
        code = "rejected" if upload.state == Upload.State.REJECTED else reason or "error"
        data["error"] = {"code": code, "message": upload.error, "reason": reason}
    if upload.document_id:
        document = upload.document
        data["document"] = {
            "id": document.pk,
            "title": document.title,
            "filename": document.original_filename,
            "size": document.size,
            "sha256": document.sha256,
            "mime_type": document.mime_type,
            "download_url": reverse("files:download", args=[document.pk]),
            "edit_url": reverse("wagtaildocs:edit", args=[document.pk]),
        }
    return data


def _own_upload(request, upload_id) -> Upload:
    try:
        return uploads.upload_for_user(user=request.user, upload_id=upload_id)
    except Upload.DoesNotExist:
        raise not_found(_("There is no such upload of yours.")) from None


@router.get(
    "/uploads/collections",
    response={200: UploadCollectionsOut, **errors(401, 429)},
    url_name="collections",
)
def collections(request):
    """The collections the caller may upload into (ids for `collection`)."""
    return {"collections": [{"id": c.pk, "name": c.name} for c in upload_collections(request.user)]}


@router.get("/uploads", response={200: UploadsOut, **errors(401, 429)}, url_name="uploads")
def upload_list(request):
    """Your uploads still in progress: to resume ("started") or being checked ("completing")."""
    started = Upload.objects.filter(
        user=request.user, state__in=[Upload.State.STARTED, Upload.State.COMPLETING]
    ).order_by("-created_at")[:100]
    return {"uploads": [_upload_json(u) for u in started]}


@router.post("/uploads", response={201: UploadOut, **errors(400, 401, 403, 404, 422, 429, 503)})
def upload_start(request, payload: UploadIn):
    """Start an upload: answers the part size and count; then sign parts and send them."""
    collection = Collection.objects.filter(pk=payload.collection).first()
    if collection is None:
        raise not_found(_("There is no such collection."))
    upload = uploads.upload_start(
        user=request.user,
        collection=collection,
        filename=payload.filename,
        size=payload.size,
        title=payload.title,
        sha256=payload.sha256,
        purpose=payload.purpose,
    )
    return Status(201, _upload_json(upload))


@router.get(
    "/uploads/{uuid:upload_id}",
    response={200: UploadOut, **errors(401, 404, 429, 503)},
    url_name="upload",
)
def upload_detail(request, upload_id: UUID):
    """The upload and the parts that have arrived."""
    upload = _own_upload(request, upload_id)
    return _upload_json(upload, parts=uploads.upload_parts(upload=upload))


@router.delete("/uploads/{uuid:upload_id}", response={200: UploadOut, **errors(401, 404, 429)})
def upload_abort(request, upload_id: UUID):
    """Give the upload up: its parts are deleted."""
    upload = _own_upload(request, upload_id)
    uploads.upload_abort(upload=upload)
    return _upload_json(upload)


@router.post(
    "/uploads/{uuid:upload_id}/parts",
    response={200: SignedPartsOut, **errors(400, 401, 404, 409, 422, 429)},
    url_name="upload-parts",
)
def upload_sign_parts(request, upload_id: UUID, payload: PartsIn):
    """Signed URLs for the parts named in {"parts": [1, 2, …]}: PUT each part's bytes there."""
    upload = _own_upload(request, upload_id)
    return {"parts": uploads.upload_sign_parts(upload=upload, part_numbers=payload.parts)}


@router.put(
    "/uploads/{uuid:upload_id}/parts/{int:number}",
    response={200: ReceivedPartOut, **errors(404, 422)},
    url_name="upload-part",
    auth=None,
    include_in_schema=False,
)
def upload_part(request, upload_id: UUID, number: int, token: str = ""):
    """Local storage only: the signed URL a part is sent to (the signature is the credential)."""
    if uploads.objectstore.is_s3():
        raise not_found(_("Parts go straight to the object store here."))
    get_object_or_404(Upload, pk=upload_id)
    received = uploads.upload_receive_part(
        upload_id=upload_id, number=number, token=token, stream=request
    )
    response = JsonResponse(received)
    response["ETag"] = received["etag"]
    return response


@router.post(
    "/uploads/{uuid:upload_id}/complete",
    response={201: UploadOut, 202: UploadOut, **errors(401, 404, 409, 422, 429, 503)},
    url_name="upload-complete",
)
def upload_complete(request, upload_id: UUID):
    """Verify and store the file: 201 with the new document, 202 while it is being checked
    (poll the upload's `self` link until its state is "completed" or "rejected"), or why
    it was refused."""
    upload = _own_upload(request, upload_id)
    try:
        completion.upload_request_completion(upload=upload)
    except ValidationError as error:
        raise InvalidFile(" ".join(error.messages)) from error
    upload.refresh_from_db()
    if upload.state == Upload.State.COMPLETED:
        return Status(201, _upload_json(upload))
    if upload.state == Upload.State.COMPLETING:
        return Status(202, _upload_json(upload))
    raise completion.upload_error(upload)
