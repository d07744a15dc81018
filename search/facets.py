"""Facets and sort orders of public search, declared as data.

`queries.py` builds the Elasticsearch request from these, `service.py` reads
the answers back, `fallback.py` applies the same filters to the database,
and the page and the API take their parameter names from `Facet.name`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Facet:
    name: str  # the URL parameter, e.g. ?subject=0511&subject=0712
    field: str  # the keyword field of the index document
    label: str
    size: int = 30  # how many values the facet lists
    kind: str = "keyword"  # "keyword", "integer" or "boolean": how a value is validated


FACETS: tuple[Facet, ...] = (
    Facet("record_type", "record_type", _("Record type"), size=5),
    # Every ISCED-F field the results have (123 in all), for the page's subject tree.
    Facet("subject", "subjects", _("Subject"), size=150),
    Facet("level", "levels", _("Level or sector"), size=30),
    Facet("resource_type", "resource_type", _("Resource type"), size=30),
    Facet("language", "languages", _("Language"), size=30),
    Facet("country", "country", _("Country"), size=30),
    # The countries of the record's cooperation parties and contributing institutions:
    # with `country`, the cross-border network's cells (resource_hub/network).
    Facet("partner_country", "partner_countries", _("Partner country"), size=30),
    Facet("institution", "institution.id", _("Institution"), size=30),
    # Where the record was released or presented (an events.EventPage id).
    Facet("event", "event.id", _("Event"), size=30),
    Facet("licence", "licence", _("Licence"), size=20),
    Facet("year", "year", _("Year"), size=30, kind="integer"),
    Facet("has_files", "has_files", _("Files"), size=2, kind="boolean"),
)

FACETS_BY_NAME = {facet.name: facet for facet in FACETS}

#: Sort orders: the URL value, its label, and the Elasticsearch sort.
#: Ties are broken by id so that pages never overlap.
SORTS = {
    "relevance": (
        _("Relevance"),
        ["_score", {"first_published_at": {"order": "desc"}}, {"id": {"order": "desc"}}],
    ),
    "newest": (
        _("Newest first"),
        [{"first_published_at": {"order": "desc"}}, {"id": {"order": "desc"}}],
    ),
    "downloads": (
        _("Most downloaded"),
        [{"download_count": {"order": "desc"}}, "_score", {"id": {"order": "desc"}}],
    ),
}
DEFAULT_SORT = "relevance"

RECORD_TYPE_LABELS = {
    "teaching_resource": _("Teaching material"),
    "achievement": _("Achievement"),
}
