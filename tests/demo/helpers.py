"""Read back the text of a generated file, with the libraries people open them with."""

import io

from docx import Document as WordDocument
from pptx import Presentation
from pypdf import PdfReader

from resource_hub.demo import documents, fonts
from resource_hub.demo.specs import RecordSpec


def text_of(data: bytes, file_format: str) -> str:
    if file_format == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    if file_format == "docx":
        return "\n".join(paragraph.text for paragraph in WordDocument(io.BytesIO(data)).paragraphs)
    slides = Presentation(io.BytesIO(data)).slides
    return "\n".join(
        shape.text_frame.text for slide in slides for shape in slide.shapes if shape.has_text_frame
    )


def squeezed(text: str) -> str:
    """Without whitespace: a PDF wraps long titles over lines."""
    return "".join(text.split())


def pdf_language(spec: RecordSpec) -> str:
    """The language the PDF of `spec` is written in on this machine (English without a font)."""
    if fonts.script_of(spec.language) in fonts.NEEDS_SHAPING:  # unreadable shaped glyphs
        return "en"
    content = documents.content(spec)
    return spec.language if fonts.fonts_for(spec.language, content.text()) else "en"
