"""Decide what a file is from its bytes, never from its name.

    sniff(fileobj) -> Sniffed(mime_type, family, charset)

Pure Python, no libmagic: the result is the same on every machine (libmagic's
names change between releases, e.g. for Windows executables) and no C parser
reads untrusted uploads in the web process. The signatures are the published
ones (ISO 32000 for PDF, [MS-CFB], the ZIP APPNOTE, PNG, EBML, ISO BMFF, ...).

Only a bounded prefix is read (HEAD_SIZE), plus, for ZIP and OLE2 files, their
directories (see containers.py); the file must be seekable. Its position is
restored afterwards.
"""

import io
import struct
from collections.abc import Callable
from typing import BinaryIO

from . import containers, textformats
from .filetypes import OCTET_STREAM, UNKNOWN, Family, Sniffed

__all__ = ["HEAD_SIZE", "Family", "Sniffed", "raw_file", "sniff", "sniff_bytes"]

HEAD_SIZE = 64 * 1024

_EXE = Family.EXECUTABLE
_ARCHIVE = Family.ARCHIVE
# Fixed signatures: (offset, bytes, MIME type, family). Checked in order.
_SIGNATURES: tuple[tuple[int, bytes, str, Family], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "image/png", Family.IMAGE),
    (0, b"\xff\xd8\xff", "image/jpeg", Family.IMAGE),
    (0, b"GIF87a", "image/gif", Family.IMAGE),
    (0, b"GIF89a", "image/gif", Family.IMAGE),
    (0, b"II*\x00", "image/tiff", Family.IMAGE),
    (0, b"MM\x00*", "image/tiff", Family.IMAGE),
    (0, b"fLaC", "audio/flac", Family.AUDIO),
    (0, b"MThd\x00\x00\x00\x06", "audio/midi", Family.AUDIO),
    (0, b"{\\rtf", "application/rtf", Family.DOCUMENT),
    (0, b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed", _ARCHIVE),
    (0, b"\x1f\x8b\x08", "application/gzip", _ARCHIVE),
    (0, b"BZh", "application/x-bzip2", _ARCHIVE),
    (0, b"\xfd7zXZ\x00", "application/x-xz", _ARCHIVE),
    (0, b"\x28\xb5\x2f\xfd", "application/zstd", _ARCHIVE),
    (0, b"Rar!\x1a\x07", "application/vnd.rar", _ARCHIVE),
    (0, b"MSCF\x00\x00\x00\x00", "application/vnd.ms-cab-compressed", _ARCHIVE),
    (257, b"ustar", "application/x-tar", _ARCHIVE),
    (0, b"SQLite format 3\x00", "application/vnd.sqlite3", Family.DATA),
    (0, b"\xfe\xed\xfa\xce", "application/x-mach-binary", _EXE),
    (0, b"\xfe\xed\xfa\xcf", "application/x-mach-binary", _EXE),
    (0, b"\xce\xfa\xed\xfe", "application/x-mach-binary", _EXE),
    (0, b"\xcf\xfa\xed\xfe", "application/x-mach-binary", _EXE),
    (0, b"\x00asm", "application/wasm", _EXE),
    (0, b"dex\n", "application/vnd.android.dex", _EXE),
    (0, b"L\x00\x00\x00\x01\x14\x02\x00", "application/x-ms-shortcut", _EXE),
)


def sniff(fileobj: BinaryIO) -> Sniffed:
    """What the file's content is. Reads a bounded prefix (and container directories)."""
    fileobj = raw_file(fileobj)
    position = fileobj.tell()
    try:
        fileobj.seek(0)
        head = fileobj.read(HEAD_SIZE + 1)
        complete = len(head) <= HEAD_SIZE
        return _sniff(fileobj, head[:HEAD_SIZE], complete)
    finally:
        fileobj.seek(position)


def raw_file(fileobj: BinaryIO) -> BinaryIO:
    """The plain file object under Django's File wrappers.

    A Django File without a name is falsy, which `zipfile` (and other
    readers) take for a closed file.
    """
    while getattr(fileobj, "file", None) is not None and hasattr(fileobj, "chunks"):
        fileobj = fileobj.file
    return fileobj


def sniff_bytes(data: bytes) -> Sniffed:
    """`sniff` for content already in memory."""
    return sniff(io.BytesIO(data))


def _sniff(fileobj: BinaryIO, head: bytes, complete: bool) -> Sniffed:
    if not head:
        return UNKNOWN
    for check in _CHECKS:
        found = check(fileobj, head)
        if found:
            return found
    for offset, magic, mime_type, family in _SIGNATURES:
        if head.startswith(magic, offset):
            return Sniffed(mime_type, family)
    script = textformats.script_type(head)
    if script:
        return script
    decoded = textformats.decode(head, complete)
    if decoded:
        return textformats.classify(*decoded, complete=complete)
    return Sniffed(OCTET_STREAM, Family.UNKNOWN)


def _pdf(fileobj: BinaryIO, head: bytes) -> Sniffed | None:
    # Readers accept the header after leading white space; we go no further.
    if head.lstrip(b" \t\r\n\f\x00").startswith(b"%PDF-"):
        return Sniffed("application/pdf", Family.PDF)
    return None


def _zip(fileobj: BinaryIO, head: bytes) -> Sniffed | None:
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return containers.inspect_zip(fileobj)
    return None


def _ole(fileobj: BinaryIO, head: bytes) -> Sniffed | None:
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return containers.inspect_ole(fileobj)
    return None


def _riff(fileobj: BinaryIO, head: bytes) -> Sniffed | None:
    if not head.startswith(b"RIFF"):
        return None
    return {
        b"WEBP": Sniffed("image/webp", Family.IMAGE),
        b"WAVE": Sniffed("audio/wav", Family.AUDIO),
        b"AVI ": Sniffed("video/x-msvideo", Family.VIDEO),
    }.get(head[8:12])


_FTYP_BRANDS = {
    b"M4A ": Sniffed("audio/mp4", Family.AUDIO),
    b"M4B ": Sniffed("audio/mp4", Family.AUDIO),
    b"M4P ": Sniffed("audio/mp4", Family.AUDIO),
    b"F4A ": Sniffed("audio/mp4", Family.AUDIO),
    b"qt  ": Sniffed("video/quicktime", Family.VIDEO),
    b"avif": Sniffed("image/avif", Family.IMAGE),
    b"avis": Sniffed("image/avif", Family.IMAGE),
    b"heic": Sniffed("image/heic", Family.IMAGE),
    b"heix": Sniffed("image/heic", Family.IMAGE),
    b"mif1": Sniffed("image/heif", Family.IMAGE),
    b"msf1": Sniffed("image/heif", Family.IMAGE),
}


def _iso_media(fileobj: BinaryIO, head: bytes) -> Sniffed | None:
    """MP4, M4A, MOV, 3GP, HEIF/AVIF: an ISO base media file starts with an "ftyp" box."""
    if head[4:8] != b"ftyp" or len(head) < 12:
        return None
    (box_size,) = struct.unpack(">I", head[:4])
    brand = head[8:12]
    compatible = head[16 : min(box_size, 256)]
    if brand in (b"mif1", b"msf1") and b"avif" in compatible:
        return Sniffed("image/avif", Family.IMAGE)
    if brand.startswith(b"3g2"):
        return Sniffed("video/3gpp2", Family.VIDEO)
    if brand.startswith(b"3gp"):
        return Sniffed("video/3gpp", Family.VIDEO)
    return _FTYP_BRANDS.get(brand, Sniffed("video/mp4", Family.VIDEO))


def _ebml(fileobj: BinaryIO, head: bytes) -> Sniffed | None:
    """WebM and Matroska share the EBML container; the DocType in the header tells them apart."""
    if not head.startswith(b"\x1a\x45\xdf\xa3"):
        return None
    header = head[:64]
    if b"webm" in header:
        return Sniffed("video/webm", Family.VIDEO)
    return Sniffed("video/x-matroska", Family.VIDEO)


def _ogg(fileobj: BinaryIO, head: bytes) -> Sniffed | None:
    if not head.startswith(b"OggS"):
        return None
    first_page = head[:128]
    if b"\x80theora" in first_page:
        return Sniffed("video/ogg", Family.VIDEO)
    if any(codec in first_page for codec in (b"\x01vorbis", b"OpusHead", b"\x7fFLAC", b"Speex")):
        return Sniffed("audio/ogg", Family.AUDIO)
    return Sniffed("application/ogg", Family.AUDIO)


def _mpeg_audio(fileobj: BinaryIO, head: bytes) -> Sniffed | None:
    if head.startswith(b"ID3") and len(head) > 4 and head[3] in (2, 3, 4) and head[4] < 0xFF:
        return Sniffed("audio/mpeg", Family.AUDIO)
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0 or head[1] == 0xFE:
        return None  # no frame sync (FF FE is UTF-16's byte order mark)
    version, layer = (head[1] >> 3) & 0b11, (head[1] >> 1) & 0b11
    bitrate, rate = head[2] >> 4, (head[2] >> 2) & 0b11
    if version == 0b01 or bitrate == 0b1111 or rate == 0b11:
        return None  # reserved values: not a frame header
    if layer == 0b00:
        return Sniffed("audio/aac", Family.AUDIO)  # ADTS
    return Sniffed("audio/mpeg", Family.AUDIO)


def _windows_executable(fileobj: BinaryIO, head: bytes) -> Sniffed | None:
    """MZ, and at e_lfanew a "PE\\0\\0" header: a Windows program or DLL, whatever its name."""
    if not head.startswith(b"MZ") or len(head) < 64:
        return None
    (pe_offset,) = struct.unpack_from("<I", head, 0x3C)
    if pe_offset + 4 <= len(head):
        signature = head[pe_offset : pe_offset + 4]
    else:
        fileobj.seek(pe_offset)
        signature = fileobj.read(4)
    if signature == b"PE\x00\x00":
        return Sniffed("application/vnd.microsoft.portable-executable", _EXE)
    if textformats.decode(head, complete=False) is None:
        return Sniffed("application/x-msdownload", _EXE)  # a DOS program
    return None  # text that happens to start with "MZ"


_ELF_TYPES = {
    1: "application/x-object",
    2: "application/x-executable",
    3: "application/x-sharedlib",  # shared libraries and position-independent programs
    4: "application/x-coredump",
}


def _elf(fileobj: BinaryIO, head: bytes) -> Sniffed | None:
    if not head.startswith(b"\x7fELF") or len(head) < 18:
        return None
    order = "<" if head[5] == 1 else ">"
    (kind,) = struct.unpack_from(order + "H", head, 16)
    return Sniffed(_ELF_TYPES.get(kind, "application/x-elf"), _EXE)


def _cafebabe(fileobj: BinaryIO, head: bytes) -> Sniffed | None:
    """Both a universal Mach-O binary and a Java class start with CAFEBABE."""
    if not head.startswith(b"\xca\xfe\xba\xbe") or len(head) < 8:
        return None
    (count_or_version,) = struct.unpack_from(">I", head, 4)
    if count_or_version < 45:  # a handful of architectures, not a class file version
        return Sniffed("application/x-mach-binary", _EXE)
    return Sniffed("application/java-vm", _EXE)


_CHECKS: tuple[Callable[[BinaryIO, bytes], Sniffed | None], ...] = (
    _pdf,
    _zip,
    _ole,
    _riff,
    _iso_media,
    _ebml,
    _ogg,
    _windows_executable,
    _elf,
    _cafebabe,
    _mpeg_audio,
)
