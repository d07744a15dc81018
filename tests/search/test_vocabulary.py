"""Vocabulary names in a query → codes (search.vocabulary): pure, then the shipped names."""

import pytest

from resource_hub.core.vocabularies import SubjectField
from search.vocabulary import label_index, normalise, query_codes, vocabulary_index

ROWS = [
    ("subjects", "081", ["Agriculture", "农业", "เกษตรศาสตร์", "Nông nghiệp", "កសិកម្ម"]),
    ("subjects", "08", ["Agriculture, forestry, fisheries and veterinary"]),
    ("subjects", "01", ["Education", "教育"]),
    ("subjects", "021", ["Arts", "艺术"]),
    ("levels", "sector-vocational", ["Vocational education", "职业教育"]),
]


@pytest.mark.parametrize(
    ("q", "codes"),
    [
        ("农业", {"subjects": ("081",)}),
        ("水稻 农业 技术", {"subjects": ("081",)}),
        ("เกษตร", {"subjects": ("081",)}),  # the beginning of a one-word name
        ("agriculture", {"subjects": ("081",)}),
        ("AGRICULTURE rice", {"subjects": ("081",)}),
        ("nong nghiep", {"subjects": ("081",)}),  # Vietnamese without diacritics
        ("កសិកម្ម", {"subjects": ("081",)}),
        ("职业教育课程改革", {"levels": ("sector-vocational",)}),  # not 教育 inside it
        ("職業教育", {"levels": ("sector-vocational",)}),  # Traditional names what Simplified names
        ("農業機械", {"subjects": ("081",)}),
        ("藝術", {"subjects": ("021",)}),
        ("vocational education", {"levels": ("sector-vocational",)}),
        ("martial arts", {"subjects": ("021",)}),
        ("smartness", {}),  # "arts" only as a whole word
        ("welding safety", {}),
        ("", {}),
    ],
)
def test_a_query_names_the_entries_whose_names_it_holds(q, codes):
    assert query_codes(q, label_index(ROWS)) == codes


def test_names_are_compared_without_case_punctuation_or_latin_diacritics():
    assert normalise("Nông  nghiệp, Đà Lạt!") == "nong nghiep da lat"
    assert normalise("ភាសាខ្មែរ") == "ភាសាខ្មែរ"  # Khmer's marks are letters of its words
    assert normalise("การอาชีวศึกษา") == "การอาชีวศึกษา"
    simplified = "职业教育与产业合作"
    assert normalise("職業教育與產業合作") == normalise(simplified) == simplified


def test_the_shipped_names_in_every_language_lead_to_their_codes(db):
    index = vocabulary_index()
    for q in ("农业", "เกษตร", "agriculture", "Nông nghiệp", "pertanian", "កសិកម្ម", "ກະສິກຳ"):
        assert "081" in query_codes(q, index).get("subjects", ()), q
    assert query_codes("职业教育", index).get("levels") == ("sector-vocational",)
    assert query_codes("職業教育", index).get("levels") == ("sector-vocational",)
    assert "material-lesson-plan" in query_codes("教案", index).get("resource_type", ())


def test_the_names_are_read_once_and_again_after_an_entry_changes(db, django_assert_num_queries):
    vocabulary_index.cache_clear()
    vocabulary_index()
    with django_assert_num_queries(0):
        first = vocabulary_index()
    field = SubjectField.objects.get(code="0811")
    field.labels = {**field.labels, "en": "Rice and livestock farming"}
    field.save()
    assert vocabulary_index() is not first
    assert query_codes("rice and livestock farming", vocabulary_index()) == {"subjects": ("0811",)}
    field.labels = {key: value for key, value in field.labels.items() if key != "en"}
    field.save()  # and the cache forgets the name again
