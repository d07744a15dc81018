"""Validators for the identifiers records carry: ORCID iD, DOI, ISBN, patent number.

People paste these in many shapes (a link, hyphens, spaces, a "doi:" prefix),
so each has a `normalise_*()` that gives the canonical form to store, and each
validator normalises before it checks: a form field may still hold the pasted
shape when Django runs field validators, which happens before `Model.clean()`.
Messages say what a valid value looks like, so the person can fix it.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# ORCID ----------------------------------------------------------------------

_ORCID_PREFIXES = ("https://orcid.org/", "http://orcid.org/", "orcid.org/")
_ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


def normalise_orcid(value: str) -> str:
    """The bare iD ("0000-0002-1825-0097") from an iD or an orcid.org link."""
    value = value.strip()
    for prefix in _ORCID_PREFIXES:
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
            break
    return value.upper()


def orcid_check_digit(base_digits: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 15 digits of an ORCID iD.

    https://support.orcid.org/hc/en-us/articles/360006897674
    """
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def validate_orcid(value: str) -> None:
    orcid = normalise_orcid(value)
    if not _ORCID_RE.match(orcid):
        raise ValidationError(
            _("Enter an ORCID iD in the form 0000-0000-0000-000X, e.g. 0000-0002-1825-0097."),
            code="invalid_orcid",
        )
    digits = orcid.replace("-", "")
    if orcid_check_digit(digits[:-1]) != digits[-1]:
        raise ValidationError(
            _("This ORCID iD's last character does not match the others; check it for a typo."),
            code="orcid_check_digit",
        )


# DOI ------------------------------------------------------------------------

_DOI_PREFIXES = (
    "https://doi.org/",
    "http://doi.org/",
    "https://dx.doi.org/",
    "http://dx.doi.org/",
    "doi.org/",
    "doi:",
)
# "10." + registrant code (digits, optionally subdivided: 10.1000.10) + "/" +
# a suffix of any printable characters (the DOI Handbook puts no limit on it).
_DOI_RE = re.compile(r"^10\.\d{4,9}(\.\d+)*/\S+$")


def normalise_doi(value: str) -> str:
    """The bare DOI ("10.1000/xyz123") from a DOI, a doi.org link or "doi:10...".

    Case is kept as typed: DOIs are case-insensitive, so compare them lowercased.
    """
    value = value.strip()
    for prefix in _DOI_PREFIXES:
        if value.lower().startswith(prefix):
            value = value[len(prefix) :].strip()
            break
    return value


def validate_doi(value: str) -> None:
    if not _DOI_RE.match(normalise_doi(value)):
        raise ValidationError(
            _("Enter a DOI such as 10.1000/xyz123 (a https://doi.org/ link is fine too)."),
            code="invalid_doi",
        )


# ISBN -----------------------------------------------------------------------

_ISBN_RE = re.compile(r"^(\d{9}[\dX]|\d{13})$")


def normalise_isbn(value: str) -> str:
    """Digits only (and a final X): "978-3-16-148410-0" -> "9783161484100"."""
    value = value.strip().upper()
    value = re.sub(r"^ISBN(-1[03])?:?", "", value)
    return re.sub(r"[\s-]", "", value)


def isbn_checksum_ok(isbn: str) -> bool:
    """Check digit of a normalised ISBN-10 (mod 11) or ISBN-13 (mod 10)."""
    if len(isbn) == 10:
        values = [10 if char == "X" else int(char) for char in isbn]
        return sum(weight * v for weight, v in zip(range(10, 0, -1), values, strict=True)) % 11 == 0
    return sum((1, 3)[i % 2] * int(char) for i, char in enumerate(isbn)) % 10 == 0


def validate_isbn(value: str) -> None:
    isbn = normalise_isbn(value)
    if not _ISBN_RE.match(isbn):
        raise ValidationError(
            _("Enter an ISBN of 10 or 13 digits, e.g. 978-3-16-148410-0 (hyphens are optional)."),
            code="invalid_isbn",
        )
    if len(isbn) == 13 and not isbn.startswith(("978", "979")):
        raise ValidationError(_("An ISBN-13 starts with 978 or 979."), code="invalid_isbn")
    if not isbn_checksum_ok(isbn):
        raise ValidationError(
            _("This ISBN's check digit does not match the others; check it for a typo."),
            code="isbn_check_digit",
        )


# Patent numbers -------------------------------------------------------------

# Publication numbers as patent offices print them: office code (a country, or
# EP / WO), an optional series (US design "D", reissue "RE"), the number, and
# an optional kind code (A, B2, U, A1...). Deliberately permissive: formats
# differ by office and by year, and no check digit is common to all.
_PATENT_RE = re.compile(r"^[A-Z]{2}[A-Z]{0,2}\d{4,}([A-Z]\d?)?$")


def normalise_patent_number(value: str) -> str:
    """Upper case without spaces, commas, slashes, hyphens: "US 10,123,456 B2" -> "US10123456B2"."""
    return re.sub(r"[\s,/-]", "", value.upper())


def validate_patent_number(value: str) -> None:
    if not _PATENT_RE.match(normalise_patent_number(value)):
        raise ValidationError(
            _(
                "Enter a patent publication number: the two-letter office code, the number "
                "and, if there is one, the kind code, e.g. CN112345678A or US10123456B2."
            ),
            code="invalid_patent_number",
        )


# Translated labels of vocabulary entries --------------------------------------


def validate_labels(value) -> None:
    """A JSON object mapping a language of the site (settings.LANGUAGES) to a label."""
    codes = [code for code, _name in settings.LANGUAGES]
    if not isinstance(value, dict):
        raise ValidationError(
            _('Enter the labels as a JSON object, e.g. {"zh-hans": "数学"}.'), code="invalid_labels"
        )
    unknown = sorted(key for key in value if key not in codes)
    if unknown:
        raise ValidationError(
            _("Unknown language code(s): %(unknown)s. Use one of: %(codes)s."),
            code="invalid_labels",
            params={"unknown": ", ".join(map(str, unknown)), "codes": ", ".join(codes)},
        )
    if not all(isinstance(label, str) and label.strip() for label in value.values()):
        raise ValidationError(_("Every label must be non-empty text."), code="invalid_labels")
