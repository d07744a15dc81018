"""Small real files of many formats, made in memory for the tests.

Office files come from the libraries that write them (python-docx,
python-pptx, openpyxl), images from Pillow, archives from the standard
library; the rest is built to the formats' published layouts.
"""

import gzip
import io
import os
import struct
import tarfile
import uuid
import wave
import zipfile

from docx import Document as WordDocument
from openpyxl import Workbook
from PIL import Image
from pptx import Presentation


def pdf(pages: int = 1, text: str = "Hello", padding: int = 0) -> bytes:
    """A minimal valid PDF with `pages` pages and a correct cross-reference table.

    `padding` adds a stream object of that many random bytes (a big PDF).
    """
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
    ]
    for i in range(pages):
        stream = f"BT /F1 12 Tf 72 720 Td ({text} {i + 1}) Tj ET".encode()
        page = f"/Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R"
        objects.append(f"<< {page} >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    if padding:
        noise = os.urandom(padding)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(noise), noise))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def docx() -> bytes:
    document = WordDocument()
    document.add_paragraph("教学资料 · เอกสารการสอน")
    return _saved(document)


def pptx() -> bytes:
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[0])
    slide.shapes.title.text = "Lesson 1"
    return _saved(presentation)


def xlsx() -> bytes:
    workbook = Workbook()
    workbook.active.append(["country", "students"])
    workbook.active.append(["Cambodia", 120])
    return _saved(workbook)


ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
)


def odf(kind: str, body: str = "", thumbnail: bytes | None = None) -> bytes:
    """An OpenDocument file: `kind` is "text", "presentation" or "spreadsheet".

    `body` is the XML inside <office:body> (e.g. "<office:text>...</office:text>");
    `thumbnail` a PNG stored as Thumbnails/thumbnail.png, as office suites do.
    """
    mimetype = f"application/vnd.oasis.opendocument.{kind}"
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content {ODF_NAMESPACES} office:version="1.3">'
        f"<office:body>{body}</office:body></office:document-content>"
    )
    entries = [("mimetype", mimetype), ("META-INF/manifest.xml", manifest)]
    entries.append(("content.xml", content))
    if thumbnail is not None:
        entries.append(("Thumbnails/thumbnail.png", thumbnail))
    return _zip(entries)


def epub() -> bytes:
    container = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    return _zip(
        [
            ("mimetype", "application/epub+zip"),
            ("META-INF/container.xml", container),
            ("content.opf", '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"/>'),
        ]
    )


def plain_zip() -> bytes:
    return _zip([("notes/readme.txt", "hello"), ("data.csv", "a,b\n1,2\n")])


def jar() -> bytes:
    return _zip([("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"), ("App.class", "x")])


def ole2(streams: list[str], root_clsid: uuid.UUID | None = None) -> bytes:
    """A compound file (DOC/XLS/PPT/MSI) with the given top-level streams, per [MS-CFB] v3."""
    sector = 512
    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    data_sectors = 8  # each stream gets 4096 bytes: one regular-sized stream
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 0x1000, end, 0, end, 0)
    header += struct.pack("<109I", 0, *([free] * 108))

    fat = [fat_sector, end]  # sector 0: the FAT, sector 1: the directory
    for _ in streams:
        first = len(fat)
        fat += [first + i + 1 for i in range(data_sectors - 1)] + [end]
    fat_bytes = struct.pack(f"<{sector // 4}I", *(fat + [free] * (sector // 4 - len(fat))))

    def entry(name, kind, child=no_stream, right=no_stream, start=end, size=0, clsid=None):
        encoded = (name + "\x00").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\x00")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", no_stream, right, child)
            + (clsid.bytes_le if clsid else bytes(16))
            + bytes(4 + 16)
            + struct.pack("<IQ", start, size)
        )

    entries = [entry("Root Entry", 5, child=1 if streams else no_stream, clsid=root_clsid)]
    for index, name in enumerate(streams):
        right = index + 2 if index + 1 < len(streams) else no_stream
        entries.append(entry(name, 2, right=right, start=2 + index * data_sectors, size=4096))
    directory = b"".join(entries).ljust(sector, b"\x00")
    assert len(directory) == sector, "keep to three streams: one directory sector"
    payload = b"".join(bytes([65 + i]) * (sector * data_sectors) for i in range(len(streams)))
    return header + fat_bytes + directory + payload


def png(size=(4, 3)) -> bytes:
    return _image("PNG", size)


def heic(size=(640, 480)) -> bytes:
    """A photo as phones save it (HEIF with HEVC), encoded by pillow-heif's x265."""
    import pillow_heif

    out = io.BytesIO()
    photo = Image.new("RGB", size, (200, 30, 30))
    pillow_heif.from_pillow(photo).save(out, format="HEIF", quality=80)
    return out.getvalue()


def jpeg() -> bytes:
    return _image("JPEG", (8, 8))


def gif() -> bytes:
    return _image("GIF", (8, 8))


def webp() -> bytes:
    return _image("WEBP", (8, 8))


def wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\x00\x00" * 800)
    return out.getvalue()


def mp3(with_id3: bool = True) -> bytes:
    """MPEG-1 Layer III frames of silence (128 kbit/s, 44.1 kHz: 417 bytes each)."""
    frame = b"\xff\xfb\x90\x64" + bytes(413)
    tag = b"ID3\x04\x00\x00\x00\x00\x00\x00" if with_id3 else b""
    return tag + frame * 4


def iso_media(brand: bytes, compatible: tuple[bytes, ...] = (b"isom",)) -> bytes:
    """An ISO base media file (MP4, M4A, ...): an ftyp box, then an empty moov and mdat."""
    ftyp_body = brand + struct.pack(">I", 0x200) + b"".join(compatible)
    ftyp = struct.pack(">I", 8 + len(ftyp_body)) + b"ftyp" + ftyp_body
    return ftyp + struct.pack(">I", 8) + b"moov" + struct.pack(">I", 16) + b"mdat" + bytes(8)


def ebml(doc_type: str) -> bytes:
    """A WebM / Matroska file's EBML header followed by an empty Segment."""

    def element(element_id: bytes, payload: bytes) -> bytes:
        return element_id + bytes([0x80 | len(payload)]) + payload

    body = (
        element(b"\x42\x86", b"\x01")  # EBMLVersion
        + element(b"\x42\xf7", b"\x01")  # EBMLReadVersion
        + element(b"\x42\xf2", b"\x04")  # EBMLMaxIDLength
        + element(b"\x42\xf3", b"\x08")  # EBMLMaxSizeLength
        + element(b"\x42\x82", doc_type.encode())  # DocType
        + element(b"\x42\x87", b"\x04")  # DocTypeVersion
        + element(b"\x42\x85", b"\x02")  # DocTypeReadVersion
    )
    return b"\x1a\x45\xdf\xa3" + bytes([0x80 | len(body)]) + body + b"\x18\x53\x80\x67\x80"


def ogg_vorbis() -> bytes:
    identification = b"\x01vorbis" + struct.pack("<IBIiii", 0, 1, 44100, 0, 128000, 0) + b"\xb8\x01"
    header = b"OggS\x00\x02" + bytes(8) + struct.pack("<II", 1, 0) + bytes(4)
    return header + bytes([1, len(identification)]) + identification


def seven_zip() -> bytes:
    return b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(24)


def gzip_file() -> bytes:
    return gzip.compress(b"hello " * 100)


def tar_file(compress: bool = False) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz" if compress else "w") as archive:
        data = b"hello"
        info = tarfile.TarInfo("hello.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def windows_exe() -> bytes:
    """A PE32 image's headers: DOS stub pointing at "PE\\0\\0" and a COFF header."""
    dos = bytearray(b"MZ" + bytes(62))
    struct.pack_into("<I", dos, 0x3C, 0x80)
    stub = b"This program cannot be run in DOS mode.\r\r\n$".ljust(0x80 - 64, b"\x00")
    coff = struct.pack("<HHIIIHH", 0x14C, 1, 0, 0, 0, 0xE0, 0x0102)
    return bytes(dos) + stub + b"PE\x00\x00" + coff + bytes(0xE0 + 40)


def elf() -> bytes:
    ident = b"\x7fELF\x02\x01\x01" + bytes(9)
    header = struct.pack("<HHIQQQIHHHHHH", 2, 0x3E, 1, 0x401000, 64, 0, 0, 64, 56, 0, 64, 0, 0)
    return ident + header + bytes(64)


def mach_o() -> bytes:
    return struct.pack("<IiiIIII", 0xFEEDFACF, 0x01000007, 3, 2, 0, 0, 0) + bytes(4 + 64)


def _saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _zip(entries: list[tuple[str, str | bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in entries:
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, text, compress_type=method)
    return out.getvalue()


def _image(kind: str, size) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, kind)
    return out.getvalue()


def pdf_with_text(pages: list[tuple[str, str]], width: float = 0) -> bytes:
    """A PDF written by fpdf2, one page per (language, text), in fonts installed here.

    The text wraps at the page's margin, or in a column `width` mm wide: at
    spaces, and anywhere in a word longer than the line (Chinese, Thai).

    `make test` installs the fonts (scripts/test-deps.sh). Without one, CI
    fails and a developer's run skips, like a missing service.
    """
    from fpdf import FPDF

    from resource_hub.demo import fonts

    document = FPDF()
    for number, (language, text) in enumerate(pages):
        files = fonts.fonts_for(language, text)
        if files is None:
            from tests.conftest import require

            require(f"a font for {language!r}", False, "run scripts/test-deps.sh")
        names = [f"F{number}-{index}" for index in range(len(files))]
        for name, path in zip(names, files, strict=True):
            document.add_font(name, "", str(path))
        document.set_fallback_fonts(names[1:])
        document.add_page()
        document.set_font(names[0], size=14)
        document.multi_cell(width, 8, text)
    return bytes(document.output())


def docx_with(paragraphs: list[str]) -> bytes:
    document = WordDocument()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    return _saved(document)


def pptx_with(slides: list[tuple[str, str]]) -> bytes:
    """Slides with a title and a body text each (layout "Title and Content")."""
    presentation = Presentation()
    for title, body in slides:
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = body
    return _saved(presentation)


def xlsx_with(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    return _saved(workbook)


def zip_bomb_docx(decompressed_size: int) -> bytes:
    """A DOCX whose document.xml inflates to `decompressed_size` bytes from a few KB.

    One paragraph of text, then a run of white space inside it that never
    ends within the budget; the declared sizes are the true ones.
    """
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>Bomb start</w:t></w:r></w:p><w:p><w:r><w:t>"
    )
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
            '"/></Types>',
        )
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            entry.write(head)
            block = b" " * (1024 * 1024)
            remaining = decompressed_size - len(head) - len(tail)
            while remaining > 0:
                entry.write(block[: min(len(block), remaining)])
                remaining -= len(block)
            entry.write(tail)
    return out.getvalue()
