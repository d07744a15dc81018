"""File names: the one we show, the one we store, and the key the bytes live under.

The name a person uploaded is kept for display (`display_filename`). The
stored name (`safe_filename`) is what ends up in the object key and in the
download's file name, so it must be harmless anywhere: no path, no control
or bidirectional-override characters, no leading dot, bounded length.

Django's own `get_valid_filename` is not used: it keeps only `[-\\w.]`, which
drops the combining vowel signs of Khmer and Myanmar (and Thai tone marks),
so "មេរៀន" would be stored as gibberish.
"""

import posixpath
import re
import unicodedata

MAX_STORED_NAME = 120
# S3 allows 1024-byte keys, but stores that keep objects as files fail on a
# long path part: the file system's limit is 255 bytes, and S3Proxy's
# filesystem backend (our test server) already fails above 215 (it adds a
# temporary suffix). The margin leaves room for the "_abc1234" that Django
# adds to a name already taken.
MAX_STORED_BYTES = 180
MAX_DISPLAY_NAME = 255  # ResourceDocument.original_filename's max_length
MAX_EXTENSION = 16
FALLBACK_NAME = "file"
KEY_PREFIX = "documents"

_SEPARATORS = frozenset("/\\")
# Characters Windows refuses in file names; they also confuse shells and headers.
_RESERVED = frozenset('<>:"|?*')
# Zero-width (non-)joiners are formatting characters that Indic, Khmer, Myanmar
# and Persian text needs; every other Cf (bidi overrides, BOM, ...) goes.
_KEPT_FORMAT = frozenset("\u200c\u200d")
_EXTENSION = re.compile(rf"\.[^\W_]{{1,{MAX_EXTENSION}}}\Z")
_SPACES = re.compile(r"\s+")


def safe_filename(name: str | None) -> str:
    """A file name that is safe as an object key's last part and as a download name.

    NFC-normalised; path separators, control and format characters removed;
    no leading or trailing dots or spaces; at most MAX_STORED_NAME characters
    and MAX_STORED_BYTES bytes of UTF-8, keeping the extension; "file" when
    nothing is left.
    """
    kept = []
    for char in unicodedata.normalize("NFC", name or ""):
        if char in _SEPARATORS or _is_invisible(char):
            continue
        kept.append("_" if char in _RESERVED else char)
    cleaned = _SPACES.sub(" ", "".join(kept)).strip(" .")
    return _truncate(cleaned, MAX_STORED_NAME, MAX_STORED_BYTES).strip(" .") or FALLBACK_NAME


def display_filename(name: str | None) -> str:
    """The uploaded name as a person gave it, made safe to store and show.

    Keeps what the person typed (paths included: it is only ever shown,
    escaped), but drops control and bidirectional-override characters, which
    could disguise "invoice\\u202efdp.exe" as "invoiceexe.pdf".
    """
    text = unicodedata.normalize("NFC", name or "")
    text = "".join(char for char in text if not _is_invisible(char)).strip()
    return _truncate(text, MAX_DISPLAY_NAME)


def title_from_filename(name: str) -> str:
    """A default title: the file name without its extension."""
    base = posixpath.basename(name.replace("\\", "/")) or name
    stem = base[: -len(_extension(base))] if _extension(base) else base
    return stem.strip() or base.strip() or FALLBACK_NAME


def document_key(sha256: str, filename: str) -> str:
    """Where a document's bytes live: documents/<sha256[:2]>/<sha256>/<safe name>.

    Keyed by content, so the same bytes always sit under the same prefix and
    a sweep can check an object against its row. A document whose checksum is
    not known yet goes under documents/unhashed/.
    """
    name = safe_filename(filename)
    if not sha256:
        return f"{KEY_PREFIX}/unhashed/{name}"
    return f"{KEY_PREFIX}/{sha256[:2]}/{sha256}/{name}"


UPLOADS_PREFIX = f"{KEY_PREFIX}/uploads/"


def is_misplaced(key: str, sha256: str) -> bool:
    """Does a document's key contradict its SHA-256 (for the fixity audit)?

    A content key must be the one of these bytes. A direct upload's object stays
    where its parts were assembled, documents/uploads/<upload id>/<name>
    (uploads.upload_document_key): that key names no content, so it is never
    misplaced. Without a SHA-256 there is nothing to contradict.
    """
    if not sha256 or key.startswith(UPLOADS_PREFIX):
        return False
    return not key.startswith(f"{KEY_PREFIX}/{sha256[:2]}/{sha256}/")


def _is_invisible(char: str) -> bool:
    category = unicodedata.category(char)
    if category == "Cf":
        return char not in _KEPT_FORMAT
    return category in ("Cc", "Cs", "Zl", "Zp")


def _extension(name: str) -> str:
    match = _EXTENSION.search(name)
    return match.group(0) if match and match.start() > 0 else ""


def _truncate(name: str, limit: int, byte_limit: int | None = None) -> str:
    """Shorten the name's stem to `limit` characters (and `byte_limit` UTF-8 bytes)."""
    byte_limit = byte_limit or 4 * limit
    if len(name) <= limit and len(name.encode()) <= byte_limit:
        return name
    extension = _extension(name)
    stem = name[: len(name) - len(extension)][: limit - len(extension)]
    budget = byte_limit - len(extension.encode())
    stem = stem.encode()[:budget].decode("utf-8", "ignore")  # never half a character
    return stem.rstrip(" .") + extension
