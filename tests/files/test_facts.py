"""Facts measured from the bytes: checksums, size, type, page count."""

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resource_hub.files.errors import EmptyFile
from resource_hub.files.facts import measure, pdf_page_count, storage_content_type
from resource_hub.files.sniffing import sniff_bytes

from . import samples


def test_measure_a_pdf():
    content = samples.pdf(pages=3)

    facts = measure(SimpleUploadedFile("whatever.bin", content))

    assert facts.sha256 == hashlib.sha256(content).hexdigest()
    assert facts.sha1 == hashlib.sha1(content).hexdigest()  # noqa: S324 - Wagtail's file_hash
    assert facts.size == len(content)
    assert facts.mime_type == "application/pdf"
    assert facts.page_count == 3


def test_measure_leaves_the_file_at_its_start():
    upload = io.BytesIO(samples.docx())
    upload.seek(100)

    facts = measure(upload)

    assert upload.tell() == 0
    assert facts.page_count is None


def test_an_empty_file_is_refused():
    with pytest.raises(EmptyFile, match="empty"):
        measure(io.BytesIO(b""))


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\nthis is not really a PDF",
        samples.pdf(pages=2)[:-200],  # cut off: no cross-reference table
        b"%PDF-1.4\n" + bytes(range(256)) * 10,
    ],
)
def test_a_broken_pdf_has_no_page_count_but_is_still_a_pdf(content):
    facts = measure(io.BytesIO(content))

    assert facts.mime_type == "application/pdf"
    assert facts.page_count is None


def test_pdf_page_count_of_a_truncated_pdf_does_not_raise():
    assert pdf_page_count(io.BytesIO(b"%PDF-1.4\n1 0 obj\n<<")) is None


def test_active_content_is_stored_as_opaque_bytes():
    assert storage_content_type(sniff_bytes(b"<html><script></script></html>")) == (
        "application/octet-stream"
    )
    assert storage_content_type(sniff_bytes(samples.windows_exe())) == "application/octet-stream"
    assert storage_content_type(sniff_bytes("教材\n".encode())) == "text/plain; charset=utf-8"
    assert storage_content_type(sniff_bytes(samples.pdf())) == "application/pdf"
