"""A made-up PDF of a chosen size, for benchmarks that upload files (files.py, load.py).

No Django here: the locust scenario imports it in its own process.
"""

import io
import os
from pathlib import Path
from typing import BinaryIO

MIB = 1024 * 1024


def write_pdf(out: BinaryIO, size: int) -> None:
    """A valid one-page PDF of about `size` bytes: a text page plus one big stream of
    random (incompressible) bytes, with a correct cross-reference table. A fresh random
    block each call makes every file new content (the site keys files by SHA-256)."""
    block = os.urandom(MIB)
    text = b"BT /F1 18 Tf 72 720 Td (Benchmark lecture: photosynthesis) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1"
        b" /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
    ]
    start = out.tell()
    offsets = []
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell() - start)
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    noise = max(0, size - (out.tell() - start) - 1024)
    offsets.append(out.tell() - start)
    out.write(b"%d 0 obj\n<< /Length %d >>\nstream\n" % (len(objects) + 1, noise))
    written = 0
    while written < noise:
        piece = block[: min(MIB, noise - written)]
        out.write(piece)
        written += len(piece)
    out.write(b"\nendstream\nendobj\n")
    xref = out.tell() - start
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    )


def make_file(path: Path, size: int) -> None:
    """write_pdf() into a file."""
    with path.open("wb") as out:
        write_pdf(out, size)


def pdf_bytes(size: int) -> bytes:
    """write_pdf() in memory."""
    buffer = io.BytesIO()
    write_pdf(buffer, size)
    return buffer.getvalue()
