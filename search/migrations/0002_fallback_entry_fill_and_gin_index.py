"""Fill the database search's entries for the records already there, and, on
PostgreSQL only, the GIN index over their grams (SQLite compares the text alone)."""

from django.db import migrations

from search.fallback_index import GIN_INDEX, entry_values

BATCH = 500


def fill(apps, schema_editor):
    # The historical models, and the same pure function the site uses.
    page, entry = apps.get_model("records", "RecordPage"), apps.get_model("search", "FallbackEntry")
    sources = (
        (apps.get_model("records", "RecordTranslation"), "record_id", ("title", "abstract")),
        (apps.get_model("records", "RecordKeyword"), "content_object_id", ("tag__name",)),
        (apps.get_model("records", "RecordCreator"), "record_id", ("name",)),
    )
    ids = list(page.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        others = {pk: [] for pk in chunk}
        for model, key, fields in sources:
            for row in model.objects.filter(**{f"{key}__in": chunk}).values_list(key, *fields):
                others[row[0]].extend(row[1:])
        rows = page.objects.filter(pk__in=chunk).values_list("pk", "title", "abstract")
        entry.objects.bulk_create(
            [
                entry(
                    record_id=pk, **entry_values(title=title, abstract=abstract, others=others[pk])
                )
                for pk, title, abstract in rows
            ],
            # Rewrites what is there: 0003 fills again with the same function.
            update_conflicts=True,
            unique_fields=["record"],
            update_fields=["text", "grams"],
        )


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {GIN_INDEX} ON search_fallbackentry "
            "USING gin (string_to_array(grams, ' '))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_fallback_entry"),
        ("records", "0003_curatedcollectiontranslation"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    # The index first: PostgreSQL refuses CREATE INDEX on a table with rows
    # inserted earlier in the same transaction ("pending trigger events", from
    # the deferred foreign-key checks), which is any site with records.
    operations = [
        migrations.RunPython(create_index, drop_index),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
