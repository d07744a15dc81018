"""Load the shipped vocabulary entries (resource_hub/core/vocabulary_data).

Idempotent: entries are matched by code and updated, so running it on a
database that already has some of them is safe. Reversing it keeps the rows:
records may point at them, and migrating back to 0001 drops the tables anyway.
"""

from django.db import migrations

from resource_hub.core.vocabulary_data import (
    countries,
    isced,
    languages,
    levels,
    licences,
    resource_types,
)

DATA = [
    # Parents before children: ISCED-F entries are listed in tree order.
    ("SubjectField", isced.ENTRIES),
    ("EducationLevel", levels.ENTRIES),
    ("ResourceType", resource_types.ENTRIES),
    ("Language", languages.ENTRIES),
    ("Country", countries.ENTRIES),
    ("Licence", licences.ENTRIES),
]


def load_vocabularies(apps, schema_editor):
    for model_name, entries in DATA:
        model = apps.get_model("core", model_name)
        for entry in entries:
            fields = dict(entry)
            model.objects.update_or_create(code=fields.pop("code"), defaults=fields)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_vocabularies"),
    ]

    operations = [
        migrations.RunPython(load_vocabularies, migrations.RunPython.noop, elidable=False),
    ]
