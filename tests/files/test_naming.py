"""Stored names are safe anywhere; the uploaded name is kept for display."""

import unicodedata

import pytest

from resource_hub.files.naming import (
    MAX_STORED_BYTES,
    MAX_STORED_NAME,
    display_filename,
    document_key,
    is_misplaced,
    safe_filename,
    title_from_filename,
)

SHA = "ab" + "0" * 62


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("Syllabus 2024.pdf", "Syllabus 2024.pdf"),
        ("../../etc/passwd", "etcpasswd"),
        ("..\\..\\windows\\system32\\cmd.exe", "windowssystem32cmd.exe"),
        (".htaccess", "htaccess"),
        ("...", "file"),
        ("", "file"),
        (None, "file"),
        ("a\x00b\x1fc\x7f.txt", "abc.txt"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ('what?<is>"this"|*.doc', "what__is__this___.doc"),
        ("  spaced \t out  .pdf", "spaced out .pdf"),
        ("教学大纲（2024）.pdf", "教学大纲（2024）.pdf"),
        ("แผนการสอน ที่ ๑.docx", "แผนการสอน ที่ ๑.docx"),
        ("មេរៀនទី១ ភាសាខ្មែរ.pptx", "មេរៀនទី១ ភាសាខ្មែរ.pptx"),
        ("မြန်မာစာ.pdf", "မြန်မာစာ.pdf"),
    ],
)
def test_safe_filename(name, stored):
    assert safe_filename(name) == stored


def test_safe_filename_is_nfc():
    decomposed = unicodedata.normalize("NFD", "Tiếng Việt.pdf")

    assert safe_filename(decomposed) == unicodedata.normalize("NFC", "Tiếng Việt.pdf")


def test_a_very_long_name_is_capped_and_keeps_its_extension():
    stored = safe_filename("x" * 10_000 + ".docx")

    assert len(stored) == MAX_STORED_NAME
    assert stored.endswith("x.docx")


def test_a_long_name_in_a_non_latin_script_is_capped_in_bytes_without_splitting_characters():
    stored = safe_filename("ឯកសារ" * 100 + ".pdf")

    assert len(stored.encode()) <= MAX_STORED_BYTES
    assert stored.endswith(".pdf")
    assert stored.startswith("ឯកសារឯកសារ")
    assert "\ufffd" not in stored


def test_display_name_keeps_what_was_typed_but_not_invisible_controls():
    assert display_filename("../../etc/passwd") == "../../etc/passwd"
    assert display_filename("invoice\u202efdp.exe") == "invoicefdp.exe"
    assert len(display_filename("y" * 10_000 + ".pdf")) == 255
    assert display_filename("y" * 10_000 + ".pdf").endswith(".pdf")


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Syllabus 2024.pdf", "Syllabus 2024"),
        ("archive.tar.gz", "archive.tar"),
        ("../../etc/passwd", "passwd"),
        (".pdf", ".pdf"),
        ("", "file"),
    ],
)
def test_title_from_filename(name, title):
    assert title_from_filename(name) == title


def test_document_key_is_keyed_by_content():
    assert document_key(SHA, "../Lesson 1.pdf") == f"documents/ab/{SHA}/Lesson 1.pdf"
    assert document_key("", "Lesson 1.pdf") == "documents/unhashed/Lesson 1.pdf"


@pytest.mark.parametrize(
    ("key", "sha256", "misplaced"),
    [
        (f"documents/ab/{SHA}/lesson.pdf", SHA, False),
        (f"documents/ab/{'ab' * 32}/lesson.pdf", SHA, True),  # another file's content key
        ("documents/unhashed/lesson.pdf", SHA, True),  # measured, never moved
        ("elsewhere/lesson.pdf", SHA, True),
        # A direct upload stays where its parts were assembled: no content in its name.
        ("documents/uploads/4f0c2b9e-3f7d-4c51-9a8e-0d3c6f1e2a7b/lesson.pdf", SHA, False),
        ("documents/unhashed/lesson.pdf", "", False),  # nothing to contradict yet
    ],
)
def test_only_a_content_key_can_be_misplaced(key, sha256, misplaced):
    assert is_misplaced(key, sha256) is misplaced
