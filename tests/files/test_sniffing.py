"""Sniffing: a file's type comes from its bytes, never from its name."""

import io
import os
import random
import uuid
import zipfile

import pytest

from resource_hub.files.sniffing import HEAD_SIZE, Family, sniff, sniff_bytes

from . import samples

OOXML = "application/vnd.openxmlformats-officedocument."
MSI_CLSID = uuid.UUID("000C1084-0000-0000-C000-000000000046")


@pytest.mark.parametrize(
    ("make", "mime_type", "family"),
    [
        (lambda: samples.pdf(2), "application/pdf", Family.PDF),
        (samples.docx, OOXML + "wordprocessingml.document", Family.DOCUMENT),
        (samples.pptx, OOXML + "presentationml.presentation", Family.SLIDES),
        (samples.xlsx, OOXML + "spreadsheetml.sheet", Family.SPREADSHEET),
        (lambda: samples.odf("text"), "application/vnd.oasis.opendocument.text", Family.DOCUMENT),
        (
            lambda: samples.odf("presentation"),
            "application/vnd.oasis.opendocument.presentation",
            Family.SLIDES,
        ),
        (
            lambda: samples.odf("spreadsheet"),
            "application/vnd.oasis.opendocument.spreadsheet",
            Family.SPREADSHEET,
        ),
        (samples.epub, "application/epub+zip", Family.DOCUMENT),
        (lambda: samples.ole2(["WordDocument", "1Table"]), "application/msword", Family.DOCUMENT),
        (lambda: samples.ole2(["Workbook"]), "application/vnd.ms-excel", Family.SPREADSHEET),
        (
            lambda: samples.ole2(["Current User", "PowerPoint Document"]),
            "application/vnd.ms-powerpoint",
            Family.SLIDES,
        ),
        (lambda: b"{\\rtf1\\ansi Lesson plan}", "application/rtf", Family.DOCUMENT),
        (samples.png, "image/png", Family.IMAGE),
        (samples.jpeg, "image/jpeg", Family.IMAGE),
        (samples.gif, "image/gif", Family.IMAGE),
        (samples.webp, "image/webp", Family.IMAGE),
        (samples.mp3, "audio/mpeg", Family.AUDIO),
        (lambda: samples.mp3(with_id3=False), "audio/mpeg", Family.AUDIO),
        (lambda: samples.iso_media(b"isom"), "video/mp4", Family.VIDEO),
        (lambda: samples.iso_media(b"M4A ", (b"M4A ", b"mp42")), "audio/mp4", Family.AUDIO),
        (lambda: samples.ebml("webm"), "video/webm", Family.VIDEO),
        (lambda: samples.ebml("matroska"), "video/x-matroska", Family.VIDEO),
        (samples.ogg_vorbis, "audio/ogg", Family.AUDIO),
        (samples.wav, "audio/wav", Family.AUDIO),
        (samples.plain_zip, "application/zip", Family.ARCHIVE),
        (samples.seven_zip, "application/x-7z-compressed", Family.ARCHIVE),
        (samples.gzip_file, "application/gzip", Family.ARCHIVE),
        (lambda: samples.tar_file(compress=True), "application/gzip", Family.ARCHIVE),
        (samples.tar_file, "application/x-tar", Family.ARCHIVE),
        (samples.windows_exe, "application/vnd.microsoft.portable-executable", Family.EXECUTABLE),
        (samples.elf, "application/x-executable", Family.EXECUTABLE),
        (samples.mach_o, "application/x-mach-binary", Family.EXECUTABLE),
        (samples.jar, "application/java-archive", Family.EXECUTABLE),
        (lambda: samples.ole2(["x"], root_clsid=MSI_CLSID), "application/x-msi", Family.EXECUTABLE),
        (lambda: b"#!/bin/sh\nrm -rf /tmp/x\n", "text/x-shellscript", Family.EXECUTABLE),
        (lambda: b"#!/usr/bin/env python3\nprint(1)\n", "text/x-python", Family.EXECUTABLE),
    ],
)
def test_binary_formats_are_recognised_by_content(make, mime_type, family):
    sniffed = sniff_bytes(make())

    assert (sniffed.mime_type, sniffed.family) == (mime_type, family)


@pytest.mark.parametrize(
    ("content", "mime_type", "family", "charset"),
    [
        ("教学大纲\nแผนการสอน\nមេរៀន\n".encode(), "text/plain", Family.TEXT, "utf-8"),
        ("Lesson 教材\n".encode("utf-16"), "text/plain", Family.TEXT, "utf-16le"),
        ("Lesson 教材\n".encode("utf-16-be"), "text/plain", Family.TEXT, "utf-16be"),
        ("教材，".encode("gbk") * 20, "text/plain", Family.TEXT, None),
        (b"country,students\nCambodia,120\nLaos,80\n", "text/csv", Family.DATA, "utf-8"),
        (b"country;students\r\nThailand;95\r\n", "text/csv", Family.DATA, "utf-8"),
        (b"a\tb\n1\t2\n", "text/tab-separated-values", Family.DATA, "utf-8"),
        (
            b'\xef\xbb\xbf{"title": "\xe6\x95\x99\xe6\x9d\x90"}',
            "application/json",
            Family.DATA,
            "utf-8",
        ),
        (b"[1, 2, 3]\n", "application/json", Family.DATA, "utf-8"),
        (
            b'<?xml version="1.0"?><catalog><item/></catalog>',
            "application/xml",
            Family.DATA,
            "utf-8",
        ),
    ],
)
def test_text_formats(content, mime_type, family, charset):
    sniffed = sniff_bytes(content)

    assert (sniffed.mime_type, sniffed.family, sniffed.charset) == (mime_type, family, charset)
    assert sniffed.is_active == (mime_type == "application/xml")


def test_prose_with_brackets_or_commas_stays_plain_text():
    assert sniff_bytes(b"[1] Introduction, and scope.\nThe course covers it all.\n").mime_type == (
        "text/plain"
    )
    assert sniff_bytes(b"Dear teachers, welcome.\n").mime_type == "text/plain"


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>",
        b"\n  <html><script>alert(document.cookie)</script></html>",
        b"<script>fetch('/admin/')</script>",
        b"<!-- a comment --><iframe src='https://example.org'></iframe>",
        b"<p>Looks like a note</p>",
        b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
    ],
)
def test_html_is_detected_so_it_can_be_refused(content):
    sniffed = sniff_bytes(content)

    assert sniffed.mime_type == "text/html"
    assert sniffed.is_active


@pytest.mark.parametrize(
    "content",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n'
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg/>',
    ],
)
def test_svg_is_detected_with_its_scripts(content):
    sniffed = sniff_bytes(content)

    assert (sniffed.mime_type, sniffed.family) == ("image/svg+xml", Family.IMAGE)
    assert sniffed.is_active


def test_an_exe_named_pdf_is_an_executable():
    upload = io.BytesIO(samples.windows_exe())
    upload.name = "syllabus.pdf"

    sniffed = sniff(upload)

    assert sniffed.family is Family.EXECUTABLE
    assert sniffed.mime_type == "application/vnd.microsoft.portable-executable"
    assert sniffed.is_active


def test_an_exe_whose_pe_header_lies_beyond_the_prefix_is_still_found():
    exe = bytearray(samples.windows_exe())
    exe[0x3C:0x40] = (HEAD_SIZE + 100).to_bytes(4, "little")
    padded = bytes(exe).ljust(HEAD_SIZE + 100, b"\x00") + b"PE\x00\x00" + bytes(64)

    assert sniff_bytes(padded).family is Family.EXECUTABLE


def test_text_that_starts_with_mz_is_text():
    assert sniff_bytes(b"MZ Academy course list, term 1 and term 2 of the year\n" * 3).family in (
        Family.TEXT,
        Family.DATA,
    )


def test_a_zip_named_docx_without_office_parts_is_just_a_zip():
    assert sniff_bytes(samples.plain_zip()).mime_type == "application/zip"


def test_a_damaged_zip_is_still_a_zip():
    broken = samples.docx()[:2000]

    assert sniff_bytes(broken).mime_type == "application/zip"


def test_a_damaged_ole_file_is_generic_ole_storage():
    broken = samples.ole2(["WordDocument"])[:600]

    assert sniff_bytes(broken).mime_type == "application/x-ole-storage"


def test_random_bytes_are_unknown():
    sniffed = sniff_bytes(bytes(range(256)) * 4)

    assert (sniffed.mime_type, sniffed.family) == ("application/octet-stream", Family.UNKNOWN)


class CountingReader(io.BytesIO):
    """Counts the bytes read, to prove the sniffer reads a bounded prefix."""

    bytes_read = 0

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read += len(data)
        return data


def test_only_a_bounded_prefix_is_read_and_the_position_is_restored():
    big = CountingReader(b"lesson notes line after line\n" * 200_000)  # ~6 MB
    big.seek(1234)

    sniffed = sniff(big)

    assert (sniffed.mime_type, sniffed.charset) == ("text/plain", "utf-8")
    assert big.bytes_read <= HEAD_SIZE + 1
    assert big.tell() == 1234


def test_a_large_docx_is_classified_from_its_central_directory():
    out = io.BytesIO(samples.docx())
    with zipfile.ZipFile(out, "a") as archive:  # a big picture, stored after the text
        archive.writestr("word/media/photo.bin", os.urandom(8 * 1024 * 1024))
    reader = CountingReader(out.getvalue())

    assert sniff(reader).mime_type == OOXML + "wordprocessingml.document"
    assert reader.bytes_read < 4 * HEAD_SIZE


FUZZ_SAMPLES = [
    samples.pdf(),
    samples.docx(),
    samples.odf("text"),
    samples.ole2(["WordDocument"]),
    samples.windows_exe(),
    samples.elf(),
    samples.iso_media(b"isom"),
    samples.ebml("webm"),
    samples.mp3(),
    samples.png(),
    b'<?xml version="1.0"?><svg/>',
]


@pytest.mark.parametrize("sample", FUZZ_SAMPLES)
def test_damaged_files_never_make_the_sniffer_fail(sample):
    """Cut short or with bytes flipped, a file still gets an answer, never an exception."""
    rng = random.Random(len(sample))
    variants = [sample[:cut] for cut in (1, 3, 7, 12, 30, 64, 100, 513, len(sample) // 2)]
    for _ in range(30):
        damaged = bytearray(sample)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        variants.append(bytes(damaged))

    for variant in variants:
        sniffed = sniff_bytes(variant)
        assert isinstance(sniffed.family, Family)
        assert sniffed.mime_type
