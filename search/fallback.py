"""Database search, for when Elasticsearch is unreachable or not configured.

Every word of the query somewhere in a record's title, abstract, keywords,
creators or a translation (case aside, inside longer words and inside Chinese,
Thai or Khmer sentences too), found through the database's own index of that
text (`fallback_index.py`), among the released records the viewer may see
(the access policy's `visible_records`). No stemming; Traditional and
Simplified Chinese find each other, but a Vietnamese word must be typed with its
diacritics. The words are marked in the title and in a snippet of the abstract
as they were found (case and Chinese script aside); counts only for
the facets that are columns of the record row, since each costs one query.
"""

import re
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from resource_hub.access.records import visible_records
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.models import RecordPage
from resource_hub.stats.selectors import download_total_subquery

from .display import CARD_FIELDS, share_site_roots
from .facets import FACETS
from .fallback_index import matching
from .indexing import RECORD_TYPES
from .labels import facet_result
from .params import SearchParams
from .results import FacetResult, Hit, SearchResult
from .vocabulary import simplified

#: The record's columns a hit (`_hit`, its URL) and the page's cards (CARD_FIELDS) read.
HIT_FIELDS = (
    "id", "title", "url_path", "depth", "content_type", "year", "access_level", "abstract",
    *CARD_FIELDS,
)  # fmt: skip

#: Facets counted in the database: the name and the record column.
COUNTED = {
    "resource_type": "resource_type_id",
    "licence": "licence_id",
    "year": "year",
    "event": "event_id",
}


def text_filter(q: str) -> Q:
    """Records holding every word of `q`, through the fallback index."""
    return Q(pk__in=matching(q))


def _institution_paths(institutions: QuerySet) -> Q:
    condition = Q(pk__in=[])
    for path in institutions.values_list("path", flat=True):
        condition |= Q(path__startswith=path)
    return condition


def facet_condition(name: str, values: tuple[str, ...]) -> Q:
    """The database equivalent of one facet's filter."""
    if name == "record_type":
        types = ContentType.objects.get_for_models(*RECORD_TYPES)
        wanted = [types[model].pk for model, code in RECORD_TYPES.items() if code in values]
        return Q(content_type_id__in=wanted)
    if name == "subject":
        condition = Q(pk__in=[])
        for value in values:
            condition |= Q(subject__code__startswith=value)  # a field and the fields under it
        return condition
    if name == "level":
        return Q(education_levels__in=values)
    if name == "language":
        return Q(language_id__in=values) | Q(translations__language_id__in=values)
    if name == "country":
        return _institution_paths(InstitutionPage.objects.filter(country_id__in=values))
    if name == "partner_country":
        return Q(contributing_institutions__country_id__in=values) | Q(
            parties__institution__country_id__in=values
        )
    if name == "institution":
        ids = [int(value) for value in values if value.isdigit()]
        return _institution_paths(InstitutionPage.objects.filter(pk__in=ids))
    if name == "has_files":
        if len(set(values)) == 2:
            return Q()
        return Q(files__isnull=values[0] != "true")
    if name == "year":
        return Q(year__in=[int(value) for value in values])
    return Q(**{f"{COUNTED[name]}__in": values})


def filtered(queryset: QuerySet, params: SearchParams, *, leave_out: str | None = None):
    for name, values in params.filters.items():
        if values and name != leave_out:
            queryset = queryset.filter(facet_condition(name, values))
    return queryset


def _matched(base: QuerySet, params: SearchParams) -> QuerySet:
    """The records `params` selects among `base`, once each (a filter through a relation
    such as levels or translations can repeat a row; without one there is no wrapping)."""
    matched = filtered(base, params)
    if params.has_filters:
        matched = RecordPage.objects.filter(pk__in=matched.values("pk"))
    return matched


def database_search(params: SearchParams, *, reason: str) -> SearchResult:
    """Answer `params` from the database as `params.viewer` may see it, marked degraded."""
    base = visible_records(params.viewer)
    if params.q:
        base = base.filter(text_filter(params.q))
    matched = _matched(base, params)
    if params.q and params.sort != "downloads":
        groups, page = _read_once(matched, params)
    else:
        # The total and every counted facet with no selection of its own, in one grouped count.
        groups = list(matched.order_by().values(*COUNTED.values()).annotate(n=Count("pk")))
        page = list(
            _ordered(matched.select_related("content_type").only(*HIT_FIELDS), params)[
                _page(params)
            ]
        )
    share_site_roots(page)
    return SearchResult(
        params=params,
        hits=[_hit(record, params.q.split()) for record in page],
        records={record.pk: record for record in page},
        total=sum(group["n"] for group in groups),
        facets=_facets(base, params, groups),
        degraded=True,
        degraded_reason=reason,
    )


def _page(params: SearchParams) -> slice:
    return slice(params.offset, params.offset + params.page_size)


def _ordered(records: QuerySet, params: SearchParams) -> QuerySet:
    if params.sort == "downloads":
        # The same figure the index orders by (the COUNTER downloads of the daily rows).
        return records.annotate(downloads=download_total_subquery("pk")).order_by(
            "-downloads", "-pk"
        )
    return records.order_by("-first_published_at", "-pk")


def _read_once(matched: QuerySet, params: SearchParams) -> tuple[list[dict], list]:
    """The grouped counts and the page, from one reading of the matches.

    With words to match, matching is most of the cost (the index narrows, the
    text is compared, each record joined to its page for the policy), so it is
    done once: each matching record's counted columns and its place in date
    order (a window function, so no date is parsed here) are read and counted,
    and only the page's records are then read whole.
    """
    place = Window(RowNumber(), order_by=[F("first_published_at").desc(), F("pk").desc()])
    rows = list(
        matched.order_by().annotate(place=place).values_list("pk", "place", *COUNTED.values())
    )
    tally = Counter(row[2:] for row in rows)
    groups = [dict(zip(COUNTED.values(), key, strict=True), n=n) for key, n in tally.items()]
    last = params.offset + params.page_size
    page = sorted((row for row in rows if params.offset < row[1] <= last), key=lambda row: row[1])
    ids = [row[0] for row in page]
    records = (
        RecordPage.objects.filter(pk__in=ids)
        .select_related("content_type")
        .only(*HIT_FIELDS)
        .in_bulk()
    )
    return groups, [records[pk] for pk in ids if pk in records]


SNIPPET_CHARS = 240


def _folded(text: str) -> str:
    """`text` with Chinese in Simplified, character for character where that keeps its
    length (it nearly always does), so that positions found in it are positions in `text`."""
    folded = simplified(text)
    return folded if len(folded) == len(text) else text


def mark(text: str, words: list[str]) -> str:
    """`text` HTML-escaped, each occurrence of a word in <mark> (case and Chinese script aside)."""
    if not words:
        return escape(text)
    words = [_folded(word) for word in words]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)),
                         re.IGNORECASE)  # fmt: skip
    pieces, last = [], 0
    for found in pattern.finditer(_folded(text)):  # found in the folded text, marked in `text`
        start, end = found.span()
        pieces += [escape(text[last:start]), f"<mark>{escape(text[start:end])}</mark>"]
        last = end
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above


def snippet(text: str, words: list[str]) -> str:
    """About SNIPPET_CHARS of `text` around the first word found, marked."""
    lowered = _folded(text).lower()
    found = [at for at in (lowered.find(_folded(w).lower()) for w in words) if at >= 0]
    start = max(0, min(found) - SNIPPET_CHARS // 3) if found else 0
    if start:
        start = text.rfind(" ", 0, start) + 1 or start  # not in the middle of a word
    # Truncator walks all it is given: give it a slice that holds the snippet
    # (combining marks, as in Thai, count for nothing, hence the margin).
    piece = Truncator(text[start : start + 3 * SNIPPET_CHARS]).chars(SNIPPET_CHARS)
    if len(text) - start > 3 * SNIPPET_CHARS and not piece.endswith("…"):
        piece += "…"
    return mark(("…" if start else "") + piece, words)


def _hit(record, words: list[str]) -> Hit:
    return Hit(
        id=record.pk,
        title=record.title,
        url=record.get_url() or "",
        record_type=RECORD_TYPES.get(record.content_type.model_class(), ""),
        year=record.year,
        language=record.language_id or "",
        access_level=record.access_level,
        title_html=mark(record.title, words),
        snippets=[snippet(record.abstract, words)] if record.abstract else [],
    )


def _counts(facet, groups: list[dict]) -> dict[str, int]:
    """A counted facet's values from the grouped count, most frequent first."""
    column, tally = COUNTED[facet.name], Counter()
    for group in groups:
        if group[column] is not None:
            tally[group[column]] += group["n"]
    ordered = sorted(tally.items(), key=lambda item: (-item[1], item[0]))[: facet.size]
    return {str(value): n for value, n in ordered}


def _facets(base: QuerySet, params: SearchParams, groups: list[dict]) -> list[FacetResult]:
    facets = []
    for facet in FACETS:
        selected = params.filters.get(facet.name, ())
        counts: dict[str, int | None] = {}
        if facet.name in COUNTED and not selected:
            counts = _counts(facet, groups)
        elif facet.name in COUNTED:  # counted without its own selection: a query of its own
            column = COUNTED[facet.name]
            rows = (
                RecordPage.objects.filter(
                    pk__in=filtered(base, params, leave_out=facet.name).values("pk")
                )
                .exclude(**{f"{column}__isnull": True})
                .values(column)
                .annotate(n=Count("pk"))
                .order_by("-n", column)[: facet.size]
            )
            counts = {str(row[column]): row["n"] for row in rows}
        for value in selected:
            counts.setdefault(value, None if facet.name not in COUNTED else 0)
        result = facet_result(facet, counts, selected)
        if result is not None:
            facets.append(result)
    return facets
