"""Thumbnails: a small WebP (JPEG where Pillow lacks WebP) at most THUMBNAIL_WIDTH wide.

    make_thumbnail(fileobj, sniffed) -> Thumbnail | None

None means the type has no picture of its own (audio, text, a document
without an embedded thumbnail). A damaged or oversized file raises
ThumbnailFailed. Sources:

- PDF: the first page rendered by PDFium (pypdfium2), which reads the
  file through its seek/read callbacks rather than loading it whole;
- images Pillow reads (never SVG: it is active content and Pillow cannot
  draw it anyway), refused above MAX_PIXELS before any pixel is decoded;
- office files: the preview the office suite saved inside the ZIP
  (docProps/thumbnail.jpeg in PPTX/DOCX/XLSX, Thumbnails/thumbnail.png in
  ODF), re-encoded by us, never passed through as it was uploaded.
"""

import io
import warnings
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

import pypdfium2
from PIL import Image, ImageOps, UnidentifiedImageError, features

from resource_hub.core.codecs import load_heif

from . import containers
from .errors import ThumbnailFailed
from .facts import pdf_has_trailer
from .filetypes import Family, Sniffed
from .sniffing import raw_file

THUMBNAIL_WIDTH = 480
MAX_HEIGHT = 4 * THUMBNAIL_WIDTH  # a very tall page or image is cropped at the top part
# Refused before decoding; Pillow's own bomb check (Image.MAX_IMAGE_PIXELS,
# a warning at 89 Mpx, an error at twice that) would come later and louder.
MAX_PIXELS = 50_000_000
MAX_EMBEDDED_BYTES = 8 * 1024 * 1024
QUALITY = 80

_EMBEDDED = ("docProps/thumbnail.jpeg", "docProps/thumbnail.jpg", "docProps/thumbnail.png")
_EMBEDDED += ("Thumbnails/thumbnail.png",)


@dataclass(frozen=True, slots=True)
class Thumbnail:
    data: bytes
    extension: str  # "webp" or "jpeg"
    content_type: str
    width: int
    height: int


def make_thumbnail(fileobj: BinaryIO, sniffed: Sniffed) -> Thumbnail | None:
    """A thumbnail of the file's first page or picture; None when it has none."""
    fileobj = raw_file(fileobj)
    fileobj.seek(0)
    if sniffed.family is Family.PDF:
        return _encode(_pdf_first_page(fileobj))
    if sniffed.family is Family.IMAGE:
        load_heif()  # HEIC photos (from phones); not loaded by the web process (core/codecs.py)
        if sniffed.is_active or sniffed.mime_type not in _pillow_types():
            return None
        return _encode(_image(fileobj))
    if sniffed.family in (Family.DOCUMENT, Family.SLIDES, Family.SPREADSHEET):
        embedded = _embedded_preview(fileobj)
        return _encode(_image(io.BytesIO(embedded))) if embedded else None
    return None


def _pillow_types() -> set[str]:
    Image.init()
    types = set(Image.MIME.values())
    if "image/heif" in types:
        # The HEIF plugin opens HEIC too (HEIF coded with HEVC: phones' photos), but
        # names only image/heif, and the sniffer tells them apart.
        types.add("image/heic")
    return types


def _pdf_first_page(fileobj: BinaryIO) -> Image.Image:
    if not pdf_has_trailer(fileobj):
        # PDFium would rebuild it by reading every byte: minutes for a large file.
        raise ThumbnailFailed("The PDF is damaged (it does not end with a trailer).")
    try:
        document = pypdfium2.PdfDocument(fileobj)
    except pypdfium2.PdfiumError as error:
        raise ThumbnailFailed(f"PDFium could not open the PDF ({error}).") from error
    try:
        if len(document) == 0:
            raise ThumbnailFailed("The PDF has no pages.")
        page = document[0]
        width, height = page.get_size()  # points, rotation applied
        if width <= 0 or height <= 0:
            raise ThumbnailFailed("The PDF's first page has no size.")
        scale = min(THUMBNAIL_WIDTH / width, MAX_HEIGHT / height)
        bitmap = page.render(scale=scale, may_draw_forms=False)
        return bitmap.to_pil().copy()  # own the pixels: the bitmap is freed with the document
    except pypdfium2.PdfiumError as error:
        raise ThumbnailFailed(f"PDFium could not render the first page ({error}).") from error
    finally:
        document.close()


def _image(fileobj: BinaryIO) -> Image.Image:
    """Open, check the size from the header, then decode only what the thumbnail needs."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(fileobj)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ThumbnailFailed(
                    f"The image is {width}×{height} pixels; thumbnails are made only up to "
                    f"{MAX_PIXELS // 1_000_000} megapixels."
                )
            image.draft("RGB", (THUMBNAIL_WIDTH, MAX_HEIGHT))  # JPEG: decode at a lower scale
            image = ImageOps.exif_transpose(image)
            image.thumbnail((THUMBNAIL_WIDTH, MAX_HEIGHT))
            return image
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ThumbnailFailed(f"The image is too large to decode safely ({error}).") from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as error:
        raise ThumbnailFailed(f"The image could not be decoded ({error}).") from error


def _embedded_preview(fileobj: BinaryIO) -> bytes | None:
    """The picture an office suite saved inside the ZIP, if any (bounded read)."""
    try:
        if not containers.central_directory_is_small(fileobj):
            return None
        fileobj.seek(0)
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            for name in _EMBEDDED:
                if name in names:
                    with archive.open(name) as entry:
                        data = entry.read(MAX_EMBEDDED_BYTES + 1)
                    if len(data) > MAX_EMBEDDED_BYTES:
                        raise ThumbnailFailed("The embedded thumbnail is implausibly large.")
                    return data
    except zipfile.BadZipFile:
        return None  # not a ZIP-based format (DOC, PPT, RTF): nothing embedded we can read
    except (OSError, RuntimeError, ValueError, EOFError) as error:
        raise ThumbnailFailed(f"The embedded thumbnail could not be read ({error}).") from error
    return None


def _encode(image: Image.Image) -> Thumbnail:
    """Re-encode as WebP (or JPEG): a flat, metadata-free picture."""
    out = io.BytesIO()
    try:
        if image.mode not in ("RGB", "RGBA"):
            has_alpha = image.mode in ("LA", "PA") or "transparency" in image.info
            image = image.convert("RGBA" if has_alpha else "RGB")
        if image.width > THUMBNAIL_WIDTH or image.height > MAX_HEIGHT:
            image.thumbnail((THUMBNAIL_WIDTH, MAX_HEIGHT))
        if features.check("webp"):
            image.save(out, "WEBP", quality=QUALITY, method=4)
            extension, content_type = "webp", "image/webp"
        else:
            if image.mode == "RGBA":
                background = Image.new("RGB", image.size, (255, 255, 255))
                background.paste(image, mask=image.getchannel("A"))
                image = background
            image.save(out, "JPEG", quality=QUALITY, optimize=True)
            extension, content_type = "jpeg", "image/jpeg"
    except (OSError, ValueError) as error:
        raise ThumbnailFailed(f"The thumbnail could not be encoded ({error}).") from error
    return Thumbnail(out.getvalue(), extension, content_type, image.width, image.height)
