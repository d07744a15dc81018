"""The controlled vocabularies loaded by migration 0003, and their labels.

Expected codes are copied from the reference lists in ../shared/data/
(isced_f_2013.csv, countries.csv, languages.csv), so the suite runs without them.
"""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from resource_hub.core.vocabularies import (
    Country,
    EducationLevel,
    Language,
    Licence,
    ResourceType,
    SubjectField,
)

from .conftest import VOCABULARIES

pytestmark = pytest.mark.django_db

ASEAN_SINCE = {
    "BN": 1984,
    "KH": 1999,
    "ID": 1967,
    "LA": 1997,
    "MY": 1967,
    "MM": 1997,
    "PH": 1967,
    "SG": 1967,
    "TH": 1967,
    "VN": 1995,
    "TL": 2025,
}
LANGUAGES_CSV = {"zh", "en", "th", "vi", "id", "ms", "fil", "km", "lo", "my", "ta", "tet", "pt"}
WITHOUT_SPACES_CSV = {"zh", "th", "km", "lo", "my"}
SPDX_IDS = {
    "CC-BY-4.0",
    "CC-BY-SA-4.0",
    "CC-BY-NC-4.0",
    "CC-BY-NC-SA-4.0",
    "CC-BY-ND-4.0",
    "CC-BY-NC-ND-4.0",
    "CC0-1.0",
    "LicenseRef-All-Rights-Reserved",
}
ACHIEVEMENTS = {
    "paper",
    "report",
    "patent",
    "software",
    "dataset",
    "award",
    "competition-result",
    "cooperation-agreement",
    "standard",
    "textbook",
    # cooperation records beside the agreement (issue 18, migration 0006)
    "alliance",
    "centre",
    "training-base",
}
LRMI_CONCEPTS = {
    "activityPlan",
    "assessment",
    "assessmentItem",
    "educatorCurriculumGuide",
    "lessonPlan",
    "physicalLearningResource",
    "recordedLesson",
    "supportingDocument",
    "textbook",
    "unitPlan",
}


def test_isced_f_has_11_broad_29_narrow_and_80_detailed_fields_plus_field_unknown():
    known = SubjectField.objects.exclude(code__startswith="99")
    counts = {level: known.filter(level=level).count() for level in SubjectField.Level.values}

    assert counts == {"broad": 11, "narrow": 29, "detailed": 80}
    assert set(SubjectField.objects.filter(code__startswith="99").values_list("code", "level")) == {
        ("99", "broad"),
        ("999", "narrow"),
        ("9999", "detailed"),
    }
    assert SubjectField.objects.get(code="0613").name_en == (
        "Software and applications development and analysis"
    )


def test_isced_f_tree_each_field_under_the_field_its_code_starts_with():
    parent_level = {"narrow": "broad", "detailed": "narrow"}
    for field in SubjectField.objects.select_related("parent"):
        if field.level == "broad":
            assert field.parent is None, field.code
            assert len(field.code) == 2
        else:
            assert field.parent.level == parent_level[field.level], field.code
            assert field.code.startswith(field.parent.code)
            assert len(field.code) == len(field.parent.code) + 1


def test_a_new_isced_f_field_may_be_added_under_its_parent():
    SubjectField(code="0618", level="detailed", parent_id="061", name_en="ICT n.e.c.").full_clean()


@pytest.mark.parametrize(
    ("code", "level", "parent", "errors"),
    [
        (
            "0618",
            "narrow",
            "061",
            {"level": ["A code of 4 digits needs the level “Detailed field”."]},
        ),
        ("0618", "detailed", "06", {"parent": ["The parent must be field 061."]}),
        ("98", "broad", "06", {"parent": ["A broad field has no parent."]}),
    ],
)
def test_a_new_isced_f_field_must_sit_where_its_code_says(code, level, parent, errors):
    field = SubjectField(code=code, level=level, parent_id=parent, name_en="Inter-disciplinary")

    with pytest.raises(ValidationError) as caught:
        field.full_clean()

    assert caught.value.message_dict == errors


def test_isced_f_ancestor_codes_come_from_the_code():
    assert SubjectField(code="0613").ancestor_codes == ["06", "061"]
    assert SubjectField(code="061").ancestor_codes == ["06"]
    assert SubjectField(code="06").ancestor_codes == []


def test_isced_2011_levels_and_the_regions_sectors():
    levels = EducationLevel.objects.filter(kind="level")
    sectors = EducationLevel.objects.filter(kind="sector")

    assert list(levels.values_list("code", flat=True)) == [f"isced-{n}" for n in range(9)]
    assert levels.get(code="isced-8").name_en == "Doctoral or equivalent level"
    assert set(sectors.values_list("code", flat=True)) == {
        "sector-basic",
        "sector-vocational",
        "sector-higher",
        "sector-special",
        "sector-lifelong",
    }


def test_china_and_the_eleven_asean_members_with_their_year_of_joining():
    members = Country.objects.filter(is_asean_member=True)

    assert dict(members.values_list("code", "asean_member_since")) == ASEAN_SINCE
    china = Country.objects.get(code="CN")
    assert (china.name_local, china.is_asean_member, china.asean_member_since) == (
        "中国",
        False,
        None,
    )
    assert Country.objects.get(code="KH").name_local == "កម្ពុជា"


def test_languages_of_the_reference_list_with_their_word_spacing():
    codes = set(Language.objects.values_list("code", flat=True))
    without_spaces = set(
        Language.objects.filter(code__in=LANGUAGES_CSV, written_without_spaces=True).values_list(
            "code", flat=True
        )
    )

    assert LANGUAGES_CSV - codes == set()
    assert without_spaces == WITHOUT_SPACES_CSV
    assert Language.objects.get(code="my").name_native == "မြန်မာ"
    assert Language.objects.get(code="th").script == "Thai"


def test_licences_by_spdx_id_with_what_they_permit():
    licences = {licence.code: licence for licence in Licence.objects.all()}

    assert set(licences) == SPDX_IDS
    reserved = licences["LicenseRef-All-Rights-Reserved"]
    assert (reserved.name_en, reserved.allows_reuse, reserved.url) == (
        "All rights reserved",
        False,
        "",
    )
    assert all(licences[code].allows_reuse for code in SPDX_IDS - {reserved.code})
    for code, licence in licences.items():
        assert licence.allows_commercial == (licence.allows_reuse and "-NC-" not in code)
        assert licence.allows_derivatives == (licence.allows_reuse and "-ND-" not in code)
    assert licences["CC-BY-NC-SA-4.0"].url == "https://creativecommons.org/licenses/by-nc-sa/4.0/"


def test_achievement_types_and_lrmi_material_types_have_distinct_prefixed_codes():
    achievements = ResourceType.objects.filter(applies_to="achievement")
    materials = ResourceType.objects.filter(applies_to="material")

    assert set(achievements.values_list("code", flat=True)) == {
        f"achievement-{slug}" for slug in ACHIEVEMENTS
    }
    assert materials.count() >= 20
    assert all(code.startswith("material-") for code in materials.values_list("code", flat=True))
    lrmi = "http://purl.org/dcx/lrmi-vocabs/learningResourceType/"
    uris = set(materials.filter(uri__startswith=lrmi).values_list("uri", flat=True))
    assert uris == {lrmi + concept for concept in LRMI_CONCEPTS}
    assert materials.get(code="material-lesson-plan").lrmi_term == "lesson plan"


@pytest.mark.parametrize("model", VOCABULARIES, ids=lambda model: model.__name__)
def test_every_shipped_entry_has_a_chinese_label(model):
    missing = [entry.code for entry in model.objects.all() if not entry.labels.get("zh-hans")]

    assert model.objects.exists()
    assert missing == []


@pytest.mark.parametrize("model", VOCABULARIES, ids=lambda model: model.__name__)
def test_shipped_entries_pass_the_models_own_validation(model):
    entries = list(model.objects.all())

    assert entries  # an empty vocabulary would pass the loop below unchecked
    for entry in entries:
        entry.full_clean()


def test_loading_the_vocabularies_again_changes_nothing(load_vocabularies):
    before = {model: model.objects.count() for model in VOCABULARIES}

    load_vocabularies()

    assert {model: model.objects.count() for model in VOCABULARIES} == before


def test_label_follows_the_active_language():
    field = SubjectField.objects.get(code="0541")
    country = Country.objects.get(code="VN")

    with translation.override("zh-hans"):
        assert (field.label, str(field), country.label) == ("数学", "数学", "越南")
    with translation.override("th"):
        assert country.label == "เวียดนาม"
    with translation.override("en"):
        assert (field.label, str(country)) == ("Mathematics", "Viet Nam")


def test_label_falls_back_to_english_without_a_translation():
    field = SubjectField.objects.get(code="0541")
    unlabelled = SubjectField(code="0542", name_en="Statistics", labels={"zh-hans": "统计学"})

    with translation.override("km"):
        assert unlabelled.label == "Statistics"
        assert field.label == "គណិតវិទ្យា"  # every shipped entry speaks all nine languages
    with translation.override("zh-hans"):
        assert SubjectField(code="0542", name_en="Statistics").label == "Statistics"
    assert field.label_for("zh-hans") == "数学"
    assert Country.objects.get(code="TH").label_for("th-th") == "ไทย"
    assert field.label_for(None) == "Mathematics"


def test_retired_entries_are_not_offered_for_new_records():
    Language.objects.filter(code="pt").update(is_active=False)

    assert not Language.objects.active().filter(code="pt").exists()
    assert Language.objects.active().filter(code="zh").exists()


def test_resource_type_code_must_start_with_what_it_applies_to():
    entry = ResourceType(code="material-award", applies_to="achievement", name_en="Award")

    with pytest.raises(ValidationError) as caught:
        entry.full_clean()

    assert 'The code must start with "material-" or "achievement-"' in str(caught.value)


@pytest.mark.parametrize(("member", "since"), [(True, None), (False, 1967)])
def test_asean_membership_and_year_must_agree(member, since):
    country = Country(
        code="NZ", name_en="New Zealand", name_local="Aotearoa", is_asean_member=member
    )
    country.asean_member_since = since

    with pytest.raises(ValidationError, match="An ASEAN member needs the year it joined"):
        country.full_clean()


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ({"zh_CN": "新西兰"}, "Unknown language code(s): zh_CN."),
        ({"zh-hans": ""}, "Every label must be non-empty text."),
        (["新西兰"], "Enter the labels as a JSON object"),
    ],
)
def test_labels_must_be_text_in_a_language_of_the_site(labels, message):
    country = Country(code="NZ", name_en="New Zealand", name_local="Aotearoa", labels=labels)

    with pytest.raises(ValidationError) as caught:
        country.full_clean()

    assert message in caught.value.message_dict["labels"][0]
