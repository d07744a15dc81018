"""What the search page shows around the hits: result cards, snippets, facets to read.

A hit (results.Hit) is what the index answered; a card adds what a reader
decides by before opening a record (its type, language, institution, licence
and files with their sizes, or that it has none), read from the database
for the whole page of hits in a fixed number of queries. Facets are shown
with their top values and the rest behind "show more", and subjects as the
ISCED-F tree they are (broad → narrow → detailed).
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.utils.translation import get_language
from wagtail.models import Site

from resource_hub.core.vocabularies import Language, Licence, ResourceType
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.models import RecordFile, RecordPage

from .facets import RECORD_TYPE_LABELS
from .labels import vocabulary_labels
from .results import FacetResult, FacetValue, Hit

#: Values a facet shows before "show more" (selected values are always shown).
FACET_TOP = 6


@dataclass(frozen=True)
class FileSummary:
    kind: str  # the file's type as people call it: "PDF", "PPTX"
    size: int | None  # bytes


@dataclass
class Card:
    hit: Hit
    type_label: str
    language_label: str = ""
    institution: str = ""
    licence: str = ""  # the SPDX identifier, short: "CC-BY-4.0"
    licence_label: str = ""
    files: list[FileSummary] = field(default_factory=list)
    snippet: str = ""  # HTML-escaped, matches in <mark>


def share_site_roots(pages) -> None:
    """Read the sites' root paths once for a page of records: each one's get_url() would
    read them again from the cache (unpickled every time) otherwise. The attribute is
    the one Wagtail's Page._get_site_root_paths keeps them in per object."""
    roots = Site.get_site_root_paths()
    for page in pages:
        page._wagtail_cached_site_root_paths = roots


#: The record's columns a card reads (with `path`, for its institution).
CARD_FIELDS = ("path", "language_id", "licence_id", "resource_type_id")


def search_cards(
    hits: list[Hit], *, records: dict | None = None, language: str | None = None
) -> list[Card]:
    """A card per hit, in the hits' order: two queries (files, institutions) whatever
    the page's size; the vocabulary labels are kept per process (`labels.py`).

    `records` are the hits' records as the search read them (`SearchResult.records`,
    with CARD_FIELDS); only hits missing from it are read here (a sixth query).
    """
    if not hits:
        return []
    language = language or get_language()
    ids = [hit.id for hit in hits]
    records = dict(records or {})
    missing = [pk for pk in ids if pk not in records]
    if missing:
        records.update(
            (record.pk, record)
            for record in RecordPage.objects.filter(pk__in=missing).only("id", *CARD_FIELDS)
        )
    files: dict[int, list[FileSummary]] = defaultdict(list)
    for item in (
        RecordFile.objects.filter(record_id__in=ids)
        .select_related("document")
        .only("record_id", "sort_order", "document__file", "document__size")
        .order_by("record_id", "sort_order", "pk")
    ):
        files[item.record_id].append(_file_summary(item.document))
    parents = {record.path[: -RecordPage.steplen] for record in records.values()}
    institutions = {
        page.path: page
        for page in InstitutionPage.objects.filter(path__in=parents).only(
            "id", "path", "title", "name_local", "country_id"
        )
    }
    labels = _labels(language)
    cards = []
    for hit in hits:
        record = records.get(hit.id)
        if record is None:  # gone since the search: the hit shows with what it has
            cards.append(Card(hit, str(RECORD_TYPE_LABELS.get(hit.record_type, ""))))
            continue
        institution = institutions.get(record.path[: -RecordPage.steplen])
        licence = labels["licence"].get(record.licence_id)
        cards.append(
            Card(
                hit=hit,
                type_label=labels["type"].get(record.resource_type_id)
                or str(RECORD_TYPE_LABELS.get(hit.record_type, "")),
                language_label=labels["language"].get(record.language_id, ""),
                institution=institution.name_for(language) if institution else "",
                licence=record.licence_id or "",
                licence_label=licence or "",
                files=files.get(hit.id, []),
                snippet=hit.snippets[0] if hit.snippets else "",
            )
        )
    return cards


def _file_summary(document) -> FileSummary:
    suffix = PurePosixPath(document.file.name or "").suffix.lstrip(".")
    return FileSummary(kind=suffix.upper() or "?", size=document.size)


def _labels(language: str) -> dict[str, dict[str, str]]:
    """The cards' vocabulary labels in `language`, kept as the facets' are (labels.py)."""
    return {
        "type": vocabulary_labels(ResourceType, language),
        "language": vocabulary_labels(Language, language),
        "licence": vocabulary_labels(Licence, language),
    }


# --- snippets --------------------------------------------------------------------

_LINE_BREAK_HYPHEN = re.compile(r"(\w)-[ \t]*\n\s*(\w)")
_SPACES = re.compile(r"\s+")
#: The only markup in a fragment: the highlighter escapes the text (`encoder: html`).
_MARKS = re.compile(r"</?mark>")


def clean_snippets(fragments: list[str], *, limit: int = 3) -> list[str]:
    """Fragments with whitespace and line-end hyphenation repaired, each text once.

    PDF text comes with the page's line breaks and words hyphenated across
    them; the same sentence often comes back from the abstract and from the
    file that contains the abstract. Markup (<mark>, escaped entities) is
    kept; a fragment whose text another already shows is dropped.
    """
    kept: list[str] = []
    seen: list[str] = []
    for fragment in fragments:
        text = _SPACES.sub(" ", _LINE_BREAK_HYPHEN.sub(r"\1\2", fragment)).strip()
        # Not strip_tags: its HTML parser cost ~0.3 ms a fragment, most of a search's own time.
        key = _SPACES.sub(" ", _MARKS.sub("", text)).strip().casefold()
        if not key or any(key in other or other in key for other in seen):
            continue
        seen.append(key)
        kept.append(text)
        if len(kept) == limit:
            break
    return kept


# --- facets ----------------------------------------------------------------------


@dataclass
class Node:
    """A subject facet value in the ISCED-F tree, with its narrower fields."""

    value: FacetValue
    children: list["Node"] = field(default_factory=list)

    @property
    def open(self) -> bool:
        """Shown unfolded when a narrower field is selected."""
        return any(child.value.selected or child.open for child in self.children)


@dataclass
class FacetView:
    name: str
    label: str
    shown: list[FacetValue]
    more: list[FacetValue]
    selected_count: int
    tree: list[Node] | None = None  # subjects


def facet_views(facets: list[FacetResult]) -> list[FacetView]:
    """Each facet ready to show: top values, the rest, or the subject tree."""
    views = []
    for facet in facets:
        selected = [value for value in facet.values if value.selected]
        if facet.name == "subject":
            views.append(
                FacetView(facet.name, facet.label, [], [], len(selected), subject_tree(facet))
            )
            continue
        top = [value for value in facet.values if not value.selected][
            : max(0, FACET_TOP - len(selected))
        ]
        shown = [value for value in facet.values if value.selected or value in top]
        more = [value for value in facet.values if value not in shown]
        views.append(FacetView(facet.name, facet.label, shown, more, len(selected)))
    return views


def subject_tree(facet: FacetResult) -> list[Node]:
    """The subject values as broad → narrow → detailed fields, most frequent first.

    ISCED-F codes nest by prefix ("05" ⊃ "051" ⊃ "0511"). A field whose only
    narrower field holds the same records (in ISCED-F "Education" 01 has one
    narrow field, also "Education" 011) is shown once: choosing either finds
    the same records, and two identical labels one under the other only
    confuse. A narrower field left with its broader field's name gets its code.
    """
    nodes = {value.value: Node(value) for value in facet.values}
    roots: list[Node] = []
    for code, node in sorted(nodes.items(), key=lambda item: len(item[0])):
        parent = next(
            (nodes[code[:n]] for n in range(len(code) - 1, 1, -1) if code[:n] in nodes), None
        )
        (parent.children if parent else roots).append(node)
    for node in nodes.values():
        _collapse(node)
    _order(roots)
    return roots


def _collapse(node: Node) -> None:
    while (
        len(node.children) == 1
        and node.children[0].value.count == node.value.count
        and not node.children[0].value.selected
    ):
        node.children = node.children[0].children
    for child in node.children:
        if child.value.label == node.value.label:
            child.value = FacetValue(
                child.value.value,
                f"{child.value.label} ({child.value.value})",
                child.value.count,
                child.value.selected,
            )


def _order(nodes: list[Node]) -> None:
    nodes.sort(key=lambda node: (-(node.value.count or 0), node.value.label))
    for node in nodes:
        _order(node.children)


def url_with(request, *, keep_only=None, remove=None, **changes) -> str:
    """This page's URL with parameters changed; any change but `page` goes back to page 1.

    `keep_only`: the parameters to keep (the others are dropped); `remove`: a
    (name, value) pair to take out; empty parameters are dropped. For the search
    page and the pages that list through search (an event's page).
    """
    query = request.GET.copy()
    if keep_only is not None:
        for key in list(query):
            if key not in keep_only:
                del query[key]
    if remove:
        name, value = remove
        query.setlist(name, [v for v in query.getlist(name) if v != value])
    for key, value in changes.items():
        query[key] = str(value)
    if "page" not in changes:
        query.pop("page", None)
    for key in [key for key, values in query.lists() if not any(values)]:
        del query[key]
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path
