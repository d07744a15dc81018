"""Vocabulary names in a query: a subject, level or resource type in any language → its code.

Records are filed under codes (ISCED-F "081", "sector-vocational",
"material-lesson-plan"), and every entry carries its name in each language of
the site (`resource_hub.core.vocabularies.Vocabulary.labels`, and `name_en`).
A reader who types "农业", "เกษตร", "Nông nghiệp" or "agriculture" names field
081 whatever language its records are written in; `text_query` then also
searches `subjects`, `levels` and `resource_type` for those codes.

`label_index` and `query_codes` are pure; `vocabulary_index` reads the
entries once per process (three queries) and is forgotten when one is saved.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

from .pinyin import has_han

#: Index field → the vocabulary model (in resource_hub.core.vocabularies) it holds codes of.
FIELDS = {"subjects": "SubjectField", "levels": "EducationLevel", "resource_type": "ResourceType"}
#: In a script written without spaces, a query word that begins a one-word name
#: names it when it is at least this share of it ("เกษตร" → "เกษตรศาสตร์").
PREFIX_SHARE = 0.4
MIN_LENGTH = 2

_SEPARATORS = re.compile(r"[\s,.;:!?()\[\]{}/\\|\"'“”‘’、，。；：（）「」《》]+")

LabelIndex = Mapping[str, frozenset[tuple[str, str]]]


def normalise(text: str) -> str:
    """Lower case, punctuation as spaces, Latin without diacritics, Chinese in Simplified.

    Only Latin letters lose their marks (Vietnamese typed without them): in
    Thai, Khmer, Lao and Burmese the vowel signs are marks, and words.
    Traditional characters fold to Simplified as the index folds them, so
    "職業教育" names what "职业教育" names.
    """
    text = simplified(text)
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("đ", "d"))
    kept = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and _is_latin(kept[-1]):
            continue
        kept.append(char)
    composed = unicodedata.normalize("NFC", "".join(kept))
    return " ".join(_SEPARATORS.sub(" ", composed).split())


@cache
def _to_simplified():
    # Loaded on the first Chinese query (~7 MB of dictionaries), not at import:
    # a worker that only serves files never needs it.
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` with its Traditional Chinese characters as Simplified (OpenCC's t2s);
    text without Chinese comes back as it is, without loading the dictionaries."""
    return _to_simplified().convert(text) if has_han(text) else text


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _spaced(text: str) -> bool:
    """Whether words of `text` are set apart by spaces (Latin and the like)."""
    return any(_is_latin(char) for char in text)


def label_index(entries: Iterable[tuple[str, str, Iterable[str]]]) -> LabelIndex:
    """Normalised name → the (field, code) pairs it names, from (field, code, names) rows."""
    index: dict[str, set[tuple[str, str]]] = {}
    for field, code, names in entries:
        for name in names:
            key = normalise(name or "")
            if len(key) >= MIN_LENGTH:
                index.setdefault(key, set()).add((field, code))
    return {key: frozenset(pairs) for key, pairs in index.items()}


def query_codes(q: str, index: LabelIndex) -> dict[str, tuple[str, ...]]:
    """Field → codes of the entries `q` names, the longest name first where names overlap.

    A name matches as whole words in spaced scripts ("arts" is not in
    "martial"), anywhere in the others; "职业教育" names vocational education
    and not, through its "教育", the field of education.
    """
    text = normalise(q)
    if not text:
        return {}
    found: list[tuple[int, int, str]] = []
    # A plain substring test first: of ~1,500 names a query holds a handful, and a
    # pattern per name (over re's cache of 512) cost ~60 ms per search.
    for name in (name for name in index if name in text):
        pattern = rf"(?<!\w){re.escape(name)}(?!\w)" if _spaced(name) else re.escape(name)
        found.extend((m.start(), m.end(), name) for m in re.finditer(pattern, text))
    taken: list[tuple[int, int]] = []
    names: list[str] = []
    for start, end, name in sorted(found, key=lambda item: item[0] - item[1]):  # longest first
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            names.append(name)
    for word in text.split():
        if _spaced(word) or len(word) < MIN_LENGTH or word in names:
            continue
        names.extend(
            name
            for name in index
            if " " not in name
            and name.startswith(word)
            and len(word) >= PREFIX_SHARE * len(name)
            and not any(word in taken_name for taken_name in names)
        )
    codes: dict[str, set[str]] = {}
    for name in names:
        for field, code in index[name]:
            codes.setdefault(field, set()).add(code)
    return {field: tuple(sorted(values)) for field, values in sorted(codes.items())}


@cache
def vocabulary_index() -> LabelIndex:
    """Every active and retired entry's names in every language (read once per process)."""
    from django.apps import apps  # inside: read when first searched, not at import

    rows = []
    for field, model_name in FIELDS.items():
        model = apps.get_model("core", model_name)
        for code, name_en, labels in model.objects.values_list("code", "name_en", "labels"):
            rows.append((field, code, [name_en, *(labels or {}).values()]))
    return label_index(rows)


def forget_vocabulary(sender=None, **kwargs) -> None:
    """An entry was saved or deleted: read them again on the next search."""
    if sender is None or sender.__name__ in FIELDS.values():
        vocabulary_index.cache_clear()
