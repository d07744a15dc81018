"""Facts measured from a file's bytes: checksums, size, type, page count.

Used by `services.document_create` and by the Wagtail admin's document form,
so a document has the same facts whichever way it arrived.
"""

import hashlib
import io
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO

from django.core.files import File

from .errors import EmptyFile
from .filetypes import OCTET_STREAM, Family, Sniffed
from .sniffing import raw_file, sniff

logger = logging.getLogger(__name__)

CHUNK_SIZE = 1024 * 1024


@dataclass(frozen=True, slots=True)
class FileFacts:
    sha256: str
    sha1: str  # Wagtail's `file_hash` (its ETag for served documents)
    size: int
    sniffed: Sniffed
    page_count: int | None = None

    @property
    def mime_type(self) -> str:
        return self.sniffed.mime_type


def measure(file: File | BinaryIO, *, count_pages: bool = True, threads: bool = False) -> FileFacts:
    """Read the file once from the start, in chunks, then sniff its type.

    The file must be seekable; it is left at its start. Raises EmptyFile for
    zero bytes. `threads`: hash SHA-256 and SHA-1 in two threads while the
    next chunk is read (for large files read from the store; see `_digests`).
    """
    file.seek(0)
    sha256, sha1, size = (_digests_threaded if threads else _digests)(file)
    if size == 0:
        raise EmptyFile()
    sniffed = sniff(file)
    counted = count_pages and sniffed.family is Family.PDF
    page_count = pdf_page_count(file) if counted else None
    file.seek(0)
    return FileFacts(sha256, sha1, size, sniffed, page_count)


def _digests(file: BinaryIO) -> tuple[str, str, int]:
    sha256 = hashlib.sha256()
    sha1 = hashlib.sha1(usedforsecurity=False)
    size = 0
    while chunk := file.read(CHUNK_SIZE):
        sha256.update(chunk)
        sha1.update(chunk)
        size += len(chunk)
    return sha256.hexdigest(), sha1.hexdigest(), size


THREADED_CHUNK_SIZE = 1024 * 1024


def _digests_threaded(file: BinaryIO) -> tuple[str, str, int]:
    """SHA-256 and SHA-1 of one chunk in two threads while this thread reads the next.

    hashlib releases the GIL on buffers over 2 KiB, and reading from the store
    waits on the network, so the three overlap: a pass costs about the slowest
    of the three instead of their sum (measured in bench/files.py). At most
    two chunks are held at a time.
    """
    sha256 = hashlib.sha256()
    sha1 = hashlib.sha1(usedforsecurity=False)
    size = 0
    pending = ()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="digest") as pool:
        while chunk := file.read(THREADED_CHUNK_SIZE):
            for future in pending:
                future.result()
            pending = (pool.submit(sha256.update, chunk), pool.submit(sha1.update, chunk))
            size += len(chunk)
        for future in pending:
            future.result()
    return sha256.hexdigest(), sha1.hexdigest(), size


def pdf_page_count(file: File | BinaryIO) -> int | None:
    """The number of pages, or None when the PDF is damaged or locked.

    pypdf reads only the cross-reference table and the page tree, seeking in
    the file, so this stays cheap for large PDFs.
    """
    file = raw_file(file)
    if not pdf_has_trailer(file):
        logger.info("a PDF without a trailer at its end: pages not counted")
        return None
    from pypdf import PdfReader  # here: 20 MB of imports a web process rarely needs

    try:
        file.seek(0)
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted:
            reader.decrypt("")  # many PDFs are "encrypted" with an empty user password
        return len(reader.pages)
    except Exception as error:  # noqa: BLE001 - a broken PDF is still a PDF, just uncounted
        logger.info("could not count the pages of a PDF: %r", error)
        return None
    finally:
        file.seek(0)


PDF_TAIL = 2048


def pdf_has_trailer(file: BinaryIO) -> bool:
    """Does the file end like a PDF (`startxref` and `%%EOF` in its last 2 KiB)?

    Without them pypdf searches the whole file backwards and then rebuilds the
    cross-reference table by scanning every byte: minutes of CPU for a large
    damaged (or hostile) file. Such a file stays a PDF, just uncounted.
    """
    position = file.tell()
    try:
        file.seek(0, io.SEEK_END)
        size = file.tell()
        file.seek(max(0, size - PDF_TAIL))
        tail = file.read(PDF_TAIL)
    finally:
        file.seek(position)
    return b"startxref" in tail and b"%%EOF" in tail


def storage_content_type(sniffed: Sniffed) -> str:
    """The Content-Type to store an object with: ours, never the uploader's claim.

    Active content (HTML, SVG, XML, programs) is stored as opaque bytes, so
    that no browser renders it straight from the bucket.
    """
    if sniffed.is_active:
        return OCTET_STREAM
    if sniffed.charset:
        return f"{sniffed.mime_type}; charset={sniffed.charset}"
    return sniffed.mime_type


def apply_facts(document, facts: FileFacts, *, original_filename: str | None = None) -> None:
    """Copy the measured facts onto a document (not saved)."""
    document.sha256 = facts.sha256
    document.size = facts.size
    document.mime_type = facts.mime_type
    document.page_count = facts.page_count
    document.file_size = facts.size
    document.file_hash = facts.sha1
    if original_filename is not None:
        document.original_filename = original_filename
