"""Errors of the files domain.

Each carries a message a person can act on; views and forms show it as it is
(`str(error)` or `error.message`), the API with its status and code.
"""

from django.utils.translation import gettext_lazy as _

from resource_hub.core.errors import DomainError


class FileError(DomainError):
    """Base of every error raised by the files services."""

    status = 422
    code = "invalid_file"
    default_message = _("The file could not be stored.")


class FilePermissionDenied(FileError):
    status = 403
    code = "permission_denied"
    default_message = _("You don't have permission to add documents to this collection.")


class EmptyFile(FileError):
    code = "empty_file"
    default_message = _("The file is empty (0 bytes). Choose the file again and re-upload it.")


class InvalidFile(FileError):
    """The document row would not validate (e.g. a disallowed extension)."""

    code = "invalid_file"
    default_message = _("The file could not be accepted.")


class FileTooLarge(FileError):
    code = "file_too_large"
    default_message = _("The file is larger than the site accepts.")


class FileTypeNotAllowed(FileError):
    code = "file_type_not_allowed"
    default_message = _("Files of this kind cannot be shared here.")


class StorageUnavailable(FileError):
    status = 503
    code = "storage_unavailable"
    default_message = _(
        "The file store cannot be reached just now, so nothing was saved. "
        "Please try again in a few minutes."
    )


class UploadError(FileError):
    """A direct upload cannot go on as asked (see files/uploads.py)."""

    code = "invalid_upload"


class UploadIncomplete(UploadError):
    status = 409
    code = "parts_missing"
    default_message = _("Some parts of the file have not arrived yet; send them, then complete.")


class UploadNotActive(UploadError):
    status = 409
    code = "upload_not_active"
    default_message = _("This upload is no longer in progress; start the upload again.")


class CompletionFailed(UploadError):
    status = 503
    code = "completion_failed"
    default_message = _("The file could not be checked just now; complete the upload again.")


class DerivativeError(FileError):
    """Text or a thumbnail could not be made from a stored file (see derivatives.py)."""

    code = "derivative_error"
    default_message = _("Previews and text could not be made from this file.")


class ExtractionFailed(DerivativeError):
    code = "extraction_failed"
    default_message = _("The text of this file could not be read.")


class ThumbnailFailed(DerivativeError):
    code = "thumbnail_failed"
    default_message = _("A thumbnail could not be made from this file.")
