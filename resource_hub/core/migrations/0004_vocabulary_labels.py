"""Label the shipped vocabulary entries in every language of the region (issue 14).

Merges resource_hub/core/vocabulary_data/labels_region into each entry's
`labels`. Only languages an entry has no label for are filled: a label an
admin has already set (in the admin or by hand) is kept. Reversing removes the
labels this migration adds, where they still read as it wrote them, so a label
edited since then stays. Entries an admin has added or removed are skipped.
"""

from django.db import migrations

from resource_hub.core.vocabulary_data.labels_region import LABELS


def _has_label(labels: dict, language: str) -> bool:
    label = labels.get(language)
    return isinstance(label, str) and bool(label.strip())


def add_labels(apps, schema_editor):
    for model_name, labels_by_code in LABELS.items():
        model = apps.get_model("core", model_name)
        for entry in model.objects.filter(code__in=labels_by_code):
            current = entry.labels if isinstance(entry.labels, dict) else {}
            missing = {
                language: label
                for language, label in labels_by_code[entry.code].items()
                if not _has_label(current, language)
            }
            if missing:
                entry.labels = {**current, **missing}
                entry.save(update_fields=["labels"])


def remove_labels(apps, schema_editor):
    for model_name, labels_by_code in LABELS.items():
        model = apps.get_model("core", model_name)
        for entry in model.objects.filter(code__in=labels_by_code):
            if not isinstance(entry.labels, dict):
                continue
            added = labels_by_code[entry.code]
            kept = {
                language: label
                for language, label in entry.labels.items()
                if added.get(language) != label
            }
            if kept != entry.labels:
                entry.labels = kept
                entry.save(update_fields=["labels"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_vocabulary_data"),
    ]

    operations = [
        migrations.RunPython(add_labels, remove_labels, elidable=False),
    ]
