"""Text for search, extracted from a document's bytes by its sniffed type.

    extract_text(fileobj, sniffed) -> ExtractedText | None

None means we have no extractor for the type (images, audio, archives, ...).
A damaged file raises ExtractionFailed. The file object must be seekable (a
RangedReader over S3 will do): PDFs are read page by page, office files entry
by entry through a capped reader (officetext.py), text in chunks, so memory
stays bounded whatever the file's size. Reading stops once
FILES_TEXT_MAX_CHARS characters are collected; the result says so.

Everything here is pure Python on purpose: pypdf and the standard library's
zip, expat and HTML parsers, no C parser of ours reading untrusted input.
"""

import codecs
import contextlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import BinaryIO

from django.conf import settings
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from . import officetext
from .errors import ExtractionFailed
from .facts import pdf_has_trailer
from .filetypes import Sniffed
from .sniffing import raw_file

logger = logging.getLogger(__name__)

CHUNK_SIZE = 256 * 1024

# C0 controls (except tab and line breaks), DEL, lone surrogates and the BOM:
# PostgreSQL refuses NUL in text, and none of them helps a search.
_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff\ufeff]")

# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, and
# Chinese and Japanese (with their punctuation and full-width forms). Korean
# has spaces and is left out.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f"
    "\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]"
)
# A line ending a sentence or a paragraph in those scripts.
_SENTENCE_END = frozenset("。！？．｡!?")
_HYPHENS = frozenset("-\u00ad\u2010")  # hyphen-minus, soft hyphen, hyphen
# A line at least this share of the page's widest line was filled and wrapped.
_FULL_LINE = 0.5


@dataclass(frozen=True, slots=True)
class ExtractedText:
    text: str
    truncated: bool


class TextFull(Exception):
    """Raised by TextCollector.add once the cap is reached: the extractor stops reading."""


class TextCollector:
    """Collects normalised pieces of text (one line each) up to `max_chars` characters."""

    def __init__(self, max_chars: int):
        self.max_chars = max_chars
        self.parts: list[str] = []
        self.length = 0
        self.truncated = False

    @property
    def room(self) -> int:
        return self.max_chars - self.length

    def add(self, piece: str) -> None:
        piece = normalise(piece)
        if not piece:
            return
        separator = 1 if self.parts else 0
        room = self.max_chars - self.length - separator
        if len(piece) > room:
            if room > 0:
                self.parts.append(piece[:room])
                self.length += separator + room
            self.truncated = True
            raise TextFull()
        self.parts.append(piece)
        self.length += separator + len(piece)

    def result(self) -> ExtractedText:
        return ExtractedText("\n".join(self.parts), self.truncated)


def normalise(piece: str) -> str:
    """One line: runs of white space (Unicode's, ideographic space too) become one space."""
    return " ".join(_JUNK.sub(" ", piece).split())


def extract_text(
    fileobj: BinaryIO, sniffed: Sniffed, *, max_chars: int | None = None
) -> ExtractedText | None:
    """The text of the file, normalised and capped; None when the type has no text we read."""
    extractor = _extractor_for(sniffed)
    if extractor is None:
        return None
    if max_chars is None:
        max_chars = settings.FILES_TEXT_MAX_CHARS
    collector = TextCollector(max_chars)
    fileobj = raw_file(fileobj)
    fileobj.seek(0)
    with contextlib.suppress(TextFull):  # the cap was reached: what was collected is kept
        extractor(fileobj, sniffed, collector)
    return collector.result()


def _extractor_for(sniffed: Sniffed):
    mime_type = sniffed.mime_type
    if mime_type == "application/pdf":
        return _pdf
    if mime_type in ("text/html", "application/xhtml+xml"):
        return _html
    if mime_type in _PLAIN_TYPES:
        return _plain
    office = officetext.extractor_for(mime_type)
    if office is not None:
        return lambda fileobj, _sniffed, collector: office(fileobj, collector)
    return None


_PLAIN_TYPES = frozenset(
    {
        "text/plain",
        "text/markdown",
        "text/csv",
        "text/tab-separated-values",
        "application/json",
    }
)


def _pdf(fileobj: BinaryIO, sniffed: Sniffed, collector: TextCollector) -> None:
    """Page by page with pypdf; a page that fails is skipped, a file that fails is an error."""
    if not pdf_has_trailer(fileobj):
        # pypdf would scan every byte to rebuild it: minutes for a large file.
        raise ExtractionFailed("The PDF is damaged (it does not end with a trailer).")
    try:
        reader = PdfReader(fileobj, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionFailed("The PDF is encrypted with a password.")
        pages = reader.pages
        count = len(pages)
    except ExtractionFailed:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        raise ExtractionFailed(f"The PDF could not be read ({_short(error)}).") from error
    failed = 0
    for number in range(count):
        try:
            text = pages[number].extract_text() or ""
        except TextFull:
            raise
        except Exception as error:  # noqa: BLE001 - one broken page must not hide the others
            failed += 1
            logger.info("PDF page %d: no text (%r)", number + 1, error)
            continue
        for line in unwrapped(text):
            collector.add(line)
    if count and failed == count:
        raise ExtractionFailed(f"No page of the PDF could be read ({count} pages).")


def unwrapped(page_text: str) -> list[str]:
    """The lines of a page, with the words that the page's line ends cut joined again.

    A PDF has no words, only glyphs placed on lines, and the extractor gives
    a line of text per line on the page. Between words of languages written
    with spaces a line break is a word break, except after a hyphen that
    cuts a word ("hyphen-|ation"): that line is joined to the next without
    the hyphen when the next starts in lower case. Chinese, Japanese, Thai,
    Lao, Khmer and Burmese wrap anywhere (between words, or inside one when
    the writer breaks by character), and a space there would split a word
    for the search index: such a line is joined to the next without a space
    when it does not end a sentence. Both only when the line is full: a
    heading or a paragraph's last line is short.
    """
    lines = page_text.splitlines()
    widths = [_width(line) for line in lines]
    full = _FULL_LINE * max(widths, default=0)
    joined: list[str] = []
    wrap = None  # how the line before this one wrapped into it
    for line, width in zip(lines, widths, strict=True):
        start = line.lstrip()
        if wrap == "unspaced" and _UNSPACED.match(start[:1]):
            joined[-1] = joined[-1].rstrip() + start
        elif wrap == "hyphen" and start[:1].islower():
            joined[-1] = joined[-1].rstrip()[:-1] + start
        else:
            joined.append(line)
        end = line.rstrip()[-2:]
        wrap = None
        if width < full or not end:
            continue
        if _UNSPACED.match(end[-1]) and end[-1] not in _SENTENCE_END:
            wrap = "unspaced"
        elif end[-1] in _HYPHENS and end[:-1].isalpha():
            wrap = "hyphen"
    return joined


def _width(line: str) -> int:
    """How wide the line is, in half-width characters (wide CJK 2, combining marks 0)."""
    width = 0
    for char in line.strip():
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _decoded_chunks(fileobj: BinaryIO, sniffed: Sniffed, collector: TextCollector):
    """The file as text, chunk by chunk, in its sniffed charset (else UTF-8), bad bytes replaced.

    Stops reading once more characters were read than could still be kept
    (with slack for the white space that normalising removes).
    """
    charset = sniffed.charset or "utf-8"
    try:
        decoder = codecs.getincrementaldecoder(charset)(errors="replace")
    except LookupError:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    read_chars = 0
    while chunk := fileobj.read(CHUNK_SIZE):
        text = decoder.decode(chunk)
        read_chars += len(text)
        yield text
        if read_chars > 4 * collector.max_chars + CHUNK_SIZE:
            collector.truncated = True
            return
    yield decoder.decode(b"", final=True)


def _plain(fileobj: BinaryIO, sniffed: Sniffed, collector: TextCollector) -> None:
    pending = ""
    for text in _decoded_chunks(fileobj, sniffed, collector):
        lines = (pending + text).split("\n")
        pending = lines.pop()
        for line in lines:
            collector.add(line)
        if len(pending) > collector.room:  # one endless line: no need to wait for its end
            collector.add(pending)
            pending = ""
    collector.add(pending)


class _HtmlText(HTMLParser):
    """Text of an HTML page, a line per block element; script, style and template skipped."""

    SKIP = frozenset({"script", "style", "template", "noscript"})
    BLOCKS = frozenset(
        {"p", "div", "br", "li", "dt", "dd", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5"}
        | {"h6", "title", "section", "article", "header", "footer", "blockquote", "pre"}
        | {"ul", "ol", "table", "caption", "figcaption", "hr", "main", "nav", "aside"}
    )

    def __init__(self, collector: TextCollector):
        super().__init__(convert_charrefs=True)
        self.collector = collector
        self.skipping = 0
        self.buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.flush()

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skipping:
            self.buffer.append(data)
            if sum(map(len, self.buffer)) > self.collector.room:
                self.flush()

    def flush(self):
        text, self.buffer = "".join(self.buffer), []
        self.collector.add(text)


def _html(fileobj: BinaryIO, sniffed: Sniffed, collector: TextCollector) -> None:
    parser = _HtmlText(collector)
    for text in _decoded_chunks(fileobj, sniffed, collector):
        parser.feed(text)
    parser.close()
    parser.flush()


def _short(error: BaseException) -> str:
    message = str(error) or type(error).__name__
    return message if len(message) <= 200 else message[:199] + "…"
