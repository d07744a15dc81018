"""A record in reference managers' formats: BibTeX, RIS, CSL-JSON and Dublin Core XML.

`work_of` reads a record once into a `citation.Work`; the formatters are pure
functions of it, so each can be parsed back in tests without a database.
"""

import json
import re
from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree

from resource_hub.core.xml import xml_text

from .citation import Work, split_name


@dataclass(frozen=True)
class ExportFormat:
    label: str
    extension: str
    content_type: str
    render: object  # Callable[[Work, int, date], str]


def work_of(
    record,
    *,
    url: str,
    creators=None,
    translations=None,
    keywords=None,
    publisher: str | None = None,
) -> Work:
    """The citable facts of a record; pass relations already fetched to save queries."""
    if creators is None:  # sort_order may be empty (service-made records): pk keeps the order
        creators = list(record.creators.order_by("sort_order", "pk"))
    if translations is None:
        translations = list(record.translations.order_by("sort_order", "pk"))
    keywords = list(record.keywords.all()) if keywords is None else keywords
    if publisher is None:
        parent = record.get_parent()
        publisher = parent.title if parent else ""
    english = next((t.title for t in translations if t.language_id == "en"), "")
    return Work(
        title=record.title,
        creators=[creator.name for creator in creators],
        orcids=[creator.orcid for creator in creators],
        year=record.year,
        type_code=record.resource_type.code,
        type_label=record.resource_type.name_en,
        publisher=publisher,
        language=record.language_id,
        url=url,
        english_title=english,
        doi=getattr(record, "doi", ""),
        isbn=getattr(record, "isbn", ""),
        patent_number=getattr(record, "patent_number", ""),
        issued=getattr(record, "achievement_date", None),
        abstract=record.abstract,
        keywords=[keyword.name for keyword in keywords],
        licence_url=record.licence.url,
        is_teaching_material=record.resource_type.applies_to == "material",
    )


def _kind(work: Work, table: dict, default: str) -> str:
    return table.get(work.type_code.split("-", 1)[-1], default)


# --- BibTeX -----------------------------------------------------------------

_BIBTEX_TYPES = {"paper": "article", "report": "techreport", "textbook": "book"}
_BIBTEX_SPECIAL = re.compile(r"([{}\\%&$#_~^])")


def _bibtex_escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: "\\" + m.group(1) if m.group(1) in "%&$#_" else "", text)


def _bibtex_name(raw: str) -> str:
    name = split_name(raw)
    if name.whole or not name.given:
        return "{" + _bibtex_escape(name.family) + "}"  # braces: never split or abbreviated
    return f"{_bibtex_escape(name.family)}, {_bibtex_escape(name.given)}"


def cite_key(work: Work, record_id: int) -> str:
    first = split_name(work.creators[0]).family if work.creators else "record"
    ascii_family = re.sub(r"[^A-Za-z0-9]", "", first) or "record"
    return f"{ascii_family.lower()}{work.year or ''}-{record_id}"


def bibtex(work: Work, record_id: int, accessed: date) -> str:
    entry = _kind(work, _BIBTEX_TYPES, "misc")
    fields = [
        ("title", "{" + _bibtex_escape(work.title) + "}"),
        ("author", " and ".join(_bibtex_name(creator) for creator in work.creators)),
        ("year", str(work.year or "")),
        ("institution" if entry == "techreport" else "publisher", _bibtex_escape(work.publisher)),
        ("doi", work.doi),
        ("isbn", work.isbn),
        ("number", work.patent_number),
        ("url", work.url),
        ("urldate", accessed.isoformat()),
        ("language", work.language),
        ("keywords", _bibtex_escape(", ".join(work.keywords))),
        ("abstract", _bibtex_escape(work.abstract)),
        ("note", _bibtex_escape(work.type_label)),
    ]
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields if value)
    return f"@{entry}{{{cite_key(work, record_id)},\n{body}\n}}\n"


# --- RIS ----------------------------------------------------------------------

_RIS_TYPES = {
    "paper": "JOUR",
    "report": "RPRT",
    "textbook": "BOOK",
    "patent": "PAT",
    "dataset": "DATA",
    "software": "COMP",
    "standard": "STAND",
}


def ris(work: Work, record_id: int, accessed: date) -> str:
    lines = [("TY", _kind(work, _RIS_TYPES, "ELEC" if work.is_teaching_material else "GEN"))]
    lines += [("AU", split_name(creator).family if split_name(creator).whole else creator)
              for creator in work.creators]  # fmt: skip
    lines += [
        ("TI", work.title),
        ("TT", work.english_title),
        ("PY", str(work.year or "")),
        ("DA", work.issued.strftime("%Y/%m/%d") if work.issued else ""),
        ("PB", work.publisher),
        ("DO", work.doi),
        ("SN", work.isbn),
        ("IS", work.patent_number),
        ("UR", work.url),
        ("Y2", accessed.strftime("%Y/%m/%d")),
        ("LA", work.language),
        ("AB", " ".join(work.abstract.split())),
        ("M3", work.type_label),
        ("ID", str(record_id)),
    ]
    lines += [("KW", keyword) for keyword in work.keywords]
    lines.append(("ER", ""))
    # RIS: "TAG  - value", one per line, CRLF line ends.
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value or tag == "ER")


# --- CSL-JSON -------------------------------------------------------------------

_CSL_TYPES = {
    "paper": "article-journal",
    "report": "report",
    "textbook": "book",
    "patent": "patent",
    "dataset": "dataset",
    "software": "software",
    "standard": "standard",
}


def _csl_name(raw: str) -> dict:
    name = split_name(raw)
    if name.whole or not name.given:
        return {"literal": name.family}
    return {"family": name.family, "given": name.given}


def csl_item(work: Work, record_id: int, accessed: date) -> dict:
    item = {
        "id": cite_key(work, record_id),
        "type": _kind(work, _CSL_TYPES, "webpage" if work.is_teaching_material else "document"),
        "title": work.title,
        "author": [_csl_name(creator) for creator in work.creators],
        "publisher": work.publisher,
        "URL": work.url,
        "DOI": work.doi,
        "ISBN": work.isbn,
        "number": work.patent_number,
        "abstract": work.abstract,
        "keyword": ", ".join(work.keywords),
        "language": work.language,
        "genre": work.type_label,
        "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
    }
    if work.issued:
        item["issued"] = {"date-parts": [[work.issued.year, work.issued.month, work.issued.day]]}
    elif work.year:
        item["issued"] = {"date-parts": [[work.year]]}
    return {key: value for key, value in item.items() if value}


def csl_json(work: Work, record_id: int, accessed: date) -> str:
    return json.dumps([csl_item(work, record_id, accessed)], ensure_ascii=False, indent=2)


# --- Dublin Core (OAI-PMH's oai_dc container) --------------------------------------

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"


def dublin_core(work: Work, record_id: int, accessed: date) -> str:
    root = ElementTree.Element(f"{{{OAI_DC}}}dc")
    values = [
        ("title", work.title),
        *[("creator", creator) for creator in work.creators],
        *[("subject", keyword) for keyword in work.keywords],
        ("description", work.abstract),
        ("publisher", work.publisher),
        ("date", work.issued.isoformat() if work.issued else str(work.year or "")),
        ("type", work.type_label),
        ("identifier", work.url),
        ("identifier", f"https://doi.org/{work.doi}" if work.doi else ""),
        ("language", work.language),
        ("rights", work.licence_url),
    ]
    for name, value in values:
        if value:
            ElementTree.SubElement(root, f"{{{DC}}}{name}").text = value
    return xml_text(root, {OAI_DC: "oai_dc", DC: "dc"}) + "\n"


FORMATS = {
    "bibtex": ExportFormat("BibTeX", "bib", "application/x-bibtex", bibtex),
    "ris": ExportFormat("RIS", "ris", "application/x-research-info-systems", ris),
    "csl-json": ExportFormat(
        "CSL-JSON", "json", "application/vnd.citationstyles.csl+json", csl_json
    ),
    "dc-xml": ExportFormat("Dublin Core XML", "xml", "application/xml", dublin_core),
}
