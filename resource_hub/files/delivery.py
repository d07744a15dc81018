"""Handing a stored file to a browser: a short-lived signed URL where the storage can
sign one (S3), else the bytes streamed by Django, with the same headers either way.

The object store is the one external system here, so the S3 specifics stay in
this module.
"""

from django.conf import settings
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from storages.backends.s3 import S3Storage

from .filetypes import OCTET_STREAM


def attachment_header(filename: str) -> str:
    """`Content-Disposition: attachment` with an RFC 5987 UTF-8 name for non-ASCII names."""
    return content_disposition_header(as_attachment=True, filename=filename)


def download_response(document):
    """A redirect to a signed URL that forces a download, or the streamed file."""
    return _stored_file_response(
        document.file.name,
        filename=document.original_filename or document.filename,
        content_type=document.mime_type or OCTET_STREAM,
        as_attachment=True,
    )


def inline_response(
    name: str, *, filename: str, content_type: str, public_max_age: int | None = None
):
    """A redirect to a signed URL that the browser shows in the page, or the streamed file.

    Only for types that run nothing in the browser (PDF, raster images,
    audio, video): the caller decides, `previewable()` says which. From local
    storage Django's FileResponse answers every Range request with the whole
    file (200), so seeking in long audio or video waits for the download;
    S3's signed URLs do answer ranges (206).
    """
    return _stored_file_response(
        name,
        filename=filename,
        content_type=content_type,
        as_attachment=False,
        public_max_age=public_max_age,
    )


def _stored_file_response(
    name: str,
    *,
    filename: str,
    content_type: str,
    as_attachment: bool,
    public_max_age: int | None = None,
):
    """`public_max_age`: the file is public (the caller asked the policy), so the
    redirect and the bytes may be cached that long; the signed URL outlives the
    cached redirect, so a browser following it from its cache still gets the file."""
    storage = storages["default"]
    cache_control = f"public, max-age={public_max_age}" if public_max_age else "private, no-store"
    if isinstance(storage, S3Storage):
        disposition = content_disposition_header(as_attachment=as_attachment, filename=filename)
        parameters = {
            "ResponseContentDisposition": disposition,
            "ResponseContentType": content_type,
        }
        expire = settings.S3_SIGNED_URL_EXPIRY
        if public_max_age:
            parameters["ResponseCacheControl"] = cache_control
            expire += public_max_age
        url = storage.url(name, parameters=parameters, expire=expire)
        response = HttpResponseRedirect(url)
    else:
        try:
            stored = storage.open(name, "rb")
        except FileNotFoundError:
            # A row without its object: files_audit reports these; the reader gets a 404.
            raise Http404(_("This file is missing from storage.")) from None
        response = FileResponse(
            stored, as_attachment=as_attachment, filename=filename, content_type=content_type
        )
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    return response
