"""What a search asks for, validated: `SearchParams`, built from a query string.

The page and the API read the same parameters (see docs/api/search.md):
    q, page (or the API's cursor), page_size, sort, and one repeatable
    parameter per facet
    (record_type, subject, level, ...).
A bad value raises InvalidSearchParameter, which names the parameter and says
what would be accepted.
"""

import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .errors import SearchError
from .facets import DEFAULT_SORT, FACETS, SORTS

MAX_QUERY_LENGTH = 200
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
#: Elasticsearch's `index.max_result_window`: from + size may not pass it.
#: Deeper than this, people narrow the search; harvesters use OAI-PMH.
MAX_RESULT_WINDOW = 10_000
MAX_VALUES_PER_FACET = 20


class InvalidSearchParameter(SearchError):
    def __init__(self, parameter: str, message: str):
        self.parameter = parameter
        super().__init__(message)


@dataclass(frozen=True)
class Viewer:
    """What the person searching may see, as the index records it.

    `access_levels`: the levels visible whatever the institution ("public",
    and "registered" once signed in). `institution_ids`: the institutions
    whose "institution" records the viewer may see (its member groups, as
    `records.selectors.records_visible_to` rules). `everything`: superusers.
    """

    access_levels: tuple[str, ...] = ("public",)
    institution_ids: tuple[str, ...] = ()
    everything: bool = False


ANONYMOUS = Viewer()


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = DEFAULT_SORT
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    viewer: Viewer = ANONYMOUS
    # The sort values of the previous page's last hit (API `cursor`): pages
    # of any depth without `from`, so past the 10,000-result window too.
    search_after: tuple | None = None

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def has_filters(self) -> bool:
        return any(self.filters.values())


def parse_params(data: Mapping, *, viewer: Viewer = ANONYMOUS) -> SearchParams:
    """SearchParams from a QueryDict (or a dict of lists), or InvalidSearchParameter."""
    q = " ".join(_one(data, "q").split())
    if len(q) > MAX_QUERY_LENGTH:
        raise InvalidSearchParameter(
            "q", _("The query is too long: at most %(max)d characters.") % {"max": MAX_QUERY_LENGTH}
        )
    page = _integer(data, "page", default=1, low=1, high=MAX_RESULT_WINDOW)
    page_size = _integer(data, "page_size", default=DEFAULT_PAGE_SIZE, low=1, high=MAX_PAGE_SIZE)
    if page * page_size > MAX_RESULT_WINDOW:
        raise InvalidSearchParameter(
            "page",
            _(
                "Only the first %(max)d results can be paged through; "
                "narrow the search with filters instead."
            )
            % {"max": MAX_RESULT_WINDOW},
        )
    sort = _one(data, "sort") or DEFAULT_SORT
    if sort not in SORTS:
        raise InvalidSearchParameter(
            "sort", _("Unknown sort order; use one of: %(sorts)s.") % {"sorts": ", ".join(SORTS)}
        )
    filters = {}
    for facet in FACETS:
        values = _values(data, facet.name)
        if not values:
            continue
        if len(values) > MAX_VALUES_PER_FACET:
            raise InvalidSearchParameter(
                facet.name,
                _("Choose at most %(max)d values of %(name)s.")
                % {"max": MAX_VALUES_PER_FACET, "name": facet.name},
            )
        filters[facet.name] = tuple(_checked(facet, value) for value in values)
    search_after = None
    if _one(data, "cursor"):
        if _one(data, "page"):
            raise InvalidSearchParameter("cursor", _("Give either cursor or page, not both."))
        search_after = decode_cursor(_one(data, "cursor"))
    return SearchParams(
        q=q,
        filters=filters,
        sort=sort,
        page=page,
        page_size=page_size,
        viewer=viewer,
        search_after=search_after,
    )


def encode_cursor(sort_values: list) -> str:
    """An opaque `cursor` for the page after the hit with these sort values."""
    raw = json.dumps(sort_values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        values = None
    if not isinstance(values, list) or not values or len(values) > 4:
        raise InvalidSearchParameter(
            "cursor", _("This cursor is not one we gave out; start again without it.")
        )
    if not all(isinstance(value, (int, float, str)) for value in values):
        raise InvalidSearchParameter(
            "cursor", _("This cursor is not one we gave out; start again without it.")
        )
    return tuple(values)


def _values(data: Mapping, name: str) -> list[str]:
    raw = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
    if isinstance(raw, str):
        raw = [raw]
    # Order kept, duplicates and empty values dropped.
    return list(dict.fromkeys(value.strip() for value in raw if value and value.strip()))


def _one(data: Mapping, name: str) -> str:
    values = _values(data, name)
    if len(values) > 1:
        raise InvalidSearchParameter(name, _("Give %(name)s once.") % {"name": name})
    return values[0] if values else ""


def _integer(data: Mapping, name: str, *, default: int, low: int, high: int) -> int:
    raw = _one(data, name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise InvalidSearchParameter(
            name,
            _("%(name)s must be a whole number from %(low)d to %(high)d.")
            % {"name": name, "low": low, "high": high},
        )
    return value


def _checked(facet, value: str) -> str:
    if len(value) > 100:
        raise InvalidSearchParameter(facet.name, _("A filter value is too long."))
    if facet.kind == "integer" and not value.isdigit():
        raise InvalidSearchParameter(
            facet.name, _("%(name)s must be a number.") % {"name": facet.name}
        )
    if facet.kind == "boolean":
        if value.lower() not in ("true", "false"):
            raise InvalidSearchParameter(
                facet.name, _("%(name)s must be true or false.") % {"name": facet.name}
            )
        return value.lower()
    return value
