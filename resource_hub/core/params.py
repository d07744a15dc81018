"""Query-string checks shared by every view that reads parameters (issue 11).

A parameter comes from anyone, so each is checked before it reaches the
database or Elasticsearch: PostgreSQL refuses a NUL in a string, `int()`
refuses "²" although `"²".isdigit()` is true, and an out-of-range number
makes Elasticsearch answer 400. One error type, `InvalidParameter`, names
the parameter; HTML views answer it with the 400 page
(`invalid_parameter_page`), the API with `{"error": {"code":
"invalid_parameter", "parameter": ...}}`.
"""

import functools
import re
import unicodedata

from django.shortcuts import render
from django.utils.translation import gettext as _

from .errors import DomainError

#: ISO 3166-1 alpha-2 and ISO 639-1/3, as `core.vocabularies` stores them.
COUNTRY_CODE = re.compile(r"[A-Z]{2}")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
#: Database ids: PostgreSQL's `integer`.
MAX_ID = 2**31 - 1
#: Line breaks and tabs are whitespace a pasted query may carry; other
#: control characters (NUL above all) and lone surrogates are refused.
_ALLOWED_CONTROLS = frozenset("\t\n\r")
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs"})


class InvalidParameter(DomainError):
    """A query parameter that cannot be used; the message says what would be accepted."""

    status = 400
    code = "invalid_parameter"

    def __init__(self, parameter: str, message: str):
        super().__init__(message, parameter=parameter)


def has_control_characters(value: str) -> bool:
    return any(
        unicodedata.category(char) in _REFUSED_CATEGORIES and char not in _ALLOWED_CONTROLS
        for char in value
    )


def without_control_characters(value: str) -> str:
    """`value` fit to show back to the person (e.g. in a search box)."""
    return "".join(
        char
        for char in value
        if unicodedata.category(char) not in _REFUSED_CATEGORIES or char in _ALLOWED_CONTROLS
    )


def clean_text(name: str, value: str, *, max_length: int | None) -> str:
    """`value`, refused if it holds control characters or is longer than `max_length`."""
    if has_control_characters(value):
        raise InvalidParameter(
            name, _("%(name)s contains control characters; remove them.") % {"name": name}
        )
    if max_length is not None and len(value) > max_length:
        raise InvalidParameter(
            name,
            _("%(name)s is too long: at most %(max)d characters.")
            % {"name": name, "max": max_length},
        )
    return value


def clean_integer(name: str, value: str, *, low: int, high: int) -> int:
    """A whole number from `low` to `high` written in decimal digits, else InvalidParameter.

    `isdecimal()`, not `isdigit()`: superscripts and circled digits are
    "digits" that `int()` refuses. The length is bounded before `int()`.
    """
    value = value.strip()
    if not (value.isdecimal() and len(value) <= len(str(high)) and low <= int(value) <= high):
        raise InvalidParameter(
            name,
            _("%(name)s must be a whole number from %(low)d to %(high)d.")
            % {"name": name, "low": low, "high": high},
        )
    return int(value)


def clean_code(name: str, value: str, *, pattern: re.Pattern, example: str) -> str:
    """`value` if it matches `pattern` in full, else InvalidParameter showing `example`."""
    if not pattern.fullmatch(value):
        raise InvalidParameter(
            name,
            _("%(name)s must be a code like %(example)s.") % {"name": name, "example": example},
        )
    return value


def invalid_parameter_page(request, error: InvalidParameter):
    """The 400 page, naming the parameter and saying what would be accepted."""
    context = {"error": error.message, "parameter": error.parameter}
    return render(request, "400.html", context, status=400)


def refuse_invalid_parameters(view):
    """Answer an HTML view's InvalidParameter with the 400 page."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except InvalidParameter as error:
            return invalid_parameter_page(request, error)

    return wrapper
