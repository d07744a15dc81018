"""Which files the repository accepts: decided from the measured facts, never the name."""

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .errors import FileTooLarge, FileTypeNotAllowed
from .facts import FileFacts
from .filetypes import Family

ALLOWED_FAMILIES = frozenset(
    {
        Family.DOCUMENT,
        Family.SLIDES,
        Family.SPREADSHEET,
        Family.PDF,
        Family.IMAGE,
        Family.AUDIO,
        Family.VIDEO,
        Family.ARCHIVE,
        Family.TEXT,
        Family.DATA,
    }
)


def check_file_allowed(facts: FileFacts) -> None:
    """Refuse programs, unrecognised content and files over FILES_MAX_UPLOAD_SIZE."""
    limit = settings.FILES_MAX_UPLOAD_SIZE
    if facts.size > limit:
        raise FileTooLarge(
            _("The file is %(size)s; the largest file the site accepts is %(limit)s.")
            % {"size": filesizeformat(facts.size), "limit": filesizeformat(limit)}
        )
    family = facts.sniffed.family
    if family == Family.EXECUTABLE:
        raise FileTypeNotAllowed(
            _(
                "This file is a program (%(type)s), whatever its name says. Programs cannot "
                "be shared here; put source code or installers in an archive (ZIP) instead."
            )
            % {"type": facts.sniffed.mime_type}
        )
    if family not in ALLOWED_FAMILIES:
        raise FileTypeNotAllowed(
            _(
                "The content of this file was not recognised. The site accepts documents, "
                "slides, spreadsheets, PDF, images, audio, video, archives, plain text and "
                "common data formats."
            )
        )
