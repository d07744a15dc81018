"""Rate windows as an UNLOGGED table on PostgreSQL.

Every API request counts itself with one committed upsert (api/throttling.py).
A logged table makes each of those commits wait for the write-ahead log to
reach the disk; an unlogged one writes no log, so the commit does not wait.
What is given up is harmless for a counter of the current minute: after a
crash the table starts empty (every caller gets a fresh window), and standbys
do not have it (each primary counts its own requests). SQLite has no such
tables and needs nothing.
"""

from django.db import migrations


def _set(persistence: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = schema_editor.quote_name(apps.get_model("api", "RateWindow")._meta.db_table)
        schema_editor.execute(f"ALTER TABLE {table} SET {persistence}")

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0002_rate_windows"),
    ]

    operations = [
        migrations.RunPython(_set("UNLOGGED"), _set("LOGGED"), elidable=False),
    ]
