"""Text of office files (DOCX, PPTX, XLSX, ODT, ODP, ODS): XML parts inside a ZIP.

Read with the standard library only: `zipfile` for the entries and expat
for the XML, streamed, so no part is ever held whole in memory. ZIP bombs
are handled by counting the bytes we actually decompress (the sizes in the
ZIP's directory are the uploader's claims): each entry stops at
MAX_ENTRY_BYTES and the file at MAX_TOTAL_BYTES, and the text is then marked
truncated. XML with a DOCTYPE or entity declarations is refused: office
files never carry one, and that is where "billion laughs" lives.
"""

import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import BinaryIO
from xml.parsers import expat

from . import containers
from .errors import ExtractionFailed

MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
CHUNK_SIZE = 64 * 1024

_OOXML = "application/vnd.openxmlformats-officedocument."
_ODF = "application/vnd.oasis.opendocument."
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError)
_ZIP_ERRORS += (ValueError, struct.error, OSError)


@dataclass
class ZipBudget:
    """How many decompressed bytes may still be read: per entry and for the whole file."""

    per_entry: int = MAX_ENTRY_BYTES
    total: int = MAX_TOTAL_BYTES
    exceeded: bool = False


@dataclass(frozen=True, slots=True)
class _Paragraphs:
    """Which elements (by local name) make a paragraph, hold text, or stand for a space."""

    blocks: frozenset[str]
    text_in: frozenset[str] | None  # None: all character data inside a block
    spaces: frozenset[str]


_WORD = _Paragraphs(frozenset({"p"}), frozenset({"t"}), frozenset({"tab", "br", "cr"}))
_DRAWING = _Paragraphs(frozenset({"p"}), frozenset({"t"}), frozenset({"br", "tab"}))
_ODF_TEXT = _Paragraphs(frozenset({"p", "h"}), None, frozenset({"s", "tab", "line-break"}))
_SHARED_STRINGS = _Paragraphs(frozenset({"si"}), frozenset({"t"}), frozenset())


def extractor_for(mime_type: str) -> Callable | None:
    """The extractor for an office MIME type (from sniffing), or None."""
    if mime_type.startswith(_OOXML + "wordprocessingml") or "ms-word." in mime_type:
        return docx_text
    if mime_type.startswith(_OOXML + "presentationml") or "ms-powerpoint." in mime_type:
        return pptx_text
    if mime_type.startswith(_OOXML + "spreadsheetml") or "ms-excel." in mime_type:
        return xlsx_text
    if mime_type.startswith(_ODF) and mime_type.split(".")[-1].split("-")[0] in (
        "text",
        "presentation",
        "spreadsheet",
    ):
        return odf_text
    return None


def docx_text(fileobj: BinaryIO, collector, budget: ZipBudget | None = None) -> None:
    with _open_zip(fileobj) as archive:
        parts = ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml"]
        _paragraphs(archive, [p for p in parts if _has(archive, p)], _WORD, collector, budget)


def pptx_text(fileobj: BinaryIO, collector, budget: ZipBudget | None = None) -> None:
    """Slides, then speaker notes, in the order of their part numbers (slide1, slide2, ...)."""
    with _open_zip(fileobj) as archive:
        slides = _numbered(archive, r"ppt/slides/slide(\d+)\.xml")
        notes = _numbered(archive, r"ppt/notesSlides/notesSlide(\d+)\.xml")
        _paragraphs(archive, slides + notes, _DRAWING, collector, budget)


def odf_text(fileobj: BinaryIO, collector, budget: ZipBudget | None = None) -> None:
    with _open_zip(fileobj) as archive:
        if not _has(archive, "content.xml"):
            raise ExtractionFailed("The OpenDocument file has no content.xml.")
        _paragraphs(archive, ["content.xml"], _ODF_TEXT, collector, budget)


def xlsx_text(fileobj: BinaryIO, collector, budget: ZipBudget | None = None) -> None:
    """A line per row, cells separated by spaces; shared strings resolved."""
    budget = budget or ZipBudget()
    with _open_zip(fileobj) as archive:
        shared: list[str] = []
        if _has(archive, "xl/sharedStrings.xml"):
            handler = _ParagraphHandler(_SHARED_STRINGS, shared.append, collector.max_chars)
            _parse(archive, "xl/sharedStrings.xml", handler, budget)
        for part in _numbered(archive, r"xl/worksheets/sheet(\d+)\.xml"):
            _parse(archive, part, _SheetHandler(shared, collector), budget)
    if budget.exceeded:
        collector.truncated = True


def _paragraphs(archive, parts: Iterable[str], kind: _Paragraphs, collector, budget) -> None:
    budget = budget or ZipBudget()
    for part in parts:
        _parse(archive, part, _ParagraphHandler(kind, collector.add, collector.max_chars), budget)
        if budget.total <= 0:
            break
    if budget.exceeded:
        collector.truncated = True


def _open_zip(fileobj: BinaryIO) -> zipfile.ZipFile:
    try:
        if not containers.central_directory_is_small(fileobj):
            raise ExtractionFailed("The file's ZIP directory is damaged or too large to read.")
        fileobj.seek(0)
        return zipfile.ZipFile(fileobj)
    except _ZIP_ERRORS as error:
        raise ExtractionFailed(f"The file is not a readable ZIP ({error}).") from error


def _has(archive: zipfile.ZipFile, name: str) -> bool:
    try:
        archive.getinfo(name)
    except KeyError:
        return False
    return True


def _numbered(archive: zipfile.ZipFile, pattern: str) -> list[str]:
    matcher = re.compile(pattern)
    found = []
    for name in archive.namelist():
        if match := matcher.fullmatch(name):
            found.append((int(match.group(1)), name))
    return [name for _number, name in sorted(found)]


def _parse(archive: zipfile.ZipFile, name: str, handler, budget: ZipBudget) -> None:
    """Stream one XML entry through expat, within the budget. TextFull passes through."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.characters
    parser.buffer_text = True
    allowed = min(budget.per_entry, budget.total)
    read = 0
    try:
        with archive.open(name) as entry:
            while read < allowed and (chunk := entry.read(min(CHUNK_SIZE, allowed - read))):
                read += len(chunk)
                parser.Parse(chunk, False)
            cut_off = read >= allowed and entry.read(1) != b""
        budget.total -= read
        if cut_off:
            budget.exceeded = True  # stop here: the end of the XML was never seen
        else:
            parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise ExtractionFailed(f"{name} is not well-formed XML ({error}).") from error
    except _ZIP_ERRORS as error:
        raise ExtractionFailed(f"{name} could not be decompressed ({error}).") from error


def _refuse_doctype(*args) -> None:
    raise ExtractionFailed("XML with a DOCTYPE or entity declarations is refused.")


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


class _ParagraphHandler:
    """Emits the text of each paragraph element; never buffers more than can be kept."""

    def __init__(self, kind: _Paragraphs, emit: Callable[[str], None], max_chars: int):
        self.kind = kind
        self.emit = emit
        self.max_chars = max_chars
        self.in_block = 0
        self.in_text = 0
        self.buffer: list[str] = []
        self.buffered = 0

    def start(self, name, attrs):
        local = _local(name)
        if local in self.kind.blocks:
            self.in_block += 1
        elif self.kind.text_in is not None and local in self.kind.text_in:
            self.in_text += 1
        elif local in self.kind.spaces and self.in_block:
            self._append(" ")

    def end(self, name):
        local = _local(name)
        if local in self.kind.blocks:
            self.in_block = max(0, self.in_block - 1)
            self.flush()
        elif self.kind.text_in is not None and local in self.kind.text_in:
            self.in_text = max(0, self.in_text - 1)

    def characters(self, data):
        if self.in_block and (self.kind.text_in is None or self.in_text):
            self._append(data)

    def _append(self, data: str) -> None:
        self.buffer.append(data)
        self.buffered += len(data)
        if self.buffered > self.max_chars:  # one endless paragraph
            self.flush()

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer, self.buffered = [], 0
        self.emit(text)  # even when empty: shared strings are looked up by position


class _SheetHandler:
    """One worksheet: `c` cells with a value in `v` (or inline `is/t`), grouped by `row`."""

    def __init__(self, shared: list[str], collector):
        self.shared = shared
        self.collector = collector
        self.row: list[str] = []
        self.cell_type = None
        self.value: list[str] | None = None
        self.capturing = False

    def start(self, name, attrs):
        local = _local(name)
        if local == "c":
            self.cell_type = attrs.get("t")
            self.value = []
        elif local in ("v", "t") and self.value is not None:
            self.capturing = True

    def end(self, name):
        local = _local(name)
        if local in ("v", "t"):
            self.capturing = False
        elif local == "c" and self.value is not None:
            self.row.append(self._cell_text("".join(self.value)))
            self.value = None
        elif local == "row":
            line, self.row = " ".join(cell for cell in self.row if cell), []
            self.collector.add(line)

    def characters(self, data):
        if self.capturing and self.value is not None and len(self.value) < 10_000:
            self.value.append(data)

    def _cell_text(self, raw: str) -> str:
        if self.cell_type == "s":
            try:
                return self.shared[int(raw)]
            except (ValueError, IndexError):
                return ""
        return raw
