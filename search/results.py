"""The plain answer of a search, the same whether Elasticsearch or the database gave it."""

from dataclasses import dataclass, field

from .params import MAX_RESULT_WINDOW, SearchParams


@dataclass
class Hit:
    id: int
    title: str
    url: str
    record_type: str
    year: int | None = None
    language: str = ""
    institution: str = ""
    access_level: str = "public"
    # HTML-escaped text with matches wrapped in <mark>: safe to show as is.
    title_html: str = ""
    snippets: list[str] = field(default_factory=list)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int | None  # None: not counted (database search)
    selected: bool = False


@dataclass
class FacetResult:
    name: str
    label: str
    values: list[FacetValue]

    @property
    def selected(self) -> list[FacetValue]:
        return [value for value in self.values if value.selected]


@dataclass
class SearchResult:
    params: SearchParams
    hits: list[Hit]
    total: int
    facets: list[FacetResult] = field(default_factory=list)
    suggestion: str = ""
    degraded: bool = False
    degraded_reason: str = ""
    next_cursor: str = ""  # for the API: the page after this one, at any depth
    # The hits' records as the visibility check read them (id → RecordPage, with
    # the columns the cards need), so the page's cards do not read them again.
    records: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def pages(self) -> int:
        reachable = min(self.total, MAX_RESULT_WINDOW)
        return max(1, -(-reachable // self.params.page_size))

    @property
    def has_next(self) -> bool:
        return self.params.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.params.page > 1

    def as_json(self) -> dict:
        """The API's answer (see docs/api/search.md)."""
        params = self.params
        return {
            "query": {
                "q": params.q,
                "filters": {name: list(values) for name, values in params.filters.items()},
                "sort": params.sort,
                "page": params.page,
                "page_size": params.page_size,
            },
            "total": self.total,
            "pages": self.pages,
            "degraded": self.degraded,
            "suggestion": self.suggestion or None,
            "next_cursor": self.next_cursor or None,
            "results": [_hit_json(hit) for hit in self.hits],
            "facets": {
                facet.name: {
                    "label": str(facet.label),
                    "values": [
                        {
                            "value": value.value,
                            "label": value.label,
                            "count": value.count,
                            "selected": value.selected,
                        }
                        for value in facet.values
                    ],
                }
                for facet in self.facets
            },
        }


def _hit_json(hit: Hit) -> dict:
    # By hand: dataclasses.asdict deep-copies every value, a third of the answer's
    # encoding time with ~250 facet values (bench/README.md, `search.py`).
    return {
        "id": hit.id,
        "title": hit.title,
        "url": hit.url,
        "record_type": hit.record_type,
        "year": hit.year,
        "language": hit.language,
        "institution": hit.institution,
        "access_level": hit.access_level,
        "title_html": hit.title_html,
        "snippets": list(hit.snippets),
    }
