"""Human labels for facet values (codes in the index), read once and kept.

Every search shows up to ten facets; reading their labels from the database
cost seven queries and ~200 rows per search (bench/README.md, `search.py`).
The vocabularies are small (a few hundred entries in all) and change only in
the admin, and institutions are renamed rarely, so each process keeps them:
a vocabulary whole, per language, and institution titles by id. A change
saved in this process forgets them at once (signals below); other processes
(gunicorn workers) read them again within `LABELS_TTL` seconds.
"""

import threading
import time

from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from resource_hub.core.vocabularies import (
    Country,
    EducationLevel,
    Language,
    Licence,
    ResourceType,
    SubjectField,
)
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.models import RecordPage

from .facets import RECORD_TYPE_LABELS
from .results import FacetResult, FacetValue

VOCABULARIES = {
    "subject": SubjectField,
    "level": EducationLevel,
    "resource_type": ResourceType,
    "language": Language,
    "country": Country,
    "partner_country": Country,
    "licence": Licence,
}

#: How long another process's change may take to show here, in seconds.
LABELS_TTL = 300

_lock = threading.Lock()
_vocabularies: dict[tuple[str, str], tuple[float, dict[str, str]]] = {}
_institutions: dict[int, tuple[float, str | None]] = {}  # None: no such institution
_events: dict[tuple[int, str], tuple[float, str | None]] = {}  # by (id, language)


def forget_labels(**kwargs) -> None:
    """Read every label again on next use (a vocabulary entry or an institution was saved)."""
    with _lock:
        _vocabularies.clear()
        _institutions.clear()
        _events.clear()


for _model in (*VOCABULARIES.values(), InstitutionPage):
    for _signal in (post_save, post_delete):
        _signal.connect(
            forget_labels,
            sender=_model,
            dispatch_uid=f"search.labels.{_model.__name__}.{_signal is post_save}",
        )

for _signal in (post_save, post_delete):
    # By name: events sit above search (see indexing._event_model).
    _signal.connect(
        forget_labels,
        sender="events.EventPage",
        dispatch_uid=f"search.labels.EventPage.{_signal is post_save}",
    )


def vocabulary_labels(model, language: str | None = None) -> dict[str, str]:
    """Every entry of a vocabulary, code → label in `language` (the active one by default)."""
    language = (language or get_language() or "").lower()
    key = (model._meta.label, language)
    now = time.monotonic()
    kept = _vocabularies.get(key)
    if kept is not None and kept[0] > now:
        return kept[1]
    labels = {
        str(entry.pk): entry.label_for(language)
        for entry in model.objects.only("pk", "name_en", "labels").order_by()
    }
    with _lock:
        _vocabularies[key] = (now + LABELS_TTL, labels)
    return labels


def institution_titles(ids: list[int]) -> dict[int, str]:
    """The titles of the institutions among `ids` (one query for those not kept)."""
    now = time.monotonic()
    titles, missing = {}, []
    for pk in ids:
        kept = _institutions.get(pk)
        if kept is None or kept[0] <= now:
            missing.append(pk)
        elif kept[1] is not None:
            titles[pk] = kept[1]
    if missing:
        found = dict(InstitutionPage.objects.filter(pk__in=missing).values_list("pk", "title"))
        with _lock:
            for pk in missing:
                _institutions[pk] = (now + LABELS_TTL, found.get(pk))
        titles.update(found)
    return titles


def event_names(ids: list[int]) -> dict[int, str]:
    """The names of the events among `ids` for a reader of the active language (one query
    for those not kept): its own-language name for readers of that language, else English."""
    language = (get_language() or "").lower()
    now = time.monotonic()
    names, missing = {}, []
    for pk in ids:
        kept = _events.get((pk, language))
        if kept is None or kept[0] <= now:
            missing.append(pk)
        elif kept[1] is not None:
            names[pk] = kept[1]
    if missing:
        model = RecordPage._meta.get_field("event").related_model
        found = {
            page.pk: page.name_for(language)
            for page in model.objects.filter(pk__in=missing).only(
                "pk", "title", "name_local", "language_id"
            )
        }
        with _lock:
            for pk in missing:
                _events[(pk, language)] = (now + LABELS_TTL, found.get(pk))
        names.update(found)
    return names


def facet_labels(name: str, values: list[str]) -> dict[str, str]:
    """The label of each value, in the active language; an unknown code labels itself."""
    values = [value for value in values if value]
    labels: dict[str, str] = {}
    if not values:
        return labels
    if name == "record_type":
        labels = {value: str(RECORD_TYPE_LABELS.get(value, value)) for value in values}
    elif name == "has_files":
        labels = {"true": _("With files"), "false": _("Without files")}
    elif name == "institution":
        titles = institution_titles([int(value) for value in values if value.isdigit()])
        labels = {str(pk): title for pk, title in titles.items()}
    elif name == "event":
        names = event_names([int(value) for value in values if value.isdigit()])
        labels = {str(pk): name for pk, name in names.items()}
    elif name in VOCABULARIES:
        labels = vocabulary_labels(VOCABULARIES[name])
    labels = {value: labels.get(value, value) for value in values}
    return _disambiguated(name, labels)


def _disambiguated(name: str, labels: dict[str, str]) -> dict[str, str]:
    """No two values of a facet under one label ("Dataset" is a teaching material
    and an achievement): the kind of record, or else the code, tells them apart."""
    if name == "subject":
        return labels  # shown as a tree, where a field's place tells it apart (display.py)
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    if all(count == 1 for count in seen.values()):
        return labels
    kinds = dict(ResourceType.AppliesTo.choices) if name == "resource_type" else {}
    result = {}
    for value, label in labels.items():
        if seen[label] > 1:
            kind = kinds.get(value.split("-", 1)[0])
            label = f"{label} ({kind or value})"
        result[value] = label
    return result


def facet_result(facet, counts: dict, selected) -> FacetResult | None:
    """One facet's values with labels, counts and selected state (None when it has none)."""
    if not counts:
        return None
    labels = facet_labels(facet.name, list(counts))
    values = [
        FacetValue(value, labels[value], count, value in selected)
        for value, count in counts.items()
    ]
    return FacetResult(facet.name, facet.label, values)
