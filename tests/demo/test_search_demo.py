"""The demo's Khmer and Burmese files: their text is searched and found, in their script.

Real services: the file is stored in the S3 server, `files_derive` extracts
its text into the database, the index is rebuilt on Elasticsearch.
"""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import Language
from resource_hub.demo import documents, texts
from resource_hub.demo.institutions import INSTITUTIONS
from resource_hub.demo.specs import NO_PDF_LANGUAGES, State, build_specs
from resource_hub.files.models import DocumentText
from resource_hub.files.services import document_create
from resource_hub.records.services import file_attach, record_release
from search import lifecycle
from search.params import parse_params
from search.service import search

SPECS = build_specs(INSTITUTIONS, 300)  # the default load
# The first ten records take one language each.
FIRST = {spec.language: spec for spec in build_specs(INSTITUTIONS, len(texts.LANGUAGES))}
# A word of their files' body (a section), in none of the record's fields.
WORDS = {"km": "ពិភាក្សា", "my": "ဆွေးနွေး"}  # "discuss"


def found(q: str):
    return search(parse_params({"q": [q]}, viewer=viewer_of(AnonymousUser()))).hits


def test_khmer_and_burmese_records_come_with_word_and_powerpoint_files_not_pdf():
    assert set(WORDS) == NO_PDF_LANGUAGES
    for language in NO_PDF_LANGUAGES:
        with_files = [spec for spec in SPECS if spec.language == language and spec.files]
        assert any(spec.state == State.PUBLIC for spec in with_files)
        assert all("pdf" not in spec.files for spec in with_files)
    assert any("pdf" in spec.files for spec in SPECS if spec.language == "th")


@pytest.mark.parametrize("language", sorted(WORDS))
@pytest.mark.parametrize("file_format", ["docx", "pptx"])
def test_a_word_of_a_khmer_or_burmese_file_finds_its_record(
    language, file_format, s3_storage, es_client, world, make_record
):
    spec, word = FIRST[language], WORDS[language]
    content = documents.content(spec)
    body = " ".join(paragraph for _heading, paragraph in content.sections)
    assert word in body
    assert word not in " ".join([content.title, content.abstract, content.keywords])
    record = make_record(title="Demo file", language=Language.objects.get(code=language))
    document = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=io.BytesIO(documents.render(spec, file_format)),
        original_filename=f"{spec.slug}.{file_format}",
    )
    file_attach(user=world.teacher_a, record=record, document=document)
    record = record_release(user=world.editor_a, record=record)
    other = make_record(title="Rice cultivation")  # released, without the word
    record_release(user=world.editor_a, record=other)
    call_command("files_derive", str(document.pk), stdout=io.StringIO())
    lifecycle.rebuild()

    stored = DocumentText.objects.get(document=document).text
    assert content.abstract in stored and body.split()[0] in stored  # exactly as written
    hits = found(word)

    assert [hit.id for hit in hits] == [record.pk]
    assert any(f"<mark>{word}</mark>" in snippet for snippet in hits[0].snippets)
