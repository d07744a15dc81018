"""Telling container formats apart: what a ZIP or an OLE2 compound file holds.

DOCX, PPTX, XLSX, ODF and EPUB are all ZIP files, and DOC, XLS, PPT and MSI
are all OLE2 compound files, so their first bytes say only "ZIP" or "OLE2".
We read the ZIP central directory (through `zipfile`, on the seekable file)
and the OLE2 directory (a few sectors, by hand: the format is documented in
[MS-CFB]). Every read is bounded, so a hostile file costs little.
"""

import struct
import uuid
import zipfile
import zlib
from typing import BinaryIO

from .filetypes import Family, Sniffed

ZIP = Sniffed("application/zip", Family.ARCHIVE)
OLE_STORAGE = Sniffed("application/x-ole-storage", Family.UNKNOWN)

# Skip the detailed look at ZIPs whose central directory is larger than this:
# an office file has a few hundred entries, not millions.
MAX_CENTRAL_DIRECTORY = 8 * 1024 * 1024
MAX_ENTRIES = 50_000
MAX_MANIFEST = 512 * 1024

# The ODF / EPUB "mimetype" entry.
_DECLARED_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": Family.DOCUMENT,
    "application/vnd.oasis.opendocument.text-template": Family.DOCUMENT,
    "application/vnd.oasis.opendocument.presentation": Family.SLIDES,
    "application/vnd.oasis.opendocument.presentation-template": Family.SLIDES,
    "application/vnd.oasis.opendocument.spreadsheet": Family.SPREADSHEET,
    "application/vnd.oasis.opendocument.spreadsheet-template": Family.SPREADSHEET,
    "application/epub+zip": Family.DOCUMENT,
}

_OOXML = "application/vnd.openxmlformats-officedocument."
_MS = "application/vnd.ms-"
# Content type of the main part in [Content_Types].xml -> the file's MIME type.
_OOXML_MAIN_PARTS = (
    (_OOXML + "wordprocessingml.document.main+xml", _OOXML + "wordprocessingml.document"),
    (_OOXML + "wordprocessingml.template.main+xml", _OOXML + "wordprocessingml.template"),
    (_MS + "word.document.macroEnabled.main+xml", _MS + "word.document.macroEnabled.12"),
    (_MS + "word.template.macroEnabledTemplate.main+xml", _MS + "word.template.macroEnabled.12"),
    (_OOXML + "presentationml.presentation.main+xml", _OOXML + "presentationml.presentation"),
    (_OOXML + "presentationml.slideshow.main+xml", _OOXML + "presentationml.slideshow"),
    (_OOXML + "presentationml.template.main+xml", _OOXML + "presentationml.template"),
    (
        _MS + "powerpoint.presentation.macroEnabled.main+xml",
        _MS + "powerpoint.presentation.macroEnabled.12",
    ),
    (
        _MS + "powerpoint.slideshow.macroEnabled.main+xml",
        _MS + "powerpoint.slideshow.macroEnabled.12",
    ),
    (_OOXML + "spreadsheetml.sheet.main+xml", _OOXML + "spreadsheetml.sheet"),
    (_OOXML + "spreadsheetml.template.main+xml", _OOXML + "spreadsheetml.template"),
    (_MS + "excel.sheet.macroEnabled.main+xml", _MS + "excel.sheet.macroEnabled.12"),
    (_MS + "excel.template.macroEnabled.main+xml", _MS + "excel.template.macroEnabled.12"),
)
# When [Content_Types].xml names no main part we know, the main part's path decides.
_OOXML_MAIN_PATHS = {
    "word/document.xml": Sniffed(_OOXML + "wordprocessingml.document", Family.DOCUMENT),
    "ppt/presentation.xml": Sniffed(_OOXML + "presentationml.presentation", Family.SLIDES),
    "xl/workbook.xml": Sniffed(_OOXML + "spreadsheetml.sheet", Family.SPREADSHEET),
}
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError)
_ZIP_ERRORS += (NotImplementedError, ValueError, struct.error)


def inspect_zip(fileobj: BinaryIO) -> Sniffed:
    """What a ZIP file is: an office document, an e-book, an app, or just an archive."""
    try:
        if not central_directory_is_small(fileobj):
            return ZIP
        fileobj.seek(0)
        with zipfile.ZipFile(fileobj) as archive:
            return _classify_zip(archive)
    except _ZIP_ERRORS:
        return ZIP  # a damaged ZIP is still a ZIP, and nothing more we can vouch for


def _classify_zip(archive: zipfile.ZipFile) -> Sniffed:
    names = set(archive.namelist())
    if "mimetype" in names:
        declared = _read_entry(archive, "mimetype", 128).decode("ascii", "replace").strip()
        if declared in _DECLARED_MIMETYPES:
            return Sniffed(declared, _DECLARED_MIMETYPES[declared])
    if "[Content_Types].xml" in names:
        manifest = _read_entry(archive, "[Content_Types].xml", MAX_MANIFEST).lower()
        for part_type, mime_type in _OOXML_MAIN_PARTS:
            if part_type.lower().encode() in manifest:
                return Sniffed(mime_type, _ooxml_family(mime_type))
        for path, sniffed in _OOXML_MAIN_PATHS.items():
            if path in names:
                return sniffed
    if "AndroidManifest.xml" in names and "classes.dex" in names:
        return Sniffed("application/vnd.android.package-archive", Family.EXECUTABLE)
    if "META-INF/MANIFEST.MF" in names:
        return Sniffed("application/java-archive", Family.EXECUTABLE)
    return ZIP


def _ooxml_family(mime_type: str) -> Family:
    if "word" in mime_type:
        return Family.DOCUMENT
    if "presentation" in mime_type or "powerpoint" in mime_type:
        return Family.SLIDES
    return Family.SPREADSHEET


def _read_entry(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    with archive.open(name) as entry:
        return entry.read(limit)


def central_directory_is_small(fileobj: BinaryIO) -> bool:
    """Read the end-of-central-directory record (ZIP64 too) before trusting zipfile with it."""
    size = fileobj.seek(0, 2)
    tail_length = min(size, 22 + 0xFFFF)  # the record, plus the longest comment
    fileobj.seek(size - tail_length)
    tail = fileobj.read(tail_length)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return False
    entries, directory_size = struct.unpack_from("<HI", tail, at + 10)
    if entries == 0xFFFF or directory_size == 0xFFFFFFFF:
        locator = tail[at - 20 : at] if at >= 20 else b""
        if not locator.startswith(b"PK\x06\x07"):
            return False
        (record_offset,) = struct.unpack_from("<Q", locator, 8)
        fileobj.seek(record_offset)
        record = fileobj.read(56)
        if len(record) < 56 or not record.startswith(b"PK\x06\x06"):
            return False
        entries, directory_size = struct.unpack_from("<QQ", record, 32)
    return entries <= MAX_ENTRIES and directory_size <= MAX_CENTRAL_DIRECTORY


# --- OLE2 (Compound File Binary) ---------------------------------------------

_OLE_END = 0xFFFFFFFA  # this and above: end of chain, free, FAT or DIFAT sector
MAX_DIRECTORY_SECTORS = 64
_INSTALLER_CLSIDS = {
    uuid.UUID("000C1084-0000-0000-C000-000000000046"),  # .msi
    uuid.UUID("000C1086-0000-0000-C000-000000000046"),  # .msp
    uuid.UUID("000C1082-0000-0000-C000-000000000046"),  # .mst
}
_OLE_STREAMS = (
    ("WordDocument", Sniffed("application/msword", Family.DOCUMENT)),
    ("PowerPoint Document", Sniffed("application/vnd.ms-powerpoint", Family.SLIDES)),
    ("Workbook", Sniffed("application/vnd.ms-excel", Family.SPREADSHEET)),
    ("Book", Sniffed("application/vnd.ms-excel", Family.SPREADSHEET)),
)


def inspect_ole(fileobj: BinaryIO) -> Sniffed:
    """What an OLE2 compound file is, from its root CLSID and the names of its streams."""
    try:
        root_clsid, names = _ole_directory(fileobj)
    except (struct.error, OSError, ValueError):
        return OLE_STORAGE
    if root_clsid in _INSTALLER_CLSIDS:
        return Sniffed("application/x-msi", Family.EXECUTABLE)
    for stream, sniffed in _OLE_STREAMS:
        if stream in names:
            return sniffed
    return OLE_STORAGE


def _ole_directory(fileobj: BinaryIO) -> tuple[uuid.UUID | None, set[str]]:
    fileobj.seek(0)
    header = fileobj.read(512)
    (sector_shift,) = struct.unpack_from("<H", header, 30)
    if sector_shift not in (9, 12):
        raise ValueError("not a compound file we know")
    sector_size = 1 << sector_shift
    (sector,) = struct.unpack_from("<I", header, 48)
    fat_sectors = struct.unpack_from("<109I", header, 76)

    root_clsid, names, seen = None, set(), set()
    while sector < _OLE_END and sector not in seen and len(seen) < MAX_DIRECTORY_SECTORS:
        seen.add(sector)
        fileobj.seek((sector + 1) * sector_size)
        data = fileobj.read(sector_size)
        if len(data) < sector_size:
            break
        for offset in range(0, sector_size, 128):
            entry = data[offset : offset + 128]
            (name_length,) = struct.unpack_from("<H", entry, 64)
            kind = entry[66]
            if kind == 0:  # unused
                continue
            name_bytes = entry[: max(0, min(name_length, 64) - 2)]
            names.add(name_bytes.decode("utf-16-le", "replace"))
            if kind == 5:  # the root storage
                root_clsid = uuid.UUID(bytes_le=entry[80:96])
        sector = _next_sector(fileobj, fat_sectors, sector_size, sector)
    return root_clsid, names


def _next_sector(fileobj: BinaryIO, fat_sectors: tuple, sector_size: int, sector: int) -> int:
    per_fat_sector = sector_size // 4
    index = sector // per_fat_sector
    if index >= len(fat_sectors) or fat_sectors[index] >= _OLE_END:
        return _OLE_END  # beyond the header's FAT list: enough has been read
    fileobj.seek((fat_sectors[index] + 1) * sector_size + (sector % per_fat_sector) * 4)
    raw = fileobj.read(4)
    return struct.unpack("<I", raw)[0] if len(raw) == 4 else _OLE_END
