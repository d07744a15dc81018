"""Where an import's files come from: a folder on the server, or a ZIP.

A sheet names each file by its path in the folder or ZIP ("slides/week1.pptx"),
or by its bare name when only one file has it (so a ZIP with everything under
one top-level folder needs no prefix). Nothing outside the folder is ever
read: absolute paths, "..", and links that lead out are refused.

A ZIP kept in the object store (the admin's imports) is read where it is
(`open_stored_zip`): zipfile seeks to the central directory and then to each
member it opens, over ranged GETs (files.objectstore.RangedReader), so neither
memory nor local disk holds the whole ZIP, only one member at a time.
"""

import os
import posixpath
import shutil
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from resource_hub.files import objectstore
from resource_hub.files.containers import ZIP
from resource_hub.files.sniffing import sniff

from .errors import FilesSourceError

#: Files up to this size are held in memory while checked and stored; larger go to disk.
SPOOL_BYTES = 8 * 1024 * 1024
_IGNORED = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")


class MissingFile(LookupError):
    """The sheet names a file that is not in the folder or ZIP (or names several)."""


def _normal(name: str) -> str:
    name = unicodedata.normalize("NFC", name.replace("\\", "/")).strip()
    return posixpath.normpath(name.lstrip("/")) if name else ""


class FileSource:
    """The files of an import: their names, and each one's bytes on demand."""

    def __init__(self, paths: dict[str, object], label: str):
        self._paths = paths  # normal name -> what `_open_raw` opens
        self.label = label
        self._by_basename: dict[str, list[str]] = {}
        for name in paths:
            self._by_basename.setdefault(posixpath.basename(name).casefold(), []).append(name)

    def __len__(self) -> int:
        return len(self._paths)

    def resolve(self, name: str) -> str:
        """The file's path in the source; MissingFile with the reason if there is none."""
        wanted = _normal(name)
        if not wanted or wanted.startswith("../") or wanted == "..":
            raise MissingFile(_("“%(name)s” is not a file name.") % {"name": name})
        if wanted in self._paths:
            return wanted
        candidates = self._by_basename.get(posixpath.basename(wanted).casefold(), [])
        if "/" in wanted:
            candidates = [c for c in candidates if c.casefold().endswith(wanted.casefold())]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise MissingFile(
                _("Several files are called “%(name)s”; give its path, e.g. “%(path)s”.")
                % {"name": name, "path": candidates[0]}
            )
        raise MissingFile(
            _("There is no file “%(name)s” in %(source)s.") % {"name": name, "source": self.label}
        )

    def size(self, path: str) -> int:
        raise NotImplementedError

    def open(self, path: str):
        """A seekable binary file with the bytes of `path` (close it after use)."""
        raise NotImplementedError

    def close(self) -> None:
        pass


class NoFiles(FileSource):
    def __init__(self):
        super().__init__({}, _("the import (no files folder or ZIP was given)"))


class FolderSource(FileSource):
    def __init__(self, folder: Path):
        root = folder.resolve()
        paths = {}
        for current, _dirs, names in os.walk(root):
            for filename in names:
                path = Path(current) / filename
                relative = path.relative_to(root).as_posix()
                if _ignored(relative) or not path.resolve().is_relative_to(root):
                    continue  # a link leading out of the folder is not the folder's file
                paths[_normal(relative)] = path
        super().__init__(paths, _("the folder %(folder)s") % {"folder": folder})

    def size(self, path: str) -> int:
        return self._paths[path].stat().st_size

    def open(self, path: str):
        return self._paths[path].open("rb")


class ZipSource(FileSource):
    def __init__(self, file, label: str, *, owns_file: bool = False):
        self._file = file if owns_file else None
        try:
            self._zip = zipfile.ZipFile(file)
            members = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
            raise FilesSourceError(
                _("%(name)s is not a ZIP file that can be read (%(error)s).")
                % {"name": label, "error": error}
            ) from error
        paths = {}
        for member in members:
            if member.is_dir() or _ignored(member.filename):
                continue
            if member.flag_bits & 0x1:
                raise FilesSourceError(
                    _("The ZIP is protected by a password; make one without a password.")
                )
            name = _normal(_member_name(member))
            if name and not name.startswith("../"):
                paths[name] = member
        super().__init__(paths, _("the ZIP %(name)s") % {"name": label})

    def size(self, path: str) -> int:
        return self._paths[path].file_size

    def open(self, path: str):
        member = self._paths[path]
        # No more than the member declares, and no more than the site accepts:
        # a ZIP that inflates past its declared size is not read to the end.
        limit = min(member.file_size, settings.FILES_MAX_UPLOAD_SIZE)
        spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - returned
        try:
            with self._zip.open(member) as stream:
                shutil.copyfileobj(_Limited(stream, limit), spooled, 1024 * 1024)
        except (zipfile.BadZipFile, OSError, EOFError, zipfile.error) as error:
            spooled.close()
            raise MissingFile(
                _("“%(name)s” cannot be read from the ZIP (%(error)s).")
                % {"name": path, "error": error}
            ) from error
        spooled.seek(0)
        return spooled

    def close(self) -> None:
        self._zip.close()
        if self._file is not None:
            self._file.close()


class _Limited:
    def __init__(self, stream, limit: int):
        self.stream, self.left = stream, limit

    def read(self, size: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        size = self.left if size < 0 else min(size, self.left)
        data = self.stream.read(size)
        self.left -= len(data)
        return data


def _member_name(member: zipfile.ZipInfo) -> str:
    """The member's name; names without the UTF-8 flag (Windows in China) are read as GBK."""
    if member.flag_bits & 0x800:
        return member.filename
    raw = member.filename.encode("cp437")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return member.filename  # pragma: no cover - gb18030 decodes almost anything


def _ignored(name: str) -> bool:
    return any(part in name for part in _IGNORED)


def require_zip(file, label: str) -> None:
    """Refuse a file whose content is not a ZIP archive, whatever its name (the ZIP's magic
    and directory, as sniffed for every upload; an .xlsx or .docx is a ZIP but not this one)."""
    if sniff(file) != ZIP:
        raise FilesSourceError(
            _("%(name)s is not a ZIP file: send the files as one .zip file.") % {"name": label}
        )


def open_stored_zip(name: str, label: str, *, size: int | None = None) -> ZipSource:
    """The ZIP stored at `name` (storage-relative), read in place with ranged reads."""
    with objectstore.reaching_store():
        reader = objectstore.open_reader(name, size=size)
    try:
        return ZipSource(reader, label, owns_file=True)
    except BaseException:
        reader.close()
        raise


def open_source(path: str | os.PathLike | None) -> FileSource:
    """The files at `path`: a folder or a .zip file (None: no files)."""
    if not path:
        return NoFiles()
    path = Path(path)
    if path.is_dir():
        return FolderSource(path)
    if not path.exists():
        raise FilesSourceError(_("There is no file or folder %(path)s.") % {"path": path})
    return ZipSource(path, path.name)
