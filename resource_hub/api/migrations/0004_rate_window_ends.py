"""When each rate window ends, so the worker's clock can delete the ended ones.

Rows from before have 0: the first pruning deletes them, and their callers'
next requests start counting again at one.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0003_rate_windows_unlogged"),
    ]

    operations = [
        migrations.AddField(
            model_name="ratewindow",
            name="ends_at",
            field=models.BigIntegerField(db_index=True, default=0, verbose_name="window ends"),
        ),
    ]
