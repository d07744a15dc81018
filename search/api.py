"""/api/v1/search and /api/v1/search/suggest (see docs/api/search.md).

The query parameters are read by `params.parse_params`, the same reader as
the page `/search/`, so the page and the API accept and refuse exactly the
same values; the schemas below document them (every value arrives as text).
"""

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from pydantic import BaseModel

from resource_hub.access.viewers import as_viewer
from resource_hub.api.auth import PUBLIC
from resource_hub.api.errors import ApiError
from resource_hub.api.schemas import errors
from resource_hub.core.params import clean_integer, clean_text

from .params import parse_params

MAX_SUGGESTIONS = 10
MAX_PREFIX_LENGTH = 100

router = Router(tags=["search"], auth=PUBLIC)


class SearchQuery(Schema):
    """The search parameters (docs/api/search.md); every facet parameter repeats."""

    q: str | None = Field(None, description="Words in any language, at most 200 characters.")
    sort: str | None = Field(None, description="relevance (default), newest or downloads.")
    page: str | None = Field(None, description="1 and up; page × page_size ≤ 10,000.")
    page_size: str | None = Field(None, description="1 to 100 (default 20).")
    cursor: str | None = Field(None, description="The next_cursor of the previous answer.")
    record_type: list[str] = Field([], description="teaching_resource or achievement.")
    subject: list[str] = Field([], description="ISCED-F code, any depth.")
    level: list[str] = Field([], description="Level or sector code.")
    resource_type: list[str] = Field([], description="Resource type code.")
    language: list[str] = Field([], description="ISO 639 code.")
    country: list[str] = Field([], description="ISO 3166 alpha-2 code.")
    institution: list[str] = Field([], description="Institution id.")
    event: list[str] = Field([], description="Event id (where the record was released).")
    licence: list[str] = Field([], description="SPDX id.")
    year: list[str] = Field([], description="A year, 1 to 9999.")
    has_files: list[str] = Field([], description="true or false.")


# The answers' schemas are plain pydantic models, not ninja's `Schema`: they are
# built from dicts (SearchResult.as_json), never from model instances, so they
# need none of `Schema`'s attribute lookups, which cost ~3 ms per search for an
# answer with ~250 facet values (bench/README.md, `search.py`); pydantic checks
# them as strictly, and the OpenAPI document is the same.
class QueryEcho(BaseModel):
    q: str
    filters: dict[str, list[str]]
    sort: str
    page: int
    page_size: int


class HitOut(BaseModel):
    id: int
    title: str
    url: str
    record_type: str
    year: int | None
    language: str
    institution: str
    access_level: str
    title_html: str = Field(description="HTML-escaped title, matches in <mark>.")
    snippets: list[str]


class FacetValueOut(BaseModel):
    value: str
    label: str
    count: int | None
    selected: bool


class FacetOut(BaseModel):
    label: str
    values: list[FacetValueOut]


class SearchOut(BaseModel):
    query: QueryEcho
    total: int
    pages: int
    degraded: bool
    suggestion: str | None
    next_cursor: str | None
    results: list[HitOut]
    facets: dict[str, FacetOut]


class SuggestQuery(Schema):
    q: str | None = Field(None, description="The start of a title, at most 100 characters.")
    size: str | None = Field(None, description="1 to 10 (default 8).")


class SuggestionOut(BaseModel):
    id: int
    title: str


class SuggestOut(BaseModel):
    q: str
    suggestions: list[SuggestionOut]
    degraded: bool


def run_search(request, *, extra=None):
    """The search answer for this request's parameters (also used by GET /records)."""
    from .service import search  # on first use: see search.views

    params = parse_params(request.GET, viewer=as_viewer(request))
    result = search(params)  # Elasticsearch may still refuse a value: InvalidParameter too
    if result.degraded and params.search_after:
        raise ApiError(
            503,
            "search_unavailable",
            _(
                "The search engine is unreachable and cursors need it; retry later, "
                "or page with page= meanwhile."
            ),
        )
    return result


@router.get("/search", response={200: SearchOut, **errors(400, 401, 429, 503)}, url_name="search")
def search_records(request, query: Query[SearchQuery]):
    """Search released records the caller may see, with facets and cursor paging."""
    return run_search(request).as_json()


@router.get(
    "/search/suggest",
    response={200: SuggestOut, **errors(400, 401, 429)},
    url_name="search-suggest",
)
def suggest(request, query: Query[SuggestQuery]):
    """Titles that start with q, for a search box."""
    prefix = request.GET.get("q", "").strip()
    if not prefix:
        raise ApiError(400, "invalid_parameter", _("Give q, the start of a title."), parameter="q")
    clean_text("q", prefix, max_length=MAX_PREFIX_LENGTH)
    size = clean_integer("size", request.GET.get("size", "8"), low=1, high=MAX_SUGGESTIONS)
    from .service import autocomplete  # on first use: see search.views

    suggestions, degraded = autocomplete(prefix, viewer=as_viewer(request), size=size)
    return {"q": prefix, "suggestions": suggestions, "degraded": degraded}
