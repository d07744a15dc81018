"""The upload API (/api/v1/uploads…): JSON over the services in uploads.py.

Documented in docs/api/uploads.md; used by static/files/js/uploader.js and by scripts.
"""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Collection

from resource_hub.access.documents import upload_collections
from resource_hub.api.views import ApiError, api_view, json_body

from . import uploads
from .errors import (
    FileError,
    FilePermissionDenied,
    StorageUnavailable,
    UploadIncomplete,
    UploadNotActive,
)
from .models import Upload


def _file_error(error: FileError) -> ApiError:
    if isinstance(error, FilePermissionDenied):
        return ApiError(403, "permission_denied", error.message)
    if isinstance(error, StorageUnavailable):
        return ApiError(503, "storage_unavailable", error.message)
    if isinstance(error, UploadIncomplete | UploadNotActive):
        return ApiError(409, error.code, error.message)
    code = getattr(error, "code", None) or _error_code(error)
    return ApiError(422, code, error.message)


def _error_code(error: FileError) -> str:
    # EmptyFile -> empty_file, FileTypeNotAllowed -> file_type_not_allowed
    name = type(error).__name__
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def _upload_json(request, upload: Upload, *, parts: list[dict] | None = None) -> dict:
    data = {
        "id": str(upload.pk),
        "state": upload.state,
        "filename": upload.filename,
        "title": upload.title,
        "size": upload.size,
        "sha256": upload.sha256 or None,
        "collection": upload.collection_id,
        "part_size": upload.part_size,
        "part_count": upload.part_count,
        "created_at": upload.created_at.isoformat(),
        "expires_at": upload.expires_at.isoformat(),
        "links": {
            "self": reverse("api:upload", args=[upload.pk]),
            "parts": reverse("api:upload-parts", args=[upload.pk]),
            "complete": reverse("api:upload-complete", args=[upload.pk]),
        },
    }
    if parts is not None:
        data["parts"] = parts
    if upload.error:
        data["error"] = {"code": "rejected", "message": upload.error}
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
        raise ApiError(404, "not_found", _("There is no such upload of yours.")) from None


def _integer(data: dict, name: str, *, required: bool = True) -> int | None:
    value = data.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ApiError(
            400, "invalid_field", _("“%(name)s” must be a whole number.") % {"name": name}
        )
    return value


@api_view(("GET",))
def collections(request):
    """The collections the caller may upload into (ids for `collection`)."""
    listed = [{"id": c.pk, "name": c.name} for c in upload_collections(request.user)]
    return JsonResponse({"collections": listed})


@api_view(("GET", "POST"))
def upload_list(request):
    """GET: your uploads still in progress (to resume). POST: start one."""
    if request.method == "GET":
        started = Upload.objects.filter(user=request.user, state=Upload.State.STARTED).order_by(
            "-created_at"
        )[:100]
        return JsonResponse({"uploads": [_upload_json(request, u) for u in started]})

    data = json_body(request)
    collection_id = _integer(data, "collection")
    size = _integer(data, "size")
    filename = data.get("filename")
    if not isinstance(filename, str) or not filename.strip():
        raise ApiError(400, "invalid_field", _("Give the file's name in “filename”."))
    title = data.get("title") or ""
    sha256 = data.get("sha256") or ""
    if not isinstance(title, str) or not isinstance(sha256, str):
        raise ApiError(400, "invalid_field", _("“title” and “sha256” must be text."))
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        raise ApiError(404, "not_found", _("There is no such collection."))
    try:
        upload = uploads.upload_start(
            user=request.user,
            collection=collection,
            filename=filename,
            size=size,
            title=title,
            sha256=sha256,
        )
    except FileError as error:
        raise _file_error(error) from error
    return JsonResponse(_upload_json(request, upload), status=201)


@api_view(("GET", "DELETE"))
def upload_detail(request, upload_id):
    """GET: the upload and the parts that have arrived. DELETE: give it up."""
    upload = _own_upload(request, upload_id)
    if request.method == "DELETE":
        uploads.upload_abort(upload=upload)
        return JsonResponse(_upload_json(request, upload))
    try:
        parts = uploads.upload_parts(upload=upload)
    except FileError as error:
        raise _file_error(error) from error
    return JsonResponse(_upload_json(request, upload, parts=parts))


@api_view(("POST",))
def upload_sign_parts(request, upload_id):
    """Signed URLs for the parts named in {"parts": [1, 2, …]}."""
    upload = _own_upload(request, upload_id)
    numbers = json_body(request).get("parts")
    if not isinstance(numbers, list):
        raise ApiError(400, "invalid_field", _("Give the part numbers as a list in “parts”."))
    try:
        signed = uploads.upload_sign_parts(upload=upload, part_numbers=numbers)
    except FileError as error:
        raise _file_error(error) from error
    return JsonResponse({"parts": signed})


@api_view(("PUT",), login_required=False, csrf=False)
def upload_part(request, upload_id, number):
    """Local storage only: the signed URL a part is sent to (the signature is the credential)."""
    if uploads.objectstore.is_s3():
        raise ApiError(404, "not_found", _("Parts go straight to the object store here."))
    get_object_or_404(Upload, pk=upload_id)
    try:
        received = uploads.upload_receive_part(
            upload_id=upload_id,
            number=number,
            token=request.GET.get("token", ""),
            stream=request,
        )
    except FileError as error:
        raise _file_error(error) from error
    response = JsonResponse(received)
    response["ETag"] = received["etag"]
    return response


@api_view(("POST",))
def upload_complete(request, upload_id):
    """Verify and store the file; answers the new document, or why it was refused."""
    upload = _own_upload(request, upload_id)
    try:
        uploads.upload_complete(upload=upload)
    except FileError as error:
        raise _file_error(error) from error
    except ValidationError as error:
        raise ApiError(422, "invalid_file", " ".join(error.messages)) from error
    upload.refresh_from_db()
    return JsonResponse(_upload_json(request, upload), status=201)
