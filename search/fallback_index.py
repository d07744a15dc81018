"""The database search's own index: a record's text and its character grams.

`fallback.py` used to match every word with `icontains` across the record,
its translations and its keywords (four joins), which reads every record on
every search. Now each record has one `FallbackEntry` row, rewritten in the
publishing transaction whenever a revision of it goes live (Wagtail's
`page_published`, the one point that releases, the admin's publish and
scheduled publishing all pass). Withdrawals and restrictions need nothing
here: the search keeps only what `visible_records` lets through.

Why grams and not PostgreSQL's full text (or Wagtail's backend, which is it):
a full-text parser makes one token of a whole Chinese, Thai or Khmer
sentence, so a word inside it is never found, and a word inside a longer
Latin word ("didik" in "pendidikan") neither; both are found today.
pg_trgm would keep substring matching but is an extension (not installed on
every server) and counts only the characters the database's `lc_ctype`
calls alphanumeric. So the grams are made here, in Python, the same way for
the text and for a query: every 2- and 3-character piece of every
whitespace-separated word (Traditional Chinese folded to Simplified first, on
both sides). A record containing a word contains all of that
word's grams, so "all the word's grams" (a GIN index over the gram array,
`@>`) never loses a match; the text is then compared (`LIKE`) to drop the
records that hold the grams scattered. A 2-character Chinese word is one
bigram; a single character has no gram and is compared on the text alone.
"""

import unicodedata
from collections.abc import Iterable

from django.contrib.postgres.fields import ArrayField
from django.db import connection, models
from django.db.models import Func, QuerySet

from resource_hub.records.models import RecordCreator, RecordKeyword, RecordPage, RecordTranslation

from .models import FallbackEntry
from .vocabulary import simplified

#: The PostgreSQL index over the grams (migration 0002); SQLite compares the text alone.
GIN_INDEX = "search_fallbackentry_grams_gin"


def normalized(text: str) -> str:
    """What is indexed and what is looked for: composed (NFC), lower-cased, and Chinese
    in Simplified (as the search engine folds it), so either script finds the other."""
    return simplified(unicodedata.normalize("NFC", text).lower())


def text_grams(text: str) -> set[str]:
    """Every 2- and 3-character piece of every whitespace-separated word of `text`."""
    grams: set[str] = set()
    for word in text.split():
        for size in (2, 3):
            grams.update(word[at : at + size] for at in range(len(word) - size + 1))
    return grams


def word_grams(word: str) -> set[str]:
    """The grams a text holding `word` must hold: its 3-grams, or itself if 2 long."""
    size = 3 if len(word) >= 3 else 2
    return {word[at : at + size] for at in range(len(word) - size + 1)}


def entry_values(*, title: str, abstract: str, others: Iterable[str] = ()) -> dict[str, str]:
    """The `text` and `grams` of a record's entry (`others`: translations, keywords, creators)."""
    text = normalized("\n".join([title, abstract, *(other for other in others if other)]))
    return {"text": text, "grams": " ".join(sorted(text_grams(text)))}


def refresh(record_ids: Iterable[int]) -> int:
    """Rewrite the entries of these records from the database (five queries); returns how many."""
    ids = sorted({int(pk) for pk in record_ids})
    if not ids:
        return 0
    others: dict[int, list[str]] = {pk: [] for pk in ids}
    for model, key, fields in (
        (RecordTranslation, "record_id", ("title", "abstract")),
        (RecordKeyword, "content_object_id", ("tag__name",)),
        (RecordCreator, "record_id", ("name",)),
    ):
        for row in model.objects.filter(**{f"{key}__in": ids}).values_list(key, *fields):
            others[row[0]].extend(row[1:])
    rows = RecordPage.objects.filter(pk__in=ids).values_list("pk", "title", "abstract")
    entries = [
        FallbackEntry(
            record_id=pk, **entry_values(title=title, abstract=abstract, others=others[pk])
        )
        for pk, title, abstract in rows
    ]
    FallbackEntry.objects.bulk_create(
        entries, update_conflicts=True, unique_fields=["record"], update_fields=["text", "grams"]
    )
    return len(entries)


def rebuild(*, batch: int = 500) -> int:
    """Refresh every record's entry, `batch` records at a time; returns how many."""
    ids = list(RecordPage.objects.order_by("pk").values_list("pk", flat=True))
    return sum(refresh(ids[start : start + batch]) for start in range(0, len(ids), batch))


class _GramArray(Func):
    # The same expression as the index (migration 0002), so the planner uses it.
    template = "string_to_array(%(expressions)s, ' ')"
    output_field = ArrayField(models.TextField())


def matching(q: str) -> QuerySet:
    """Ids of the records whose text holds every word of `q` (case aside), as `record_id`."""
    entries = FallbackEntry.objects.all()
    grams: set[str] = set()
    for word in sorted({normalized(word) for word in q.split()}):
        entries = entries.filter(text__contains=word)
        grams |= word_grams(word)
    if grams and connection.vendor == "postgresql":
        entries = entries.alias(gram_array=_GramArray("grams")).filter(
            gram_array__contains=sorted(grams)
        )
    return entries.values("record_id")


def on_published(sender, instance, **kwargs):
    """A revision of a record went live: its entry says what the record now says."""
    if isinstance(instance, RecordPage):
        refresh([instance.pk])
