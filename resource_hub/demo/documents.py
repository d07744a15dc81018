"""Small real files for the demo records: PDF (fpdf2), Word (python-docx), PowerPoint
(python-pptx), each with the record's title, creators, abstract and a few sections.

Word and PowerPoint files carry the text in the record's own language (the
reader's office suite picks the font). A PDF must embed its font: when no font
on this machine covers the language (see `fonts`), the PDF is written in
English instead. So is a Khmer or Burmese one: fpdf2 draws those scripts only
with text shaping, and writes no ToUnicode entry for the shaped glyphs, so
their text could not be read back and searched (the demo gives records in
those languages a Word file instead, specs.NO_PDF_LANGUAGES).
"""

import io
from dataclasses import dataclass

from docx import Document as WordDocument
from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos
from pptx import Presentation
from pptx.util import Pt

from . import fonts, texts
from .specs import RecordSpec

MIME_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
FOOTER = "Resource Hub demo content: invented for demonstration, not a real publication."


@dataclass(frozen=True)
class Content:
    """What a file says, in one language."""

    language: str
    title: str
    byline: str
    facts: str
    abstract: str
    keywords: str
    sections: list[tuple[str, str]]
    labels: dict[str, str]

    def text(self) -> str:
        parts = [self.title, self.byline, self.facts, self.abstract, self.keywords, FOOTER]
        parts += [*self.labels.values()]
        for heading, paragraph in self.sections:
            parts += [heading, paragraph]
        return "\n".join(parts)


def content(spec: RecordSpec, language: str | None = None) -> Content:
    language = language or spec.language
    keys = {"topic": spec.topic, "level": spec.level}
    words = texts.bundle(language)
    return Content(
        language=language,
        title=spec.title(language),
        byline="; ".join(
            f"{_name(c.name, language, spec)} ({c.affiliation})" for c in spec.creators
        ),
        facts=f"{spec.institution.name_en} · {spec.year} · {spec.licence}",
        abstract=spec.abstract(language),
        keywords=", ".join(texts.keywords(language, **keys)),
        sections=texts.sections(language, kind=spec.kind, **keys),
        labels=words.LABELS,
    )


def _name(name: str, language: str, spec: RecordSpec) -> str:
    """People's names as the record gives them, romanized when the file is in another language."""
    return name if language == spec.language else texts.romanized(name)


def render(spec: RecordSpec, file_format: str) -> bytes:
    """The bytes of the record's file in `file_format` ("pdf", "docx" or "pptx")."""
    return {"pdf": pdf, "docx": docx, "pptx": pptx}[file_format](spec)


def pdf(spec: RecordSpec) -> bytes:
    text = content(spec)
    font_files = None
    if fonts.script_of(text.language) not in fonts.NEEDS_SHAPING:
        font_files = fonts.fonts_for(text.language, text.text())
    if font_files is None:  # no font for the script on this machine: say it in English
        text = content(spec, "en")
        font_files = fonts.fonts_for("en", text.text())
    document = FPDF(format="A4")
    document.set_title(text.title)
    document.set_author("; ".join(c.name for c in spec.creators))
    document.set_creator("Resource Hub demo loader")
    document.set_lang(text.language)
    document.set_margins(20, 20, 20)
    document.add_page()
    if font_files is None:  # not even a Latin font: the PDF core font, Latin-1 only
        family = "Helvetica"
    else:
        family = "Body"
        names = [f"{family}{n or ''}" for n in range(len(font_files))]
        for name, path in zip(names, font_files, strict=True):
            document.add_font(name, "", str(path))
        document.set_fallback_fonts(names[1:])  # e.g. a Latin font beside a Thai one
    # At spaces: breaking by character cut the Latin names in Chinese and Thai files
    # ("Vocational Col|lege"). fpdf2 still breaks a longer run without spaces anywhere.
    wrap = WrapMode.WORD

    def write(size: int, value: str, gap: float = 2) -> None:
        if font_files is None:
            value = value.encode("latin-1", "replace").decode("latin-1")
        document.set_font(family, size=size)
        document.multi_cell(
            0, size * 0.55, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=wrap
        )
        document.ln(gap)

    write(9, text.facts, 4)
    write(18, text.title, 2)
    write(10, text.byline, 6)
    write(13, text.labels["abstract"])
    write(11, text.abstract, 4)
    write(10, f"{text.labels['keywords']}: {text.keywords}", 6)
    for heading, paragraph in text.sections:
        write(13, heading)
        write(11, paragraph, 4)
    write(8, FOOTER, 0)
    return bytes(document.output())


def docx(spec: RecordSpec) -> bytes:
    text = content(spec)
    document = WordDocument()
    document.core_properties.title = text.title
    document.core_properties.author = "; ".join(c.name for c in spec.creators)
    document.core_properties.language = text.language
    document.add_heading(text.title, level=0)
    document.add_paragraph(text.byline)
    document.add_paragraph(text.facts)
    document.add_heading(text.labels["abstract"], level=1)
    document.add_paragraph(text.abstract)
    document.add_paragraph(f"{text.labels['keywords']}: {text.keywords}")
    for heading, paragraph in text.sections:
        document.add_heading(heading, level=1)
        document.add_paragraph(paragraph)
    document.add_paragraph(FOOTER)
    return _saved(document)


def pptx(spec: RecordSpec) -> bytes:
    text = content(spec)
    presentation = Presentation()
    presentation.core_properties.title = text.title
    presentation.core_properties.language = text.language
    title_layout, body_layout = presentation.slide_layouts[0], presentation.slide_layouts[1]
    slide = presentation.slides.add_slide(title_layout)
    slide.shapes.title.text = text.title
    slide.placeholders[1].text = f"{text.byline}\n{text.facts}"
    slides = [(text.labels["abstract"], text.abstract), *text.sections]
    slides.append((text.labels["keywords"], f"{text.keywords}\n\n{FOOTER}"))
    for heading, body in slides:
        slide = presentation.slides.add_slide(body_layout)
        slide.shapes.title.text = heading
        frame = slide.placeholders[1].text_frame
        frame.text = body
        frame.word_wrap = True
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(20)
    return _saved(presentation)


def _saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
