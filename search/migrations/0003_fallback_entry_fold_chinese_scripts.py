"""Rewrite the database search's entries with Traditional Chinese folded to Simplified
(`fallback_index.normalized`), so that either script finds the other there too, as it
does in the search engine. The same fill as 0002, over entries already there."""

import importlib

from django.db import migrations

fill = importlib.import_module("search.migrations.0002_fallback_entry_fill_and_gin_index").fill


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_fallback_entry_fill_and_gin_index"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
