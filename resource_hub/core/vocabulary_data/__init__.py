"""The vocabulary entries shipped with Resource Hub, as plain data.

Data migration 0003 loads these lists; they import nothing from the models,
so the migration keeps working whatever the models become. Treat them as
released data: to change shipped entries later, write a new data migration
(it may carry its own small list) rather than rewriting rows here, so every
database ends up with the same entries whatever version it started from.

English names and codes come from the standards (UNESCO ISCED 2011 and
ISCED-F 2013, ISO 639, ISO 3166-1, SPDX, LRMI); `labels` map a language of
the site (settings.LANGUAGES) to a translated label. Migration 0004 adds the
labels 0003 lacked in the languages of the region, from `labels_region`.
"""


def finish(entries: list[dict], labels_by_language: dict[str, dict[str, str]] | None = None):
    """Number the entries in list order and add their labels from a per-language table."""
    for position, entry in enumerate(entries):
        entry.setdefault("sort_order", position * 10)
        entry["labels"] = {
            **entry.get("labels", {}),
            **{
                language: labels[entry["code"]]
                for language, labels in (labels_by_language or {}).items()
                if entry["code"] in labels
            },
        }
    return entries
