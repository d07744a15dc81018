from django.db import models


class FallbackEntry(models.Model):
    """A record's searchable text, for the database search (`fallback.py`).

    One row per record, rewritten whenever a revision of the record is
    published (`fallback_index.py`): what the record's live row and its
    translations, keywords and creators say, lower-cased, and its character
    2- and 3-grams. On PostgreSQL a GIN index over the grams narrows a word to
    the few records that may contain it before the text is compared; on
    SQLite the text alone is compared. Who may see a record is not here: the
    search intersects with the access policy's `visible_records`.
    """

    record = models.OneToOneField(
        "records.RecordPage", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    text = models.TextField()
    #: Distinct 2- and 3-grams of the text's words, separated by spaces.
    grams = models.TextField()

    def __str__(self):
        return f"search text of record {self.record_id}"
