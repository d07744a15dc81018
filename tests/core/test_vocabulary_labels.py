"""Vocabulary labels in every language of the region (migration 0004, issue 14).

0004 merges vocabulary_data.labels_region into the entries 0003 loaded: it
fills only languages an entry lacks and, reversed, takes back only what it
added and nobody has changed since.
"""

import importlib

import pytest
from django.apps import apps
from django.conf import settings

from resource_hub.core.vocabularies import Country, Licence, SubjectField
from resource_hub.core.vocabulary_data import (
    countries,
    isced,
    languages,
    levels,
    licences,
    resource_types,
)
from resource_hub.core.vocabulary_data.labels_region import LABELS

from .conftest import VOCABULARIES

pytestmark = pytest.mark.django_db

REGION = [code for code, _name in settings.LANGUAGES if code != "en"]
SHIPPED = {
    "SubjectField": isced.ENTRIES,
    "EducationLevel": levels.ENTRIES,
    "ResourceType": resource_types.ENTRIES,
    "Language": languages.ENTRIES,
    "Country": countries.ENTRIES,
    "Licence": licences.ENTRIES,
}


@pytest.fixture
def migration():
    return importlib.import_module("resource_hub.core.migrations.0004_vocabulary_labels")


@pytest.mark.parametrize("model", VOCABULARIES, ids=lambda model: model.__name__)
def test_every_active_entry_has_a_label_in_each_language_of_the_region(model):
    entries = list(model.objects.active())
    missing = [
        (entry.code, language)
        for entry in entries
        for language in REGION
        if not (entry.labels.get(language) or "").strip()
    ]

    assert entries
    assert missing == []


def test_khmer_labels_are_khmer():
    assert SubjectField.objects.get(code="0541").label_for("km") == "គណិតវិទ្យា"
    assert Country.objects.get(code="KH").label_for("km") == "កម្ពុជា"
    assert Licence.objects.get(code="CC-BY-4.0").label_for("id") == (
        "Creative Commons Atribusi 4.0 Internasional"
    )


def test_a_field_named_like_its_parent_shares_its_label():
    fisheries = SubjectField.objects.get(code="0831")

    assert fisheries.labels["lo"] == SubjectField.objects.get(code="083").labels["lo"]


@pytest.mark.parametrize("model_name", SHIPPED)
def test_the_tables_only_add_to_what_0003_ships(model_name):
    """Every code exists, and no label repeats one 0003 ships (reversing keeps those)."""
    shipped = {entry["code"]: entry["labels"] for entry in SHIPPED[model_name]}
    table = LABELS[model_name]

    assert set(table) <= set(shipped)
    assert [
        (code, language)
        for code, labels in table.items()
        for language in labels
        if language in shipped[code]
    ] == []
    assert {language for labels in table.values() for language in labels} <= set(REGION)


def test_a_label_already_set_is_kept(migration):
    field = SubjectField.objects.get(code="0541")
    field.labels = {"zh-hans": "数学", "km": "គណិតសាស្ត្រ", "th": "   "}
    field.save()

    migration.add_labels(apps, schema_editor=None)

    field.refresh_from_db()
    assert field.labels["km"] == "គណិតសាស្ត្រ"  # the admin's choice stays
    assert field.labels["th"] == "คณิตศาสตร์"  # a blank label counts as missing
    assert field.labels["lo"] == "ຄະນິດສາດ"


def test_running_it_again_changes_nothing(migration):
    before = {model: dict(model.objects.values_list("code", "labels")) for model in VOCABULARIES}

    migration.add_labels(apps, schema_editor=None)

    assert {
        model: dict(model.objects.values_list("code", "labels")) for model in VOCABULARIES
    } == before


def test_reversing_removes_only_the_labels_it_added_and_nobody_changed(migration):
    field = SubjectField.objects.get(code="0541")
    field.labels = {**field.labels, "km": "គណិតសាស្ត្រ"}
    field.save()

    migration.remove_labels(apps, schema_editor=None)

    field.refresh_from_db()
    assert field.labels == {"zh-hans": "数学", "km": "គណិតសាស្ត្រ"}
    assert Country.objects.get(code="KH").labels == dict(
        next(entry["labels"] for entry in countries.ENTRIES if entry["code"] == "KH")
    )
