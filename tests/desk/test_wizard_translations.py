"""The wizard's translated titles and abstracts (RecordTranslation), beside the original."""

import html as htmllib
import re

import pytest
from django.urls import reverse

from resource_hub.core.vocabularies import Language
from resource_hub.records.models import RecordPage

from .test_wizard import metadata


@pytest.fixture
def teacher(world, signed_in):
    return signed_in(world.teacher_a)


def translation_rows(*rows, initial: int = 0) -> dict:
    data = {
        "translations-TOTAL_FORMS": len(rows),
        "translations-INITIAL_FORMS": initial,
        "translations-MIN_NUM_FORMS": 0,
        "translations-MAX_NUM_FORMS": 20,
    }
    for n, (language, title, abstract) in enumerate(rows):
        data |= {
            f"translations-{n}-language": language.pk if language else "",
            f"translations-{n}-title": title,
            f"translations-{n}-abstract": abstract,
        }
    return data


def test_a_new_record_is_saved_with_its_translated_title(world, teacher):
    english = Language.objects.get(code="en")
    data = {**metadata(), "institution": world.inst_a.pk}
    data |= translation_rows(
        (english, "Sustainable rice growing", "A lesson on growing rice."), (None, "", "")
    )

    response = teacher.post(reverse("desk:record-new"), data)

    assert response.status_code == 302
    record = RecordPage.objects.get().specific
    assert [(t.language_id, t.title) for t in record.translations.all()] == [
        ("en", "Sustainable rice growing")
    ]


def test_editing_adds_a_translation_and_keeps_the_first(world, teacher, make_record):
    record = make_record()
    languages = list(Language.objects.active().exclude(code=record.language_id)[:2])
    data = metadata(kind="")
    data |= translation_rows((languages[0], "First", ""), (languages[1], "Second", "An abstract"))

    response = teacher.post(reverse("desk:record-edit", args=[record.pk]), data)

    assert response.status_code == 302
    record.refresh_from_db()
    draft = record.get_latest_revision_as_object()
    assert [t.title for t in draft.translations.all()] == ["First", "Second"]
    page = teacher.get(reverse("desk:record-edit", args=[record.pk])).content.decode()
    assert 'name="translations-1-title" value="Second"' in page
    assert 'name="translations-2-title"' in page  # one empty row for another


def test_two_translations_in_one_language_are_refused_in_the_summary(world, teacher):
    english = Language.objects.get(code="en")
    data = {**metadata(), "institution": world.inst_a.pk}
    data |= translation_rows((english, "One", ""), (english, "Two", ""))

    response = teacher.post(reverse("desk:record-new"), data)

    assert response.status_code == 400
    assert not RecordPage.objects.exists()
    page = htmllib.unescape(response.content.decode())
    summary = re.search(r'<div class="desk-error-summary".*?</div>', page, re.S).group(0)
    assert 'href="#id_translations-1-language"' in summary
    assert "already a translation in this language" in summary


def test_the_empty_translation_row_is_only_for_browsers_without_javascript(world, teacher):
    page = teacher.get(reverse("desk:record-new")).content.decode()

    noscript = re.search(r"<noscript>(.*?)</noscript>", page, re.S)
    assert noscript and 'name="translations-0-title"' in noscript.group(1)
    assert page.count('name="translations-0-title"') == 1
    assert 'id="desk-translations-template"' in page and "translations-__prefix__-title" in page
