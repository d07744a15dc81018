"""A sheet's rows read into what the record services take, with every problem named by column.

`check_headers` refuses a sheet whose header cannot be understood (unknown or
repeated columns, a required column missing): nothing of such a sheet is
imported. `parse_row` reads one row; each cell it cannot use adds an error for
that column, and the row is imported only without errors.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resource_hub.core.params import InvalidParameter, clean_text
from resource_hub.core.validators import (
    normalise_orcid,
    validate_doi,
    validate_isbn,
    validate_orcid,
    validate_patent_number,
)

from .columns import ACHIEVEMENT, BY_NAME, COLUMNS, TRANSLATION_HEADER, header_key, split_values
from .errors import SheetError
from .lookups import RECORD_CLASSES, Lookups, Unknown
from .sheets import Row

#: "Name <ORCID iD> (affiliation)", with Chinese brackets too.
CREATOR = re.compile(
    r"^(?P<name>[^<>()（）]+?)\s*(?:<(?P<orcid>[^>]*)>)?\s*(?:[(（](?P<affiliation>[^)）]*)[)）])?$"
)
_ACHIEVEMENT_FIELDS = {
    "achievement_date": "achievement_date",
    "doi": "doi",
    "isbn": "isbn",
    "patent_number": "patent_number",
    "award": "award_name",
    "cross_border": "cross_border",
    "signed_on": "signed_on",
    "ends_on": "ends_on",
}
_DATES = ("achievement_date", "signed_on", "ends_on")
_YES = {"yes", "y", "true", "1", "是", "x"}
_NO = {"", "no", "n", "false", "0", "否"}
_IDENTIFIER_VALIDATORS = {
    "doi": validate_doi,
    "isbn": validate_isbn,
    "patent_number": validate_patent_number,
}


@dataclass
class Layout:
    """What the header says: which column each header is, and the translation languages."""

    columns: dict[str, str]  # header as written -> column name
    translations: dict[str, object]  # language code -> Language
    present: set[str]  # column names in the sheet ("title[th]" included)


@dataclass
class ParsedRow:
    number: int
    identifier: str = ""
    kind: str | None = None
    fields: dict = field(default_factory=dict)
    lists: dict = field(
        default_factory=dict
    )  # keywords, creators, ... (when their column is there)
    files: list[str] = field(default_factory=list)  # names as written
    errors: list[tuple[str, str]] = field(default_factory=list)

    def error(self, column: str, message: str) -> None:
        self.errors.append((column, str(message)))

    @property
    def record_class(self):
        return RECORD_CLASSES.get(self.kind)


def check_headers(headers: list[str], lookups: Lookups) -> Layout:
    """The sheet's layout, or SheetError naming every header problem at once."""
    problems, columns, translations = [], {}, {}
    for header in headers:
        name = header_key(header)
        translation = TRANSLATION_HEADER.match(name)
        if translation:
            try:
                language = lookups.language(translation.group(2))
            except Unknown as error:
                problems.append(f"{header}: {error}")
                continue
            name = f"{translation.group(1)}[{language.pk}]"
            translations[language.pk] = language
        elif name not in BY_NAME:
            problems.append(_("“%(header)s” is not a column of the import.") % {"header": header})
            continue
        if name in columns.values():
            problems.append(_("The column “%(name)s” appears twice.") % {"name": name})
        columns[header] = name
    present = set(columns.values())
    missing = [c.name for c in COLUMNS if c.required and c.name not in present]
    if missing:
        problems.append(
            _("Required columns are missing: %(names)s.") % {"names": ", ".join(missing)}
        )
    if problems:
        known = ", ".join(c.name for c in COLUMNS)
        raise SheetError(
            " ".join(problems)
            + " "
            + _("The columns are: %(known)s, and title[language], abstract[language].")
            % {"known": known}
        )
    return Layout(columns=columns, translations=translations, present=present)


def parse_row(row: Row, layout: Layout, lookups: Lookups) -> ParsedRow:
    cells = {layout.columns[header]: value.strip() for header, value in row.cells.items()}
    parsed = ParsedRow(number=row.number)
    for column in COLUMNS:
        if column.required and column.name in cells and not cells[column.name]:
            parsed.error(column.name, _("This column must be filled in."))
    parsed.identifier = _text(parsed, cells, "identifier", 255)
    _kind(parsed, cells, lookups)
    for name in ("title", "abstract"):
        if cells.get(name):
            parsed.fields[name] = _text(parsed, cells, name, 255 if name == "title" else None)
    _vocabularies(parsed, cells, lookups)
    _year(parsed, cells)
    if "creators" in cells and cells["creators"]:
        parsed.lists["creators"] = _creators(parsed, cells["creators"])
    if "keywords" in cells:
        parsed.lists["keywords"] = _keywords(parsed, cells["keywords"])
    if "contributing_institutions" in cells:
        parsed.lists["contributing_institutions"] = _many(
            parsed, cells, "contributing_institutions", lookups.institution
        )
    if "levels" in cells:
        parsed.lists["education_levels"] = _many(parsed, cells, "levels", lookups.level)
    if layout.translations:
        parsed.lists["translations"] = _translations(parsed, cells, layout)
    _achievement(parsed, cells)
    if "parties" in cells:
        if parsed.kind != ACHIEVEMENT:
            if cells["parties"]:
                parsed.error("parties", _("Only achievements have this column; leave it empty."))
        else:
            parsed.lists["parties"] = _many(parsed, cells, "parties", lookups.institution)
    if "files" in cells:
        parsed.files = split_values(cells["files"])
        parsed.lists["files"] = parsed.files
    return parsed


def _text(parsed: ParsedRow, cells: dict, name: str, max_length: int | None) -> str:
    value = cells.get(name, "")
    try:
        return clean_text(name, value, max_length=max_length)
    except InvalidParameter as error:
        parsed.error(name, error.message)
        return ""


def _kind(parsed: ParsedRow, cells: dict, lookups: Lookups) -> None:
    if cells.get("kind"):
        try:
            parsed.kind = str(lookups.kind(cells["kind"]))
        except Unknown as error:
            parsed.error("kind", error)


def _vocabularies(parsed: ParsedRow, cells: dict, lookups: Lookups) -> None:
    if cells.get("resource_type"):
        try:
            found = lookups.resource_type(cells["resource_type"], kind=parsed.kind)
            parsed.fields["resource_type"] = found
            parsed.kind = parsed.kind or found.applies_to
        except Unknown as error:
            parsed.error("resource_type", error)
    simple = {
        "language": lookups.language,
        "licence": lookups.licence,
        "subject": lookups.subject,
        "access": lookups.access_level,
        "event": lookups.event,
    }
    targets = {"access": "access_level"}
    for name, find in simple.items():
        if name not in cells:
            continue
        target = targets.get(name, name)
        if not cells[name]:
            if name in ("subject", "event"):
                parsed.fields[name] = None
            elif name == "access":
                parsed.fields["access_level"] = "public"
            continue
        try:
            value = find(cells[name])
            parsed.fields[target] = str(value) if name == "access" else value
        except Unknown as error:
            parsed.error(name, error)


def _year(parsed: ParsedRow, cells: dict) -> None:
    value = cells.get("year", "")
    if not value:
        return
    if not re.fullmatch(r"\d{4}", value) or not 1900 <= int(value) <= 2100:
        parsed.error("year", _("“%(value)s” is not a year from 1900 to 2100.") % {"value": value})
        return
    parsed.fields["year"] = int(value)


def _creators(parsed: ParsedRow, cell: str) -> list[dict]:
    creators = []
    for text in split_values(cell):
        match = CREATOR.match(text)
        if not match:
            parsed.error(
                "creators",
                _("“%(text)s”: write a creator as Name <ORCID iD> (affiliation).") % {"text": text},
            )
            continue
        orcid = (match["orcid"] or "").strip()
        if orcid:
            try:
                validate_orcid(orcid)
                orcid = normalise_orcid(orcid)
            except ValidationError as error:
                parsed.error("creators", f"{match['name']}: {' '.join(error.messages)}")
                continue
        name = match["name"].strip()
        affiliation = (match["affiliation"] or "").strip()
        if len(name) > 255 or len(affiliation) > 255:
            parsed.error("creators", _("“%(text)s” is too long.") % {"text": text[:40]})
            continue
        creators.append({"name": name, "orcid": orcid, "affiliation": affiliation})
    return creators


def _keywords(parsed: ParsedRow, cell: str) -> list[str]:
    words = []
    for word in split_values(cell):
        if len(word) > 100:
            parsed.error(
                "keywords",
                _("A keyword has at most 100 characters: “%(word)s…”.") % {"word": word[:30]},
            )
        elif word not in words:
            words.append(word)
    return words


def _many(parsed: ParsedRow, cells: dict, name: str, find) -> list:
    found = []
    for value in split_values(cells[name]):
        try:
            entry = find(value)
        except Unknown as error:
            parsed.error(name, error)
            continue
        if entry not in found:
            found.append(entry)
    return found


def _translations(parsed: ParsedRow, cells: dict, layout: Layout) -> list[dict]:
    translations = []
    for code, language in layout.translations.items():
        title = cells.get(f"title[{code}]", "")
        abstract = cells.get(f"abstract[{code}]", "")
        if not title and not abstract:
            continue
        if not title:
            parsed.error(f"title[{code}]", _("A translated abstract needs its title."))
            continue
        for name, value, limit in (
            (f"title[{code}]", title, 255),
            (f"abstract[{code}]", abstract, None),
        ):
            try:
                clean_text(name, value, max_length=limit)
            except InvalidParameter as error:
                parsed.error(name, error.message)
        translations.append({"language": language, "title": title, "abstract": abstract})
    return translations


def _achievement(parsed: ParsedRow, cells: dict) -> None:
    for name, target in _ACHIEVEMENT_FIELDS.items():
        if name not in cells:
            continue
        value = cells[name]
        if parsed.kind != ACHIEVEMENT:
            if value:
                parsed.error(name, _("Only achievements have this column; leave it empty."))
            continue
        if name in _DATES:
            parsed.fields[target] = _date(parsed, value, name)
            continue
        if name == "cross_border":
            parsed.fields[target] = _yes(parsed, value)
            continue
        if value and name in _IDENTIFIER_VALIDATORS:
            try:
                _IDENTIFIER_VALIDATORS[name](value)
            except ValidationError as error:
                parsed.error(name, " ".join(error.messages))
                continue
        parsed.fields[target] = _text(parsed, cells, name, 255)


def _date(parsed: ParsedRow, value: str, name: str = "achievement_date"):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        parsed.error(name, _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": value})
        return None


def _yes(parsed: ParsedRow, value: str) -> bool:
    if value.strip().lower() in _YES:
        return True
    if value.strip().lower() not in _NO:
        parsed.error("cross_border", _("Write yes or no."))
    return False
