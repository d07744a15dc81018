"""Add the cooperation achievement types of issue 18: alliance, centre, training base.

0003 and 0004 ran before these entries were in `vocabulary_data`; this loads
just them, with their labels, the way 0003 and 0004 do (matched by code, so a
database that already has one is updated, not duplicated; a label an admin set
is kept). Reversing keeps the rows: records may point at them.
"""

from django.db import migrations

from resource_hub.core.vocabulary_data import resource_types
from resource_hub.core.vocabulary_data.labels_region import LABELS


def add_types(apps, schema_editor):
    model = apps.get_model("core", "ResourceType")
    region = LABELS["ResourceType"]
    for entry in resource_types.ENTRIES:
        if entry["code"] not in resource_types.ADDED_IN_0006:
            continue
        fields = dict(entry)
        code = fields.pop("code")
        shipped = {**fields.pop("labels"), **region.get(code, {})}
        row, _created = model.objects.get_or_create(code=code, defaults={**fields, "labels": {}})
        current = row.labels if isinstance(row.labels, dict) else {}
        row.labels = {**shipped, **{k: v for k, v in current.items() if str(v).strip()}}
        row.save(update_fields=["labels"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_worker_heartbeat"),
    ]

    operations = [
        migrations.RunPython(add_types, migrations.RunPython.noop, elidable=False),
    ]
