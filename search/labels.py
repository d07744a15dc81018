"""Human labels for facet values (codes in the index), one query per facet."""

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

from .facets import RECORD_TYPE_LABELS
from .results import FacetResult, FacetValue

VOCABULARIES = {
    "subject": SubjectField,
    "level": EducationLevel,
    "resource_type": ResourceType,
    "language": Language,
    "country": Country,
    "licence": Licence,
}


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
        ids = [int(value) for value in values if value.isdigit()]
        labels = {
            str(page.pk): page.title
            for page in InstitutionPage.objects.filter(pk__in=ids).only("id", "title")
        }
    elif name in VOCABULARIES:
        model = VOCABULARIES[name]
        labels = {str(entry.pk): entry.label for entry in model.objects.filter(pk__in=values)}
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
