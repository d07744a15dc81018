"""How to cite a record: APA 7 and GB/T 7714-2015, as pure functions.

They read a `Work` (plain data, built from a record by `records.exports.work_of`),
so the rules can be tested without a database. Names are the hard part here:
Chinese, Vietnamese and (romanised) Chinese names put the family name first,
Western names last, and names in Chinese, Thai, Khmer, Lao or Burmese script
are cited whole, as written (Thai and Burmese names have no family name to
invert). A creator can always force the split by writing "Family, Given".
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

# Scripts whose names are cited as written: Han, Hiragana/Katakana, Hangul, Thai,
# Lao, Myanmar, Khmer.
_WHOLE_NAME_SCRIPTS = re.compile(
    "[\u4e00-\u9fff\u3400-\u4dbf\u3040-\u30ff\uac00-\ud7af"
    "\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
_CJK = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")

# Common Vietnamese family names (written without diacritics, lower case): a name
# that starts with one is family-name-first ("Nguyễn Văn An").
_VIETNAMESE_FAMILY = {
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui",
    "do", "ho", "ngo", "duong", "ly", "dinh", "trinh", "doan", "lam", "mai", "truong",
}  # fmt: skip

# Common Chinese family names in Hanyu Pinyin: "Li Wei", "Wang Xiaoming", "Ouyang Min".
_PINYIN_FAMILY = {
    "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu",
    "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie",
    "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong",
    "yuan", "pan", "jiang", "cai", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding",
    "ren", "shen", "yao", "jin", "fu", "fang", "bai", "cui", "kang", "mao", "qiu", "qin",
    "shi", "gu", "hou", "shao", "meng", "long", "wan", "duan", "lei", "qian", "tan",
    "yin", "yi", "chang", "qiao", "lai", "gong", "wen", "ouyang", "situ", "zhuge",
}  # fmt: skip
_PINYIN_SYLLABLES = re.compile(
    r"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|"
    r"ua|uo|ui|ue|er|a|e|i|o|u|v))+$"
)

# Particles that belong to the family name: "Josefina Dela Cruz", "Ludwig van Beethoven".
_PARTICLES = {
    "de",
    "del",
    "dela",
    "delos",
    "van",
    "von",
    "der",
    "den",
    "da",
    "di",
    "dos",
    "du",
    "la",
}

MAX_GBT_CREATORS = 3
MAX_APA_CREATORS = 20

# GB/T 7714-2015 document type codes (table B.1), by our resource type code.
GBT_TYPE_CODES = {
    "achievement-paper": "J",
    "achievement-report": "R",
    "achievement-patent": "P",
    "achievement-software": "CP",
    "achievement-dataset": "DS",
    "achievement-standard": "S",
    "achievement-textbook": "M",
    "material-textbook": "M",
    "material-dataset": "DS",
    "achievement-award": "Z",
    "achievement-competition-result": "Z",
    "achievement-cooperation-agreement": "Z",
}
GBT_DEFAULT_CODE = "EB"  # an online teaching resource: electronic resource


@dataclass(frozen=True)
class Name:
    family: str
    given: str = ""
    whole: bool = False  # cited exactly as written

    @property
    def display(self) -> str:
        return self.family if self.whole else f"{self.given} {self.family}".strip()


@dataclass(frozen=True)
class Work:
    """What a citation or an export needs to know about a record."""

    title: str
    creators: list[str] = field(default_factory=list)
    year: int | None = None
    type_code: str = ""  # our ResourceType code, e.g. "achievement-paper"
    type_label: str = ""  # in English, e.g. "Lesson plan"
    publisher: str = ""  # the institution holding the record
    language: str = ""  # ISO 639 code of the record's original language
    url: str = ""
    english_title: str = ""  # a translated title, for APA's [bracketed translation]
    doi: str = ""
    isbn: str = ""
    patent_number: str = ""
    issued: date | None = None
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)
    licence_url: str = ""
    is_teaching_material: bool = False
    orcids: list[str] = field(default_factory=list)  # parallel to creators, "" if none


def _plain(text: str) -> str:
    return (
        "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        .replace("đ", "d")
        .replace("Đ", "D")
    )


def _is_pinyin(token: str) -> bool:
    return bool(_PINYIN_SYLLABLES.match(token.lower().replace("-", "").replace("'", "")))


def split_name(raw: str) -> Name:
    """Family and given names of a creator, following the name's own convention."""
    name = " ".join(raw.split())
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return Name(family=family, given=given)
    tokens = name.split(" ")
    if _WHOLE_NAME_SCRIPTS.search(name) or len(tokens) == 1:
        return Name(family=name, whole=True)
    first = _plain(tokens[0]).lower()
    if first in _VIETNAMESE_FAMILY and _plain(name) != name:
        return Name(family=tokens[0], given=" ".join(tokens[1:]))
    if first in _PINYIN_FAMILY and all(_is_pinyin(token) for token in tokens[1:]):
        return Name(family=tokens[0], given=" ".join(tokens[1:]))
    if first in _VIETNAMESE_FAMILY and len(tokens) >= 3:
        return Name(family=tokens[0], given=" ".join(tokens[1:]))
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1].lower() in _PARTICLES:
        start -= 1
    return Name(family=" ".join(tokens[start:]), given=" ".join(tokens[:start]))


def _initials(given: str, *, dots: bool) -> list[str]:
    """One initial per given name; "Jean-Paul" keeps its hyphen in APA ("J.-P.")."""
    initials = []
    for token in given.split():
        parts = [part for part in token.split("-") if part]
        if dots:
            initials.append("-".join(f"{part[0]}." for part in parts))
        else:
            initials.extend(part[0] for part in parts)
    return initials


def apa_name(raw: str) -> str:
    name = split_name(raw)
    if name.whole or not name.given:
        return name.family
    return f"{name.family}, {' '.join(_initials(name.given, dots=True))}"


def gbt_name(raw: str) -> str:
    name = split_name(raw)
    if name.whole or _CJK.search(name.family):
        return name.family if name.whole else f"{name.family}{name.given}"
    family = name.family.upper()
    initials = " ".join(initial.upper() for initial in _initials(name.given, dots=False))
    return f"{family} {initials}".strip()


def apa_authors(creators: list[str]) -> str:
    names = [apa_name(creator) for creator in creators]
    if len(names) > MAX_APA_CREATORS:  # APA 7: the first 19, an ellipsis, the last
        return ", ".join(names[:19]) + ", . . . " + names[-1]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + ", & " + names[-1]


def gbt_authors(creators: list[str], *, language: str) -> str:
    names = [gbt_name(creator) for creator in creators]
    if len(names) > MAX_GBT_CREATORS:
        more = "等" if language == "zh" else "et al"
        names = [*names[:MAX_GBT_CREATORS], more]
    return ", ".join(names)


def _end(text: str) -> str:
    """An element of a reference ends with one full stop."""
    return text if text.endswith((".", "?", "!", "。")) else f"{text}."


def apa_parts(work: Work) -> tuple[str, str, str]:
    """APA 7 reference as (before the title, the title in italics, after it)."""
    year = f"({work.year})" if work.year else "(n.d.)"
    bracket = ""
    if work.english_title and work.language != "en" and work.english_title != work.title:
        bracket = f" [{work.english_title}]"  # APA 7 10.2: a translation of a non-English title
    description = f" [{work.type_label}]" if work.type_label else ""
    authors = apa_authors(work.creators)
    source = []
    if work.publisher and work.publisher != authors:
        source.append(_end(work.publisher))
    link = f"https://doi.org/{work.doi}" if work.doi else work.url
    if link:
        source.append(link)
    source_text = (" " + " ".join(source)) if source else ""
    if authors:
        return f"{_end(authors)} {year}. ", work.title, f"{bracket}{description}.{source_text}"
    # No author: the title moves to the author's place (APA 7, 9.12).
    return "", work.title, f"{bracket}{description}. {year}.{source_text}"


def apa(work: Work) -> str:
    return "".join(apa_parts(work))


def gbt_type_code(work: Work) -> str:
    code = GBT_TYPE_CODES.get(work.type_code, GBT_DEFAULT_CODE)
    return f"{code}/OL" if work.url else code


def gbt7714(work: Work, *, accessed: date | None = None) -> str:
    """GB/T 7714-2015 reference (sequential-numbering style, without the number)."""
    parts = []
    authors = gbt_authors(work.creators, language=work.language)
    if authors:
        parts.append(_end(authors))
    title = work.title
    if work.patent_number:
        title = f"{title}: {work.patent_number}"
    parts.append(f"{title}[{gbt_type_code(work)}].")
    when = work.issued.isoformat() if work.type_code.endswith("patent") and work.issued else ""
    when = when or (str(work.year) if work.year else "")
    published = ", ".join(item for item in (work.publisher, when) if item)
    if work.type_code.endswith("patent"):
        published = when
    if work.url and accessed:
        published = f"{published}[{accessed.isoformat()}]"
    if published:
        parts.append(f"{published}.")
    if work.url:
        parts.append(f"{work.url}.")
    if work.doi:
        parts.append(f"DOI:{work.doi}.")
    return " ".join(parts)
