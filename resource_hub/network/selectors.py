"""Which countries and institutions work together, read from released public records.

A record shows cooperation when an institution of another country than the
record's own (its holding institution's) contributed to it, or is party to it
(an agreement, alliance, centre or training base: records/cooperation.py).
Each such record counts once in the cell (its country, each partner country),
the same records public search finds with `country` and `partner_country`
(search/facets.py), so a cell's link reproduces its count exactly: the records
are what the access policy shows an anonymous visitor, narrowed by the very
filters search applies in the database (`search.fallback.filtered`).

A fixed number of queries, whatever the number of records.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import F, QuerySet
from django.db.models.functions import Substr
from django.urls import reverse

from resource_hub.access.records import visible_records
from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import Country
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.cooperation import COOPERATION_TYPES
from resource_hub.records.models import RecordPage, RecordParty
from resource_hub.stats.selectors import Usage, records_usage
from search.fallback import filtered
from search.params import SearchParams

#: The search filters the network page offers, by their search parameter names.
FILTERS = ("year", "subject", "level")


@dataclass
class Joint:
    """One record that joins institutions of different countries."""

    record_id: int
    country: str  # the holding institution's
    institution: int  # the holding institution's page id
    partner_countries: set[str]
    partners: set[int]  # the other institutions' page ids
    cooperation: bool  # an agreement, alliance, centre or training base


@dataclass
class Cell:
    count: int
    url: str  # public search with the filters that find exactly these records


@dataclass
class Pair:
    """Two countries (or institutions) and the records that join them, both ways."""

    first: object
    second: object
    records: int = 0
    cooperation: int = 0  # of which agreements, alliances, centres, bases

    @property
    def joint(self) -> int:
        return self.records - self.cooperation


@dataclass
class Network:
    filters: dict[str, tuple[str, ...]]
    countries: list[Country] = field(default_factory=list)
    #: rows: the record's country; columns: a partner country; None on the diagonal
    matrix: list[tuple[Country, list[Cell | None]]] = field(default_factory=list)
    country_pairs: list[Pair] = field(default_factory=list)
    institution_pairs: list[Pair] = field(default_factory=list)
    records: int = 0
    cooperation_records: int = 0
    institutions: int = 0
    usage: Usage | None = None


def search_url(*, country: str, partner_country: str, filters: dict) -> str:
    """Public search finding exactly the records of one cell."""
    query = [("country", country), ("partner_country", partner_country)]
    query += [(name, value) for name in FILTERS for value in filters.get(name, ())]
    return f"{reverse('search')}?{urlencode(query)}"


def public_records(filters: dict[str, tuple[str, ...]]) -> QuerySet:
    """Released records an anonymous visitor may open, narrowed as search narrows them."""
    anonymous = viewer_of(None)
    params = SearchParams(filters={k: v for k, v in filters.items() if k in FILTERS and v})
    matched = filtered(visible_records(anonymous), params)
    return visible_records(anonymous).filter(pk__in=matched.values("pk"))


def joints(records: QuerySet) -> list[Joint]:
    """The records of `records` with a partner in another country, in four queries."""
    rows = list(
        records.annotate(
            parent_path=Substr("path", 1, (F("depth") - 1) * RecordPage.steplen)
        ).values_list("pk", "parent_path", "resource_type_id")
    )
    ids = [pk for pk, _path, _type in rows]
    holders = dict(
        InstitutionPage.objects.filter(path__in={path for _pk, path, _type in rows}).values_list(
            "path", "pk"
        )
    )
    partners: dict[int, set[int]] = defaultdict(set)
    through = RecordPage.contributing_institutions.through
    for record_id, institution_id in through.objects.filter(recordpage_id__in=ids).values_list(
        "recordpage_id", "institutionpage_id"
    ):
        partners[record_id].add(institution_id)
    for record_id, institution_id in RecordParty.objects.filter(record_id__in=ids).values_list(
        "record_id", "institution_id"
    ):
        partners[record_id].add(institution_id)
    involved = set(holders.values()) | {pk for found in partners.values() for pk in found}
    country_of = dict(
        InstitutionPage.objects.filter(pk__in=involved).values_list("pk", "country_id")
    )
    result = []
    for pk, path, resource_type in rows:
        holder = holders.get(path)
        if holder is None:
            continue
        country = country_of[holder]
        others = {p for p in partners.get(pk, ()) if p != holder}
        partner_countries = {country_of[p] for p in others}
        if not partner_countries - {country}:
            continue  # no partner abroad: not cross-border
        result.append(
            Joint(
                record_id=pk,
                country=country,
                institution=holder,
                partner_countries=partner_countries,
                partners=others,
                cooperation=resource_type in COOPERATION_TYPES,
            )
        )
    return result


def network(*, filters: dict[str, tuple[str, ...]], who=None) -> Network:
    """The cross-border network of released public records matching `filters`.

    `who` is asked only for the usage figures (views and downloads of the
    records counted, as the access policy lets the page's viewer see them; the
    records counted are public, so every viewer sees the same figures).
    """
    records = public_records(filters)
    found = joints(records)
    result = Network(filters=filters)
    if not found:
        return result
    cells: Counter = Counter()
    pairs: dict[tuple[str, str], set[int]] = defaultdict(set)
    institution_pairs: dict[tuple[int, int], set[int]] = defaultdict(set)
    country_of: dict[int, str] = {}
    cooperation = {joint.record_id for joint in found if joint.cooperation}
    for joint in found:
        country_of[joint.institution] = joint.country
        for partner_country in joint.partner_countries - {joint.country}:
            cells[(joint.country, partner_country)] += 1
            pairs[tuple(sorted((joint.country, partner_country)))].add(joint.record_id)
        for partner in joint.partners:
            institution_pairs[tuple(sorted((joint.institution, partner)))].add(joint.record_id)
    codes = sorted({code for pair in pairs for code in pair})
    countries = Country.objects.in_bulk(codes)
    result.countries = sorted(countries.values(), key=lambda c: (c.code != "CN", c.label))
    for row in result.countries:
        result.matrix.append(
            (
                row,
                [
                    None
                    if row.code == column.code
                    else Cell(
                        count=cells[(row.code, column.code)],
                        url=search_url(
                            country=row.code, partner_country=column.code, filters=filters
                        ),
                    )
                    for column in result.countries
                ],
            )
        )
    result.country_pairs = sorted(
        (
            Pair(countries[a], countries[b], len(ids), len(ids & cooperation))
            for (a, b), ids in pairs.items()
        ),
        key=lambda p: (-p.records, p.first.label, p.second.label),
    )
    names = InstitutionPage.objects.in_bulk({pk for pair in institution_pairs for pk in pair})
    result.institution_pairs = sorted(
        (
            Pair(names[a], names[b], len(ids), len(ids & cooperation))
            for (a, b), ids in institution_pairs.items()
            if names[a].country_id != names[b].country_id
        ),
        key=lambda p: (-p.records, p.first.title, p.second.title),
    )
    result.records = len(found)
    result.cooperation_records = len(cooperation)
    result.institutions = len(
        {pk for pair in result.institution_pairs for pk in (pair.first.pk, pair.second.pk)}
    )
    result.usage = records_usage(
        who=who if who is not None else viewer_of(None),
        records=RecordPage.objects.filter(pk__in=[joint.record_id for joint in found]),
    )
    return result


def public_years() -> list[int]:
    """The years of released public records, newest first, for the page's year filter."""
    records = visible_records(viewer_of(None))
    return sorted(set(records.values_list("year", flat=True).distinct()), reverse=True)
