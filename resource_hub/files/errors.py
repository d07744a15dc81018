"""Errors of the files domain.

Each carries a message a person can act on; views and forms show it as it is
(`str(error)` or `error.message`).
"""

from django.utils.translation import gettext_lazy as _


class FileError(Exception):
    """Base of every error raised by the files services."""

    default_message = _("The file could not be stored.")

    def __init__(self, message: str | None = None):
        self.message = message or self.default_message
        super().__init__(self.message)


class FilePermissionDenied(FileError):
    default_message = _("You don't have permission to add documents to this collection.")


class EmptyFile(FileError):
    default_message = _("The file is empty (0 bytes). Choose the file again and re-upload it.")


class InvalidFile(FileError):
    """The document row would not validate (e.g. a disallowed extension)."""

    default_message = _("The file could not be accepted.")


class FileTooLarge(FileError):
    default_message = _("The file is larger than the site accepts.")


class FileTypeNotAllowed(FileError):
    default_message = _("Files of this kind cannot be shared here.")


class StorageUnavailable(FileError):
    default_message = _(
        "The file store cannot be reached just now, so nothing was saved. "
        "Please try again in a few minutes."
    )


class UploadError(FileError):
    """A direct upload cannot go on as asked (see files/uploads.py)."""

    code = "invalid_upload"


class UploadIncomplete(UploadError):
    code = "parts_missing"
    default_message = _("Some parts of the file have not arrived yet; send them, then complete.")


class UploadNotActive(UploadError):
    code = "upload_not_active"
    default_message = _("This upload is no longer in progress; start the upload again.")


class DerivativeError(FileError):
    """Text or a thumbnail could not be made from a stored file (see derivatives.py)."""

    default_message = _("Previews and text could not be made from this file.")


class ExtractionFailed(DerivativeError):
    default_message = _("The text of this file could not be read.")


class ThumbnailFailed(DerivativeError):
    default_message = _("A thumbnail could not be made from this file.")
