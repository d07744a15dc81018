"""The demo data at full size, checked on the tables and specs (no database needed)."""

from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from resource_hub.core.validators import (
    validate_doi,
    validate_isbn,
    validate_orcid,
    validate_patent_number,
)
from resource_hub.core.vocabulary_data.countries import COUNTRIES
from resource_hub.core.vocabulary_data.isced import SUBJECT_FIELDS
from resource_hub.core.vocabulary_data.levels import EDUCATION_LEVELS
from resource_hub.core.vocabulary_data.licences import LICENCES
from resource_hub.core.vocabulary_data.resource_types import ACHIEVEMENTS, MATERIALS
from resource_hub.demo import identifiers, texts
from resource_hub.demo.institutions import COUNTRY_LANGUAGES, INSTITUTIONS
from resource_hub.demo.loader import DEFAULT_RECORDS
from resource_hub.demo.specs import State, build_specs, index_from_slug
from resource_hub.demo.topics import ACHIEVEMENT_TYPES, LEVELS, MATERIAL_TYPES, TOPICS
from resource_hub.institutions.models import InstitutionType


@pytest.fixture(scope="module")
def specs():
    return build_specs(INSTITUTIONS, DEFAULT_RECORDS)


def test_institutions_cover_china_and_every_asean_member():
    asean = {code for code, _name, _local, joined in COUNTRIES if joined}
    assert asean == {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL"}
    assert {row.country for row in INSTITUTIONS} >= asean | {"CN"}
    assert len(INSTITUTIONS) >= 30
    assert sum(row.country == "CN" for row in INSTITUTIONS) >= 3


def test_institutions_are_of_every_kind_with_local_names_and_example_websites():
    assert {row.kind for row in INSTITUTIONS} == set(InstitutionType.values)
    assert len({row.slug for row in INSTITUTIONS}) == len(INSTITUTIONS)
    assert len({row.name_en for row in INSTITUTIONS}) == len(INSTITUTIONS)
    for row in INSTITUTIONS:
        assert row.name_local and row.name_local != row.name_en
        assert row.website == f"https://{row.slug}.example.edu"
        assert row.country in COUNTRY_LANGUAGES


def test_full_size_has_every_state_mostly_public(specs):
    states = Counter(spec.state for spec in specs)
    assert set(states) == set(State.ALL)
    assert states[State.PUBLIC] >= 0.7 * len(specs)


def test_full_size_mixes_languages_kinds_subjects_and_years(specs):
    assert len(specs) >= 300
    assert {spec.language for spec in specs} == set(texts.LANGUAGES)
    kinds = Counter(spec.kind for spec in specs)
    assert kinds["material"] == 2 * kinds["achievement"]
    assert len({TOPICS[spec.topic][0][:2] for spec in specs}) >= 8  # broad ISCED-F fields
    assert {spec.year for spec in specs} == set(range(2015, 2027))
    assert any(spec.translations for spec in specs)
    assert any(spec.contributing for spec in specs)
    assert 0.25 < sum(bool(spec.files) for spec in specs) / len(specs) < 0.45
    assert len({spec.slug for spec in specs}) == len(specs)
    assert [index_from_slug(spec.slug) for spec in specs] == list(range(len(specs)))


def test_specs_only_name_codes_the_vocabularies_ship(specs):
    subjects = {code for code, *_rest in SUBJECT_FIELDS}
    levels = {code for code, *_rest in EDUCATION_LEVELS}
    licences = {code for code, *_rest in LICENCES}
    types = {f"material-{slug}" for slug, *_rest in MATERIALS}
    types |= {f"achievement-{slug}" for slug, *_rest in ACHIEVEMENTS}
    assert {code for code, _levels in TOPICS.values()} <= subjects
    assert {code for codes in LEVELS.values() for code in codes} <= levels
    for spec in specs:
        assert spec.resource_type_code in types
        assert spec.licence in licences
        for row in spec.contributing:
            assert row.country != spec.institution.country  # cross-border


def test_identifiers_pass_the_records_validators(specs):
    achievements = [spec.achievement for spec in specs if spec.kind == "achievement"]
    for key in ("doi", "isbn", "patent_number", "award_name"):
        assert any(key in fields for fields in achievements), key
    for fields in achievements:
        validate_doi(fields.get("doi", "10.5555/x"))
        validate_isbn(fields.get("isbn", "978-3-16-148410-0"))
        validate_patent_number(fields.get("patent_number", "CN112345678A"))
        assert fields.get("doi", "10.5555/").startswith("10.5555/")
    orcids = [c.orcid for spec in specs for c in spec.creators if c.orcid]
    assert len(orcids) > 100
    for orcid in orcids:
        validate_orcid(orcid)


def test_a_wrong_check_digit_would_be_caught():
    from random import Random

    orcid = identifiers.orcid(Random(1))
    wrong = orcid[:-1] + ("0" if orcid[-1] != "0" else "1")
    with pytest.raises(ValidationError):
        validate_orcid(wrong)


@pytest.mark.parametrize("language", texts.LANGUAGES)
def test_every_language_has_every_text(language):
    words = texts.bundle(language)
    assert set(words.TOPICS) == set(TOPICS)
    assert set(words.LEVELS) == set(LEVELS)
    assert set(words.MATERIAL_TITLES) == set(MATERIAL_TYPES)
    assert set(words.ACHIEVEMENT_TITLES) == set(ACHIEVEMENT_TYPES)
    assert set(words.ACHIEVEMENT_OPENERS) == set(ACHIEVEMENT_TYPES)
    assert set(words.LABELS) == {"abstract", "keywords", "creators"}
    assert words.AWARDS and words.COMPETITIONS and len(words.CREATORS) >= 6
    if language not in texts.LATIN_SCRIPT:  # the same people, romanized, in the same order
        assert len(words.CREATORS_LATIN) == len(words.CREATORS)
        assert all(name.isascii() for name in words.CREATORS_LATIN)
        assert texts.romanized(words.CREATORS[1]) == words.CREATORS_LATIN[1]
    for topic, (_code, levels) in TOPICS.items():
        for level in levels:
            for kind, types in (("material", MATERIAL_TYPES), ("achievement", ACHIEVEMENT_TYPES)):
                for type_slug in types:
                    keys = {"kind": kind, "type_slug": type_slug, "topic": topic, "level": level}
                    title = texts.title(language, **keys)
                    abstract = texts.abstract(language, variant=1, **keys)
                    assert len(title) <= 255
                    phrase = words.TOPICS[topic].lower()
                    assert "{" not in title + abstract
                    assert phrase in title.lower() and phrase in abstract.lower()
