"""Labels in the languages of the region that data migration 0003 did not ship.

Issue 14 asks for every vocabulary entry in all nine languages of the site
besides English. Migration 0004 merges these tables into each entry's `labels`,
filling only the languages an entry still lacks, so a label an admin has set
is kept. The tables hold only what 0003 did not ship (0003 stays as released),
and they are written by language, then code, like the modules of
vocabulary_data, so each language can be reviewed on its own; `LABELS` turns
them into model name → code → {language: label} for the migration.
"""

from .. import isced
from . import countries, isced_a, isced_b, languages, levels, licences, resource_types


def _by_code(tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    by_code: dict[str, dict[str, str]] = {}
    for language, labels in tables.items():
        for code, label in labels.items():
            by_code.setdefault(code, {})[language] = label
    return by_code


def _with_isced_repeats(labels: dict[str, str]) -> dict[str, str]:
    """Give a field that UNESCO names exactly like its parent the parent's label.

    ISCED-F repeats a name one level down where a field has a single child
    ("011 Education" under "01 Education", "0831 Fisheries" under "083"), so
    the tables list each such name once. Code order puts parents first.
    """
    names = {code: name for code, name, _zh in isced.SUBJECT_FIELDS}
    labels = dict(labels)
    for code, name in names.items():
        parent = code[:-1]
        if len(code) > 2 and names[parent] == name and code not in labels:
            labels[code] = labels[parent]
    return labels


_ISCED = {
    "th": isced_a.TH,
    "vi": isced_a.VI,
    "id": isced_a.ID,
    "ms": isced_a.MS,
    "km": isced_b.KM,
    "lo": isced_b.LO,
    "my": isced_b.MY,
    "fil": isced_b.FIL,
}


def _tables(module, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    return {language: getattr(module, language.upper()) for language in languages}


_ALL = ("th", "vi", "id", "ms", "km", "lo", "my", "fil")
_NEW = ("km", "lo", "my", "fil")

# Model name → entry code → {language: label}, in 0003's order.
LABELS: dict[str, dict[str, dict[str, str]]] = {
    "SubjectField": _by_code(
        {language: _with_isced_repeats(labels) for language, labels in _ISCED.items()}
    ),
    "EducationLevel": _by_code(_tables(levels, _NEW)),
    "ResourceType": _by_code(_tables(resource_types, _ALL)),
    "Language": _by_code(_tables(languages, ("th", *_NEW))),
    "Country": _by_code(_tables(countries, _NEW)),
    "Licence": _by_code(_tables(licences, _ALL)),
}
