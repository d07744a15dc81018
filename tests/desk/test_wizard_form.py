"""The wizard's details step as a teacher meets it: error summary, types, creators, subjects."""

import html as htmllib
import re

import pytest
from django.urls import reverse
from django.utils import translation

from resource_hub.core.vocabularies import ResourceType
from resource_hub.records.models import RecordPage

from .test_wizard import metadata


@pytest.fixture
def teacher(world, signed_in):
    return signed_in(world.teacher_a)


def error_summary(page: str) -> str:
    match = re.search(r'<div class="desk-error-summary".*?</div>', page, re.S)
    assert match, "no error summary on the page"
    return htmllib.unescape(match.group(0))


def test_an_invalid_orcid_in_a_creator_row_is_in_the_error_summary(world, teacher):
    response = teacher.post(
        reverse("desk:record-new"),
        {
            **metadata(**{"creators-0-orcid": "0000-0002-1825-0098"}),
            "institution": world.inst_a.pk,
        },
    )

    assert response.status_code == 400
    assert not RecordPage.objects.exists()
    summary = error_summary(response.content.decode())
    assert 'href="#id_creators-0-orcid"' in summary
    assert "Creator 1, ORCID iD" in summary


def test_every_field_error_is_in_the_error_summary(world, teacher):
    response = teacher.post(
        reverse("desk:record-new"),
        {**metadata(title="", year=1800), "institution": world.inst_a.pk},
    )

    summary = error_summary(response.content.decode())
    assert 'href="#id_title"' in summary
    assert 'href="#id_year"' in summary


def type_options(page: str) -> list[tuple[str, str]]:
    select = re.search(r'<select name="resource_type".*?</select>', page, re.S).group(0)
    return [
        (value, htmllib.unescape(label))
        for value, label in re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', select)
    ]


@pytest.mark.parametrize("kind", ["material", "achievement"])
def test_the_type_list_offers_the_kinds_types_each_once(world, teacher, kind):
    page = teacher.get(reverse("desk:record-new") + f"?kind={kind}").content.decode()

    options = type_options(page)
    expected = {t.code for t in ResourceType.objects.active().filter(applies_to=kind)}
    assert options
    assert {code for code, _label in options} <= expected
    assert all(code.startswith(f"{kind}-") for code, _label in options)
    labels = [label for _code, label in options]
    assert len(labels) == len(set(labels))
    assert re.search(rf'<input type="radio" name="kind" value="{kind}"[^>]*checked', page)


def test_editing_offers_only_the_records_kind_of_type(world, teacher, make_record):
    record = make_record()
    page = teacher.get(reverse("desk:record-edit", args=[record.pk])).content.decode()

    assert all(code.startswith("material-") for code, _label in type_options(page))
    assert "wizard-kind.js" in page


def test_an_achievement_type_is_refused_for_a_teaching_material(world, teacher):
    achievement_type = ResourceType.objects.filter(applies_to="achievement").first()
    response = teacher.post(
        reverse("desk:record-new"),
        {**metadata(resource_type=achievement_type.pk), "institution": world.inst_a.pk},
    )

    assert response.status_code == 400
    assert 'href="#id_resource_type"' in error_summary(response.content.decode())
    assert not RecordPage.objects.exists()


def test_a_new_records_first_creator_is_the_signed_in_teacher(world, teacher):
    world.teacher_a.first_name, world.teacher_a.last_name = "Somchai", "Jaidee"
    world.teacher_a.save()

    page = teacher.get(reverse("desk:record-new")).content.decode()

    assert re.search(r'name="creators-0-name" value="Somchai Jaidee"', page)
    assert (
        'name="creators-1-name"' in page
        and 'value="Somchai Jaidee"' not in page.split('name="creators-1-name"')[1].split(">")[0]
    )
    assert 'id="desk-creators-template"' in page and "creators-__prefix__-name" in page
    assert "Add another creator" in page


def creator_rows(count: int, *, initial: int = 0) -> dict:
    data = {
        "creators-TOTAL_FORMS": count,
        "creators-INITIAL_FORMS": initial,
        "creators-MIN_NUM_FORMS": 1,
        "creators-MAX_NUM_FORMS": 30,
    }
    for n in range(count):
        data |= {
            f"creators-{n}-name": f"Creator number {n + 1}",
            f"creators-{n}-orcid": "",
            f"creators-{n}-affiliation": "",
            f"creators-{n}-role": "author",
        }
    return data


def test_five_creators_are_saved_in_order_and_a_removed_row_is_not(world, teacher):
    data = {**metadata(), "institution": world.inst_a.pk}
    data = {k: v for k, v in data.items() if not k.startswith("creators-")}
    data |= creator_rows(6, initial=1) | {"creators-5-DELETE": "on"}

    response = teacher.post(reverse("desk:record-new"), data)

    assert response.status_code == 302
    record = RecordPage.objects.get().specific
    assert [c.name for c in record.creators.all()] == [f"Creator number {n}" for n in range(1, 6)]


def test_editing_keeps_five_creators(world, teacher, make_record):
    record = make_record()
    data = {k: v for k, v in metadata(kind="").items() if not k.startswith("creators-")}
    data |= creator_rows(5, initial=1)

    response = teacher.post(reverse("desk:record-edit", args=[record.pk]), data)

    assert response.status_code == 302
    record.refresh_from_db()
    draft = record.get_latest_revision_as_object()
    assert [c.name for c in draft.creators.all()] == [f"Creator number {n}" for n in range(1, 6)]


def test_subjects_are_grouped_by_broad_field_in_the_viewers_language(world, teacher):
    with translation.override("zh-hans"):
        url = reverse("desk:record-new")
    assert url.startswith("/zh-hans/")

    page = htmllib.unescape(teacher.get(url).content.decode())

    broad = re.escape("农业、林业、渔业和兽医 (08)")
    group = re.search(rf'<optgroup label="{broad}">(.*?)</optgroup>', page, re.S)
    assert group, "no optgroup for broad field 08 in Chinese"
    assert re.search(r'<option value="0811"[^>]*>0811 · 作物和畜牧生产</option>', group.group(1))
    assert "Crop and livestock production" not in page
    assert "wizard-subject.js" in page


def test_a_detailed_subject_is_saved(world, teacher):
    response = teacher.post(
        reverse("desk:record-new"),
        {**metadata(subject="0811"), "institution": world.inst_a.pk},
    )

    assert response.status_code == 302
    assert RecordPage.objects.get().specific.subject_id == "0811"


def test_the_licence_field_explains_the_choices(world, teacher):
    page = htmllib.unescape(teacher.get(reverse("desk:record-new")).content.decode())

    help_ = re.search(
        r'<details class="desk-disclosure" id="desk-licence-help">.*?</details>', page, re.S
    )
    assert help_, "no licence help beside the field"
    text = help_.group(0)
    assert "Which licence should I choose?" in text
    for name in ["CC BY", "CC BY-SA", "CC BY-NC", "CC0", "All rights reserved"]:
        assert f"<dt>{name}</dt>" in text
