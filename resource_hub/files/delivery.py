"""Handing a stored file to a browser: a short-lived signed URL where the storage can
sign one (S3), else the bytes streamed by Django, with the same headers either way.

The object store is the one external system here, so the S3 specifics stay in
this module.
"""

from django.conf import settings
from django.core.files.storage import storages
from django.http import FileResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header

try:  # django-storages is installed, but the embedded default never uses it
    from storages.backends.s3 import S3Storage
except ImportError:  # pragma: no cover - only without django-storages
    S3Storage = None


def attachment_header(filename: str) -> str:
    """`Content-Disposition: attachment` with an RFC 5987 UTF-8 name for non-ASCII names."""
    return content_disposition_header(as_attachment=True, filename=filename)


def download_response(document):
    """A redirect to a signed URL that forces a download, or the streamed file."""
    storage = storages["default"]
    filename = document.original_filename or document.filename
    content_type = document.mime_type or "application/octet-stream"
    if S3Storage is not None and isinstance(storage, S3Storage):
        url = storage.url(
            document.file.name,
            parameters={
                "ResponseContentDisposition": attachment_header(filename),
                "ResponseContentType": content_type,
            },
            expire=settings.S3_SIGNED_URL_EXPIRY,
        )
        response = HttpResponseRedirect(url)
    else:
        response = FileResponse(
            storage.open(document.file.name, "rb"),
            as_attachment=True,
            filename=filename,
            content_type=content_type,
        )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
