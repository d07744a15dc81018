"""Telling text formats apart: plain text, CSV, JSON, HTML, SVG, XML, scripts.

Works on a bounded prefix of the file. `complete` says whether the prefix is
the whole file, which lets JSON be checked strictly and the last CSV line be
trusted. HTML and SVG are detected the way a browser would see them (by the
first element), so that later code can refuse to serve them inline.
"""

import codecs
import csv
import io
import json
import re
import unicodedata

from .filetypes import Family, Sniffed

PLAIN = "text/plain"

# (BOM, codec, charset name); UTF-32 before UTF-16, whose BOM is its prefix.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16be"),
)
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1b")
_MAX_CONTROL_RATIO = 0.01

_SHEBANG = re.compile(rb"#!\s*(?:\S*/)?(?:env\s+(?:-\S+\s+)*)?([A-Za-z0-9_.+-]+)")
_INTERPRETERS = {
    "sh": "text/x-shellscript",
    "bash": "text/x-shellscript",
    "dash": "text/x-shellscript",
    "zsh": "text/x-shellscript",
    "ksh": "text/x-shellscript",
    "csh": "text/x-shellscript",
    "python": "text/x-python",
    "perl": "text/x-perl",
    "ruby": "text/x-ruby",
    "node": "text/javascript",
    "php": "application/x-httpd-php",
}

# Prologue a markup file may start with: XML declaration, comments, DOCTYPE, PIs.
_PROLOGUE = re.compile(
    r"\A(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.S | re.I
)
_FIRST_TAG = re.compile(r"<([A-Za-z][\w.:-]*)")
# First elements that make a browser treat the file as HTML.
_HTML_TAGS = frozenset(
    {"html", "head", "body", "script", "iframe", "frameset", "frame", "object", "embed"}
    | {"style", "title", "meta", "link", "base", "div", "p", "a", "img", "table", "form"}
    | {"input", "button", "h1", "h2", "h3", "h4", "h5", "h6", "br", "span", "ul", "ol"}
    | {"center", "font"}
)
_HTML_ANYWHERE = re.compile(r"<(?:script|iframe|html|body|frameset|object|embed)\b", re.I)
_JSON_START = re.compile(r'\A(?:\{\s*(?:"|\}|\Z)|\[\s*(?:["\[\{\]\-0-9]|true|false|null|\Z))')
_CSV_DELIMITERS = {",": "text/csv", ";": "text/csv", "\t": "text/tab-separated-values"}
_CSV_SAMPLE_LINES = 50


def script_type(head: bytes) -> Sniffed | None:
    """A file that starts with "#!" runs under the interpreter it names."""
    if not head.startswith(b"#!"):
        return None
    match = _SHEBANG.match(head[:256])
    interpreter = match.group(1).decode("ascii", "replace") if match else ""
    name = re.sub(r"[0-9.]+$", "", interpreter)  # python3.11 -> python
    return Sniffed(_INTERPRETERS.get(name, "text/x-script"), Family.EXECUTABLE)


def decode(head: bytes, complete: bool) -> tuple[str, str | None] | None:
    """The prefix as text, and its charset (None for an unknown 8-bit one); None if binary."""
    for bom, codec, charset in _BOMS:
        if head.startswith(bom):
            text = _decode(head[len(bom) :], codec, complete)
            return (text, charset) if text is not None and _few_controls(text) else None
    if b"\x00" in head:
        codec, charset = _utf16_without_bom(head)
        text = _decode(head, codec, complete) if codec else None
        return (text, charset) if text is not None and _few_controls(text) else None
    text = _decode(head, "utf-8", complete)
    if text is not None:
        return (text, "utf-8") if _few_controls(text) else None
    # A legacy 8-bit or multi-byte encoding (GBK, Big5, TIS-620, ...): the
    # ASCII parts still show the structure, so classify it through Latin-1.
    text = head.decode("latin-1")
    return (text, None) if _few_controls(text) else None


def classify(text: str, charset: str | None, complete: bool) -> Sniffed:
    """Which text format the decoded prefix is."""
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith("<"):
        markup = _markup_type(body)
        if markup:
            return Sniffed(markup[0], markup[1], charset)
    if body[:1] in ("{", "[") and _looks_like_json(body, complete):
        return Sniffed("application/json", Family.DATA, charset)
    delimited = _delimited_type(text, complete)
    if delimited:
        return Sniffed(delimited, Family.DATA, charset)
    return Sniffed(PLAIN, Family.TEXT, charset)


def _decode(data: bytes, codec: str, complete: bool) -> str | None:
    # An incremental decoder tolerates a character cut in half at the prefix's end.
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    try:
        return decoder.decode(data, final=complete)
    except UnicodeDecodeError:
        return None


def _few_controls(text: str) -> bool:
    if not text:
        return True
    controls = sum(
        1 for char in text if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc"
    )
    return "\x00" not in text and controls <= len(text) * _MAX_CONTROL_RATIO


def _utf16_without_bom(head: bytes) -> tuple[str, str] | tuple[None, None]:
    """UTF-16 without a BOM shows as a zero in every other byte for Latin text."""
    sample = head[:4096]
    pairs = len(sample) // 2
    if pairs >= 2:
        zeros_even = sample[0 : pairs * 2 : 2].count(0)
        zeros_odd = sample[1 : pairs * 2 : 2].count(0)
        if zeros_odd > pairs * 0.6 and zeros_even < pairs * 0.1:
            return "utf-16-le", "utf-16le"
        if zeros_even > pairs * 0.6 and zeros_odd < pairs * 0.1:
            return "utf-16-be", "utf-16be"
    return None, None


def _markup_type(body: str) -> tuple[str, Family] | None:
    prologue = _PROLOGUE.match(body[:8192])
    rest = body[prologue.end() :] if prologue else body
    doctype = prologue.group(0).lower() if prologue else ""
    tag = _FIRST_TAG.search(rest[:4096])
    name = tag.group(1).lower().rsplit(":", 1)[-1] if tag else ""
    if name == "svg":
        return "image/svg+xml", Family.IMAGE
    if "<!doctype html" in doctype or name in _HTML_TAGS or _HTML_ANYWHERE.search(body[:8192]):
        return "text/html", Family.TEXT
    if body.startswith("<?xml") or (tag and tag.start() == 0):
        return "application/xml", Family.DATA
    return None


def _looks_like_json(body: str, complete: bool) -> bool:
    if complete:
        try:
            json.loads(body)
        except ValueError:
            return False
        return True
    return bool(_JSON_START.match(body))


def _delimited_type(text: str, complete: bool) -> str | None:
    """CSV / TSV: at least two rows, every row with the same number (2+) of fields."""
    lines = text.splitlines()
    if not complete and lines:
        lines = lines[:-1]  # the last line may be cut off
    lines = [line for line in lines[:_CSV_SAMPLE_LINES] if line.strip()]
    if len(lines) < 2:
        return None
    sample = "\n".join(lines)
    for delimiter, mime_type in _CSV_DELIMITERS.items():
        if delimiter not in lines[0]:
            continue
        try:
            widths = {len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter)}
        except csv.Error:
            continue
        if len(widths) == 1 and widths.pop() >= 2:
            return mime_type
    return None
