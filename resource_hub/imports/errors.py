"""Errors of bulk import: a sheet, a files folder or ZIP, or a choice that cannot be used.

They stop the whole import before anything is written; a problem in one row
is not an error but a line of the report (see report.py).
"""

from django.utils.translation import gettext_lazy as _

from resource_hub.core.errors import DomainError


class ImportError_(DomainError):  # noqa: N801 - "ImportError" is Python's own
    status = 400
    code = "invalid_import"
    default_message = _("The import cannot be done.")


class SheetError(ImportError_):
    code = "invalid_sheet"
    default_message = _("The sheet cannot be read.")


class FilesSourceError(ImportError_):
    code = "invalid_files"
    default_message = _("The files folder or ZIP cannot be read.")


class ImportPermissionDenied(ImportError_):
    status = 403
    code = "permission_denied"
    default_message = _("You cannot import records into this institution.")
