"""Facet labels are kept per process, and a change saved here shows at once."""

from django.utils import translation

from resource_hub.core.vocabularies import Language
from search.labels import facet_labels, forget_labels


def test_labels_are_read_once_per_language(db, django_assert_num_queries):
    forget_labels()
    with django_assert_num_queries(1):
        assert facet_labels("language", ["th", "zz"]) == {"th": "Thai", "zz": "zz"}
    with django_assert_num_queries(0):
        facet_labels("language", ["vi"])
    thai = Language.objects.get(pk="th")
    with translation.override("zh-hans"), django_assert_num_queries(1):
        assert facet_labels("language", ["th"])["th"] == thai.label_for("zh-hans") != "Thai"


def test_a_renamed_vocabulary_entry_shows_its_new_label_at_once(db):
    assert facet_labels("language", ["th"])["th"] == "Thai"
    thai = Language.objects.get(pk="th")
    thai.name_en = "Thai (Central)"
    thai.save()

    assert facet_labels("language", ["th"])["th"] == "Thai (Central)"


def test_a_renamed_institution_shows_its_new_title_at_once(world):
    institution = world.inst_a
    before = facet_labels("institution", [str(institution.pk), "999999"])
    assert before == {str(institution.pk): institution.title, "999999": "999999"}

    institution.title = "Renamed College"
    institution.save()

    assert facet_labels("institution", [str(institution.pk)])[str(institution.pk)] == (
        "Renamed College"
    )
