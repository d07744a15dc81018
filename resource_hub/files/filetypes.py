"""The result of sniffing a file: its MIME type and the broad family it belongs to."""

from dataclasses import dataclass
from enum import StrEnum


class Family(StrEnum):
    """What kind of thing a file is, whatever its exact format."""

    DOCUMENT = "document"
    SLIDES = "slides"
    SPREADSHEET = "spreadsheet"
    PDF = "pdf"
    IMAGE = "image"
    AUDIO = "audio"
    VIDEO = "video"
    ARCHIVE = "archive"
    TEXT = "text"
    DATA = "data"
    EXECUTABLE = "executable"
    UNKNOWN = "unknown"


# Types a browser renders and may run scripts in. Served inline from our
# origin they are stored XSS, so they must only ever go out as attachments
# (or be refused).
ACTIVE_MIME_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "image/svg+xml", "application/xml"}
)

OCTET_STREAM = "application/octet-stream"


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What a file's bytes say it is. `charset` is set for text when it is known."""

    mime_type: str
    family: Family
    charset: str | None = None

    @property
    def is_active(self) -> bool:
        """True for content that a browser or an operating system would run."""
        return self.family is Family.EXECUTABLE or self.mime_type in ACTIVE_MIME_TYPES


UNKNOWN = Sniffed(OCTET_STREAM, Family.UNKNOWN)


# What browsers show or play themselves. SVG is not among the images on purpose
# (active content); other audio and video types (AVI, Matroska, MIDI) are only downloaded.
INLINE_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"})
INLINE_AUDIO_TYPES = frozenset(
    {"audio/mpeg", "audio/ogg", "application/ogg", "audio/wav", "audio/flac", "audio/mp4"}
    | {"audio/aac", "audio/webm"}
)
INLINE_VIDEO_TYPES = frozenset({"video/mp4", "video/webm", "video/ogg", "video/quicktime"})


def preview_kind(mime_type: str) -> str | None:
    """How a browser may show a file of this (sniffed) type inline: "pdf", "image",
    "audio", "video", or None when it may only be downloaded.

    Only types that run nothing in our pages qualify; HTML, SVG and XML never do.
    """
    if mime_type == "application/pdf":
        return "pdf"
    if mime_type in INLINE_IMAGE_TYPES:
        return "image"
    if mime_type in INLINE_AUDIO_TYPES:
        return "audio"
    if mime_type in INLINE_VIDEO_TYPES:
        return "video"
    return None
