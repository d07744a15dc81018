"""What a search asks for, validated: `SearchParams`, built from a query string.

The page and the API read the same parameters (see docs/api/search.md):
    q, page (or the API's cursor), page_size, sort, and one repeatable
    parameter per facet
    (record_type, subject, level, ...).
A bad value raises InvalidSearchParameter, which names the parameter and says
what would be accepted. Every value is checked with the shared vocabulary of
`resource_hub.core.params` (no control characters, decimal numbers in a
range, codes by pattern), so nothing hostile reaches Elasticsearch or the
database fallback.
"""

import base64
import binascii
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from resource_hub.access.viewers import Viewer, viewer_of
from resource_hub.core.params import (
    COUNTRY_CODE,
    LANGUAGE_CODE,
    MAX_ID,
    InvalidParameter,
    clean_code,
    clean_integer,
    clean_text,
    has_control_characters,
)

from .facets import DEFAULT_SORT, FACETS, SORTS

MAX_QUERY_LENGTH = 200
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
#: Elasticsearch's `index.max_result_window`: from + size may not pass it.
#: Deeper than this, people narrow the search; harvesters use OAI-PMH.
MAX_RESULT_WINDOW = 10_000
MAX_VALUES_PER_FACET = 20
MAX_FILTER_VALUE_LENGTH = 100
MAX_YEAR = 9999
#: A cursor we give out holds two or three numbers (see `facets.SORTS`), about
#: 50 characters. The cap bounds the work of decoding a forged one, and so
#: its nesting, far below Python's recursion limit.
MAX_CURSOR_LENGTH = 200
MAX_CURSOR_STRING = 100
#: Sort values are Elasticsearch longs and dates (numbers), doubles (`_score`)
#: or keywords (strings).
_LONG = (-(2**63), 2**63 - 1)


#: One error type for every view's parameters (`core.params`), under the name
#: search code already uses.
InvalidSearchParameter = InvalidParameter


ANONYMOUS = viewer_of(None)


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
        search_after = decode_cursor(_one(data, "cursor"), sort=sort)
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


def decode_cursor(cursor: str, *, sort: str = DEFAULT_SORT) -> tuple:
    """The sort values in `cursor`: a flat list with one value per key of `sort`.

    Refused before decoding when too long, and after unless every item is a
    value a sort produces (a finite number in Elasticsearch's range, or a
    short string without control characters): the engine must be able to
    serialise and parse whatever is sent, or a forged cursor would look
    like an outage.
    """
    values = None
    if len(cursor) <= MAX_CURSOR_LENGTH:
        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            values = json.loads(base64.b64decode(padded, altchars=b"-_", validate=True))
        except (ValueError, binascii.Error, RecursionError):
            values = None
    if not (
        isinstance(values, list)
        and len(values) == len(SORTS[sort][1])
        and all(_is_sort_value(value) for value in values)
    ):
        raise InvalidSearchParameter(
            "cursor", _("This cursor is not one we gave out; start again without it.")
        )
    return tuple(values)


def _is_sort_value(value) -> bool:
    if isinstance(value, bool):  # an int to Python, not to a sort
        return False
    if isinstance(value, int):
        return _LONG[0] <= value <= _LONG[1]
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        return len(value) <= MAX_CURSOR_STRING and not has_control_characters(value)
    return False


def _values(data: Mapping, name: str) -> list[str]:
    raw = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
    if isinstance(raw, str):
        raw = [raw]
    # Order kept, duplicates and empty values dropped.
    values = dict.fromkeys(value.strip() for value in raw if value and value.strip())
    return [clean_text(name, value, max_length=None) for value in values]


def _one(data: Mapping, name: str) -> str:
    values = _values(data, name)
    if len(values) > 1:
        raise InvalidSearchParameter(name, _("Give %(name)s once.") % {"name": name})
    return values[0] if values else ""


def _integer(data: Mapping, name: str, *, default: int, low: int, high: int) -> int:
    raw = _one(data, name)
    return clean_integer(name, raw, low=low, high=high) if raw else default


def _checked(facet, value: str) -> str:
    if len(value) > MAX_FILTER_VALUE_LENGTH:
        raise InvalidSearchParameter(facet.name, _("A filter value is too long."))
    if facet.name in ("country", "partner_country"):
        return clean_code(facet.name, value.upper(), pattern=COUNTRY_CODE, example="VN")
    if facet.name == "language":
        return clean_code(facet.name, value.lower(), pattern=LANGUAGE_CODE, example="vi")
    if facet.name in ("institution", "event"):
        return str(clean_integer(facet.name, value, low=1, high=MAX_ID))
    if facet.kind == "integer":
        return str(clean_integer(facet.name, value, low=1, high=MAX_YEAR))
    if facet.kind == "boolean":
        if value.lower() not in ("true", "false"):
            raise InvalidSearchParameter(
                facet.name, _("%(name)s must be true or false.") % {"name": facet.name}
            )
        return value.lower()
    return value
