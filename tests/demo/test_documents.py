"""The demo's files are real: PDF, Word and PowerPoint files that open and say what they should."""

import io
import re

import pytest

from resource_hub.demo import documents, fonts, texts
from resource_hub.demo.institutions import INSTITUTIONS
from resource_hub.demo.specs import build_specs
from resource_hub.files.extraction import extract_text
from resource_hub.files.sniffing import sniff_bytes
from tests.conftest import require

from .helpers import pdf_language, squeezed, text_of

LATIN_WORD = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")  # Vietnamese too
# The first ten records take one language each, in texts.LANGUAGES order.
SPECS = {spec.language: spec for spec in build_specs(INSTITUTIONS, len(texts.LANGUAGES))}


@pytest.mark.parametrize("language", texts.LANGUAGES)
@pytest.mark.parametrize("file_format", ["docx", "pptx"])
def test_office_files_carry_the_text_in_the_records_language(language, file_format):
    spec = SPECS[language]
    data = documents.render(spec, file_format)
    text = text_of(data, file_format)
    assert spec.title() in text
    assert spec.abstract() in text
    for heading, paragraph in texts.sections(
        language, kind=spec.kind, topic=spec.topic, level=spec.level
    ):
        assert heading in text and paragraph in text


@pytest.mark.parametrize("language", texts.LANGUAGES)
def test_pdf_has_the_title_and_abstract_in_a_font_it_embeds(language):
    spec = SPECS[language]
    data = documents.render(spec, "pdf")
    assert data.startswith(b"%PDF-")
    written_in = pdf_language(spec)
    text = squeezed(text_of(data, "pdf"))
    assert squeezed(spec.title(written_in)) in text
    assert squeezed(spec.abstract(written_in)) in text


@pytest.mark.parametrize("language", texts.LANGUAGES)
def test_pdf_words_come_out_whole_for_the_search_index(language):
    """No word is broken over two lines ("Vocational Col lege"), in any script."""
    spec = SPECS[language]
    content = documents.content(spec, pdf_language(spec))
    data = documents.render(spec, "pdf")

    text = extract_text(io.BytesIO(data), sniff_bytes(data)).text

    written = [content.title, content.byline, content.facts, content.abstract]
    written += [paragraph for _heading, paragraph in content.sections]
    for word in " ".join(written).split():
        assert word in text
    assert set(LATIN_WORD.findall(text)) <= set(LATIN_WORD.findall(content.text()))


def test_latin_script_and_lao_pdfs_are_in_their_own_language_when_dejavu_is_installed():
    latin = fonts.fonts_for("en", "A")
    require(
        "DejaVu Sans font",
        latin is not None and latin[0].name == "DejaVuSans.ttf",
        "install Debian's fonts-dejavu-core",
    )
    for language in ("vi", "id", "ms", "fil", "lo"):
        assert pdf_language(SPECS[language]) == language


def test_without_a_font_for_the_script_the_pdf_falls_back_to_english(monkeypatch):
    monkeypatch.setattr(fonts, "fonts_for", lambda language, text: None)
    spec = SPECS["th"]
    text = text_of(documents.render(spec, "pdf"), "pdf")
    assert squeezed(spec.title("en")) in squeezed(text)
