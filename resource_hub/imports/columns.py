"""The columns of an import sheet: the one definition the parser, the template and the docs read.

One row is one record. A column's name is what the sheet's header row says
(case and spaces do not matter: "Resource type" is `resource_type`).
Translations take a language in brackets: `title[th]`, `abstract[th]`.
Several values in one cell are separated by ";" (or "；", as Chinese
keyboards type it).

On a re-import, a column the sheet leaves out leaves that field as it is; a
column that is there but empty on a row clears it (for optional fields).
"""

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

MATERIAL = "material"
ACHIEVEMENT = "achievement"
BOTH = (MATERIAL, ACHIEVEMENT)

#: What separates several values in one cell.
SEPARATORS = re.compile(r"[;；\n]")
#: A translation column: `title[th]`, `abstract[zh]` (the language as code or name).
TRANSLATION_HEADER = re.compile(r"^(title|abstract)\s*\[\s*([^\]]+?)\s*\]$")


@dataclass(frozen=True)
class Column:
    name: str
    help: Promise
    #: Must be present in the sheet and filled on every row.
    required: bool = False
    #: Which kinds of record the column applies to.
    kinds: tuple[str, ...] = BOTH
    #: Several values, separated by ";".
    multiple: bool = False
    #: What the cell accepts, for the docs and the template's column sheet.
    accepts: Promise | str = ""
    #: Other header spellings people use for it.
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column(
        "identifier",
        _(
            "Your own identifier of the record (catalogue or inventory number). Unique in the "
            "sheet; importing the sheet again updates the record with this identifier instead "
            "of creating another one."
        ),
        required=True,
        accepts=_("text, at most 255 characters"),
        aliases=("id", "external_id", "external_identifier"),
    ),
    Column(
        "kind",
        _(
            "Teaching material or achievement. May be left empty when the resource type "
            "belongs to only one of them."
        ),
        accepts=_("“material” or “achievement”, or their names in English or Chinese"),
    ),
    Column(
        "title",
        _("The title in the record's original language."),
        required=True,
        accepts=_("text, at most 255 characters"),
    ),
    Column(
        "abstract",
        _("What the record is about, in its original language."),
        required=True,
        accepts=_("text"),
    ),
    Column(
        "language",
        _("The record's original language."),
        required=True,
        accepts=_("ISO 639 code (zh, en, th…) or the language's name in English or Chinese"),
    ),
    Column(
        "year",
        _("The year the record was made or published."),
        required=True,
        accepts=_("a year from 1900 to 2100"),
    ),
    Column(
        "resource_type",
        _("What the record is: a type of teaching material or of achievement."),
        required=True,
        accepts=_("resource type code (material-lesson-plan…) or name in English or Chinese"),
        aliases=("type",),
    ),
    Column(
        "licence",
        _("The terms others may reuse the record under."),
        required=True,
        accepts=_("SPDX id (CC-BY-4.0, CC0-1.0…) or the licence's name"),
        aliases=("license",),
    ),
    Column(
        "creators",
        _(
            "The people who made it, in the order they are credited, each optionally with "
            "an ORCID iD in angle brackets and an affiliation in round brackets."
        ),
        required=True,
        multiple=True,
        accepts=_("Name <ORCID iD> (affiliation); Name; …"),
        aliases=("creator", "authors"),
    ),
    Column(
        "subject",
        _("The ISCED-F 2013 field of education, as specific as you can."),
        accepts=_("ISCED-F code (0811) or the field's name in English or Chinese"),
    ),
    Column(
        "levels",
        _("Education levels and sectors it is for."),
        multiple=True,
        accepts=_("codes (isced-5, sector-vocational) or names in English or Chinese"),
        aliases=("level",),
    ),
    Column(
        "keywords",
        _("Words people would search for, in any language."),
        multiple=True,
        accepts=_("words or phrases"),
    ),
    Column(
        "access",
        _("Who may see the record once it is released. Empty: everyone."),
        accepts=_("public, registered or institution (or their names)"),
        aliases=("access_level",),
    ),
    Column(
        "contributing_institutions",
        _("Other institutions that took part, in any country."),
        multiple=True,
        accepts=_("the institutions' names (English or local) or their page slugs"),
    ),
    Column(
        "event",
        _(
            "The event where the record was released or presented, such as a cooperation "
            "week. Empty: none."
        ),
        accepts=_("the event page's slug, the last part of its web address"),
    ),
    Column(
        "files",
        _(
            "The record's files, by their names in the files folder or ZIP. A file already "
            "attached to the record on an earlier import may be named without sending it again."
        ),
        multiple=True,
        accepts=_("file names or paths in the folder or ZIP"),
        aliases=("file",),
    ),
    Column(
        "achievement_date",
        _("Achievements: the publication, grant or award date."),
        kinds=(ACHIEVEMENT,),
        accepts=_("a date, YYYY-MM-DD"),
        aliases=("date",),
    ),
    Column("doi", _("Achievements: the DOI."), kinds=(ACHIEVEMENT,), accepts="10.1000/xyz123"),
    Column("isbn", _("Achievements: the ISBN."), kinds=(ACHIEVEMENT,), accepts="978-…"),
    Column(
        "patent_number",
        _("Achievements: the patent number, with its country code."),
        kinds=(ACHIEVEMENT,),
        accepts="CN112345678A",
    ),
    Column(
        "award",
        _("Achievements: the award's or competition's name."),
        kinds=(ACHIEVEMENT,),
        accepts=_("text, at most 255 characters"),
    ),
    # Cooperation records (agreement, alliance, centre, training base): issue 18.
    Column(
        "parties",
        _(
            "Cooperation records: the institutions party to the agreement, alliance, centre "
            "or training base, in order. A party already on the record keeps its role and dates."
        ),
        kinds=(ACHIEVEMENT,),
        multiple=True,
        accepts=_("the institutions' names (English or local) or their page slugs"),
    ),
    Column(
        "cross_border",
        _(
            "Cooperation records: between China and ASEAN, so at least one Chinese and one "
            "ASEAN party are needed. Empty: no."
        ),
        kinds=(ACHIEVEMENT,),
        accepts=_("yes or no"),
    ),
    Column(
        "signed_on",
        _("Cooperation records: when it was signed, or founded."),
        kinds=(ACHIEVEMENT,),
        accepts=_("a date, YYYY-MM-DD"),
    ),
    Column(
        "ends_on",
        _("Cooperation records: the last day it is in force. Empty: no end date."),
        kinds=(ACHIEVEMENT,),
        accepts=_("a date, YYYY-MM-DD"),
    ),
)

BY_NAME = {column.name: column for column in COLUMNS}
TRANSLATION_HELP = _(
    "The title and abstract in another language: one pair of columns per language, "
    "e.g. title[th] and abstract[th]. A title is needed when the abstract is given."
)

#: Example rows for the template and the docs: one in English with codes, one in
#: Chinese written with Chinese names (the template writes each vocabulary value
#: of the Chinese row as its Chinese label).
EXAMPLES: tuple[dict[str, str], ...] = (
    {
        "identifier": "YN-AGR-2024-001",
        "kind": "material",
        "title": "Rice cultivation techniques",
        "abstract": "A lesson plan for second-year students of crop production: "
        "seedbeds, transplanting and water management.",
        "language": "en",
        "year": "2024",
        "resource_type": "material-lesson-plan",
        "licence": "CC-BY-4.0",
        "creators": "Li Wei <0000-0002-1825-0097> (Yunnan Agricultural University); Nguyen Van An",
        "subject": "0811",
        "levels": "isced-5; sector-vocational",
        "keywords": "rice; transplanting; irrigation",
        "access": "public",
        "title[zh]": "水稻栽培技术",
        "abstract[zh]": "面向作物生产专业二年级学生的教案：育秧、移栽和水分管理。",
    },
    {
        "identifier": "YN-AGR-2023-017",
        "kind": "achievement",
        "title": "云南高原茶园病虫害绿色防控技术研究",
        "abstract": "总结了云南高原茶园主要病虫害的发生规律及绿色防控措施。",
        "language": "zh",
        "year": "2023",
        "resource_type": "achievement-paper",
        "licence": "CC-BY-NC-4.0",
        "creators": "王芳 <0000-0001-5109-3700>; 张伟 (云南农业职业技术学院)",
        "subject": "0811",
        "levels": "isced-6",
        "keywords": "茶园; 病虫害; 绿色防控",
        "access": "registered",
        "achievement_date": "2023-06-30",
        "doi": "10.5555/rh-example.2023.0017",
        "title[en]": "Green control of pests and diseases in Yunnan plateau tea gardens",
        "abstract[en]": "Patterns of the main pests and diseases of plateau tea gardens "
        "in Yunnan and green control measures.",
    },
)
#: The translation columns the template shows (the examples use them).
TEMPLATE_TRANSLATIONS = ("zh", "en")


def header_key(header: str) -> str:
    """The column name a header stands for: "Resource type " -> "resource_type"."""
    text = " ".join(str(header or "").replace("\ufeff", "").split()).lower()
    translation = TRANSLATION_HEADER.match(text)
    if translation:
        return f"{translation.group(1)}[{translation.group(2)}]"
    text = text.replace(" ", "_").replace("-", "_")
    for column in COLUMNS:
        if text == column.name or text in column.aliases:
            return column.name
    return text


def template_headers() -> list[str]:
    """The template's header row: every column, then a title and abstract per example language."""
    headers = [column.name for column in COLUMNS]
    for code in TEMPLATE_TRANSLATIONS:
        headers += [f"title[{code}]", f"abstract[{code}]"]
    return headers


def split_values(cell: str) -> list[str]:
    """The values of a multi-valued cell, trimmed, empty ones dropped."""
    return [value.strip() for value in SEPARATORS.split(cell or "") if value.strip()]
