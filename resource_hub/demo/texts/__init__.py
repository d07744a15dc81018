"""The words of the demo records: one module per language, all with the same names.

A record's title and abstract are put together from a template of its type,
its topic and its level, in its language, so a few hundred records read
naturally without a few hundred hand-written texts. Every module defines:

- TOPICS, LEVELS: phrases for the keys of `demo.topics`
- MATERIAL_TITLES, ACHIEVEMENT_TITLES: a title template per resource type
- MATERIAL_ABSTRACTS: a few abstract templates for teaching materials
- ACHIEVEMENT_OPENERS (per type) and ACHIEVEMENT_CLOSERS: an achievement's abstract
- MATERIAL_SECTIONS, ACHIEVEMENT_SECTIONS: (heading, paragraph) pairs for the files
- LABELS: "abstract", "keywords", "creators" headings for the files
- AWARDS, COMPETITIONS: names of awards and skills competitions
- CREATORS: people's names as they are written in the language, and, for
  languages not written in Latin script, CREATORS_LATIN: the same people's
  names (in the same order) as they appear in work in other languages

Templates use {topic} and {level}.
"""

from functools import cache
from importlib import import_module
from types import ModuleType

from django.utils.text import capfirst

LANGUAGES = ("zh", "en", "th", "vi", "id", "ms", "fil", "km", "lo", "my")
LATIN_SCRIPT = frozenset({"en", "vi", "id", "ms", "fil"})


@cache
def bundle(language: str) -> ModuleType:
    """The module of words for `language` (an ISO 639 code of LANGUAGES)."""
    if language not in LANGUAGES:
        raise KeyError(f"no demo texts in {language!r}")
    # "id" is also a Python builtin's name, hence the "_" prefix of the modules.
    return import_module(f"{__name__}._{language}")


def _slots(words: ModuleType, topic: str, level: str) -> dict[str, str]:
    return {"topic": words.TOPICS[topic], "level": words.LEVELS[level]}


def title(language: str, *, kind: str, type_slug: str, topic: str, level: str) -> str:
    words = bundle(language)
    templates = words.MATERIAL_TITLES if kind == "material" else words.ACHIEVEMENT_TITLES
    return capfirst(templates[type_slug].format(**_slots(words, topic, level)))


def abstract(
    language: str, *, kind: str, type_slug: str, topic: str, level: str, variant: int
) -> str:
    words = bundle(language)
    slots = _slots(words, topic, level)
    if kind == "material":
        templates = words.MATERIAL_ABSTRACTS
        text = templates[variant % len(templates)].format(**slots)
    else:
        closers = words.ACHIEVEMENT_CLOSERS
        opener = words.ACHIEVEMENT_OPENERS[type_slug].format(**slots)
        text = f"{opener}{words.SENTENCE_GAP}{closers[variant % len(closers)]}"
    return capfirst(text)


def sections(language: str, *, kind: str, topic: str, level: str) -> list[tuple[str, str]]:
    """Headings and paragraphs for the body of a record's files."""
    words = bundle(language)
    pairs = words.MATERIAL_SECTIONS if kind == "material" else words.ACHIEVEMENT_SECTIONS
    slots = _slots(words, topic, level)
    return [(heading, capfirst(text.format(**slots))) for heading, text in pairs]


def keywords(language: str, *, topic: str, level: str) -> list[str]:
    """The topic in the record's language and in English, and the level."""
    words = bundle(language)
    english = bundle("en")
    found = [words.TOPICS[topic], english.TOPICS[topic], words.LEVELS[level]]
    return list(dict.fromkeys(found))  # English records would repeat themselves


def creator_names(language: str, *, latin: bool = False) -> tuple[str, ...]:
    """People's names of a language, in its own script or (latin=True) as written in English."""
    words = bundle(language)
    if latin and language not in LATIN_SCRIPT:
        return words.CREATORS_LATIN
    return words.CREATORS


def romanized(name: str) -> str:
    """A name from a CREATORS list as written in Latin script (unchanged if it already is)."""
    for language in LANGUAGES:
        words = bundle(language)
        if language not in LATIN_SCRIPT and name in words.CREATORS:
            return words.CREATORS_LATIN[words.CREATORS.index(name)]
    return name
