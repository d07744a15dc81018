"""Fixtures for the core app's tests."""

import importlib

import pytest
from django.apps import apps

from resource_hub.core.vocabularies import (
    Country,
    EducationLevel,
    Language,
    Licence,
    ResourceType,
    SubjectField,
)

VOCABULARIES = [SubjectField, EducationLevel, ResourceType, Language, Country, Licence]


@pytest.fixture
def load_vocabularies():
    """Run data migration 0003 again, as `migrate` would on a database that has the entries."""
    migration = importlib.import_module("resource_hub.core.migrations.0003_vocabulary_data")
    return lambda: migration.load_vocabularies(apps, schema_editor=None)
