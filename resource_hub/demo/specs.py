"""What each demo record will be: plain data, decided by a seeded random generator.

Record n is the same every time for the same options (number of records and
of institutions, seed), so a second load finds every record it would create
already there. Nothing here touches the database.
"""

import math
from dataclasses import dataclass, field
from datetime import date
from random import Random

from django.utils.text import slugify

from . import identifiers, texts
from .institutions import COUNTRY_LANGUAGES, InstitutionRow
from .topics import ACHIEVEMENT_TYPES, FILE_FORMATS, MATERIAL_TYPES, TOPICS

SEED = 2026
SLUG_PREFIX = "demo-"
MAX_RECORDS = 10_000  # record numbers have four digits in the slugs


class State:
    """Where a record ends up in the workflow."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    PUBLIC = "released_public"
    REGISTERED = "released_registered"
    INSTITUTION = "released_institution"
    EMBARGOED = "embargoed"
    UNPUBLISHED = "unpublished"
    WITHDRAWN = "withdrawn"

    # Share of each state other than PUBLIC, which takes the rest (72% of 300).
    SHARES = {
        REGISTERED: 0.05,
        INSTITUTION: 0.05,
        DRAFT: 0.03,
        IN_REVIEW: 0.03,
        CHANGES_REQUESTED: 0.03,
        EMBARGOED: 0.03,
        UNPUBLISHED: 0.03,
        WITHDRAWN: 0.03,
    }
    ALL = (PUBLIC, *SHARES)


LICENCES = {
    "CC-BY-4.0": 40,
    "CC-BY-SA-4.0": 15,
    "CC-BY-NC-4.0": 10,
    "CC-BY-NC-SA-4.0": 15,
    "CC-BY-ND-4.0": 3,
    "CC-BY-NC-ND-4.0": 2,
    "CC0-1.0": 5,
    "LicenseRef-All-Rights-Reserved": 10,
}
KIND_WEIGHTS = {"university": 13, "vocational_college": 13, "research_institute": 10}
FIRST_YEAR, LAST_YEAR = 2015, 2026
# Records in these languages come with a Word file where others have a PDF: fpdf2
# needs text shaping (uharfbuzz) to draw Khmer and Burmese, and writes no ToUnicode
# entry for the shaped glyphs, so the PDF's text would come out garbled and could
# not be searched. Word keeps the text as written (documents.pdf would fall back
# to English).
NO_PDF_LANGUAGES = frozenset({"km", "my"})


@dataclass(frozen=True)
class CreatorSpec:
    name: str
    role: str
    affiliation: str
    orcid: str = ""


@dataclass(frozen=True)
class RecordSpec:
    index: int
    kind: str  # "material" or "achievement"
    type_slug: str
    topic: str
    level: str
    language: str
    institution: InstitutionRow
    state: str
    year: int
    licence: str
    variant: int
    creators: tuple[CreatorSpec, ...]
    contributing: tuple[InstitutionRow, ...] = ()
    translations: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    embargo_days: int = 0
    achievement: dict = field(default_factory=dict)  # doi, isbn, patent_number, ...

    @property
    def reviewed(self) -> bool:
        """Does the record go through the review workflow?

        Teachers submit their materials for review. Achievements are recorded by
        the institution's editors, who release them directly, unless the demo
        needs them in a review state.
        """
        in_review_states = {State.DRAFT, State.IN_REVIEW, State.CHANGES_REQUESTED}
        withdrawn_in_review = self.state == State.WITHDRAWN and self.index % 2
        return self.kind == "material" or self.state in in_review_states or withdrawn_in_review

    @property
    def author_role(self) -> str:
        return "teacher" if self.reviewed else "editor"

    @property
    def resource_type_code(self) -> str:
        return f"{self.kind}-{self.type_slug}"

    def title(self, language: str | None = None) -> str:
        return texts.title(language or self.language, **self._text_keys())

    def abstract(self, language: str | None = None) -> str:
        return texts.abstract(language or self.language, variant=self.variant, **self._text_keys())

    @property
    def slug(self) -> str:
        """Stable, readable and unique: "demo-0042-" and the English title's first words."""
        words = []
        for word in slugify(self.title("en")).split("-"):
            if len("-".join([*words, word])) > 50:
                break
            words.append(word)
        return f"{SLUG_PREFIX}{self.index:04d}-{'-'.join(words)}"

    def _text_keys(self) -> dict:
        return {
            "kind": self.kind,
            "type_slug": self.type_slug,
            "topic": self.topic,
            "level": self.level,
        }


def index_from_slug(slug: str) -> int | None:
    """The record number in a demo record's slug ("demo-0042-..." -> 42), else None."""
    number = slug[len(SLUG_PREFIX) : len(SLUG_PREFIX) + 4]
    if slug.startswith(SLUG_PREFIX) and number.isdigit():
        return int(number)
    return None


def build_specs(
    institutions: list[InstitutionRow], count: int, seed: int = SEED
) -> list[RecordSpec]:
    """`count` record specs spread over `institutions`, every language and state included."""
    # Seeded on purpose: the same records every time (S311 is about secrets).
    states = _states(count, Random(f"{seed}-states"))  # noqa: S311
    generators = [Random(f"{seed}-{i}") for i in range(count)]  # noqa: S311
    return [_spec(i, institutions, states[i], generators[i]) for i in range(count)]


def _states(count: int, rng: Random) -> list[str]:
    """Every state at least once (when count allows), PUBLIC for the rest, shuffled."""
    states = []
    for state, share in State.SHARES.items():
        states += [state] * max(1, math.floor(share * count + 0.5))
    states = states[:count]
    states += [State.PUBLIC] * (count - len(states))
    rng.shuffle(states)
    return states


def _weighted(rng: Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _home_and_language(index: int, institutions, rng: Random):
    if index < len(texts.LANGUAGES):
        # The first records take each language once, at an institution of a country
        # that writes it if the load has one (else a partner across the border).
        language = texts.LANGUAGES[index]
        local = [row for row in institutions if language in COUNTRY_LANGUAGES[row.country]]
        return (local or institutions)[index % len(local or institutions)], language
    weights = [KIND_WEIGHTS.get(row.kind, 7) for row in institutions]
    home = rng.choices(institutions, weights=weights)[0]
    return home, _weighted(rng, COUNTRY_LANGUAGES[home.country])


def _spec(index: int, institutions, state: str, rng: Random) -> RecordSpec:
    home, language = _home_and_language(index, institutions, rng)
    kind = "achievement" if index % 3 == 2 else "material"
    type_slug = rng.choice(ACHIEVEMENT_TYPES if kind == "achievement" else MATERIAL_TYPES)
    topic, level = _topic_and_level(rng, home)
    year = LAST_YEAR if state == State.EMBARGOED else rng.randint(FIRST_YEAR, LAST_YEAR)
    abroad = [row for row in institutions if row.country != home.country]
    contributing = tuple(rng.sample(abroad, k=min(len(abroad), rng.choice((1, 1, 2)))))
    if rng.random() >= 0.25:
        contributing = ()
    licence = _weighted(rng, LICENCES)
    if type_slug == "patent":
        licence = "LicenseRef-All-Rights-Reserved"
    files = ()
    if rng.random() < 0.34:
        first = FILE_FORMATS[type_slug]
        files = (first,) if rng.random() < 0.7 else (first, "docx" if first == "pdf" else "pdf")
        if language in NO_PDF_LANGUAGES:
            files = tuple(dict.fromkeys("docx" if name == "pdf" else name for name in files))
    return RecordSpec(
        index=index,
        kind=kind,
        type_slug=type_slug,
        topic=topic,
        level=level,
        language=language,
        institution=home,
        state=state,
        year=year,
        licence=licence,
        variant=rng.randrange(6),
        creators=_creators(rng, kind, type_slug, language, home, contributing),
        contributing=contributing,
        translations=_translations(rng, language, home),
        files=files,
        embargo_days=rng.randint(30, 365) if state == State.EMBARGOED else 0,
        achievement=_achievement(rng, index, kind, type_slug, language, home, year),
    )


def _topic_and_level(rng: Random, home: InstitutionRow) -> tuple[str, str]:
    """A topic and a level it is taught at; schools teach at school levels."""
    school_levels = ("primary", "secondary", "special")
    topics = sorted(TOPICS)
    if home.kind == "school":
        topics = [key for key in topics if set(TOPICS[key][1]) & set(school_levels)]
    topic = rng.choice(topics)
    levels = TOPICS[topic][1]
    if home.kind == "school":
        levels = [level for level in levels if level in school_levels]
    return topic, rng.choice(levels)


def _translations(rng: Random, language: str, home: InstitutionRow) -> tuple[str, ...]:
    if language != "en":
        return ("en",) if rng.random() < 0.4 else ()
    local = [code for code in COUNTRY_LANGUAGES[home.country] if code != "en"]
    return (local[0] if local else "zh",) if rng.random() < 0.3 else ()


def _role(kind: str, type_slug: str, position: int, last: bool) -> str:
    if type_slug == "patent":
        return "inventor"
    if type_slug == "competition-result":
        return "supervisor" if position == 0 else "contributor"
    if type_slug in ("report", "dataset", "software", "cooperation-agreement"):
        return "principal_investigator" if position == 0 else "co_author"
    if type_slug == "paper" and last and position > 0:
        return "corresponding_author"
    return "author" if position == 0 else "co_author"


def _names(rng: Random, language: str, home: InstitutionRow, k: int) -> list[str]:
    if language == "en":  # people of the institution's country, as written in English
        local = next(iter(COUNTRY_LANGUAGES[home.country]))
        pool = texts.creator_names(local if local in texts.LANGUAGES else "en", latin=True)
    else:
        pool = texts.creator_names(language)
    return rng.sample(pool, k=min(k, len(pool)))


def _creators(rng, kind, type_slug, language, home, contributing) -> tuple[CreatorSpec, ...]:
    count = rng.choices((1, 2, 3, 4), weights=(30, 35, 25, 10))[0]
    names = _names(rng, language, home, count)
    creators = []
    for position, name in enumerate(names):
        affiliation = home.name_en
        if contributing and position == len(names) - 1 and position > 0:
            partner = contributing[0]
            affiliation = partner.name_en
            local = next(iter(COUNTRY_LANGUAGES[partner.country]))
            # A partner from another language area is written in Latin script.
            name = rng.choice(texts.creator_names(local, latin=local != language))
        role = _role(kind, type_slug, position, position == len(names) - 1)
        orcid = identifiers.orcid(rng) if rng.random() < 0.6 else ""
        creators.append(CreatorSpec(name=name, role=role, affiliation=affiliation, orcid=orcid))
    return tuple(creators)


def _achievement(rng: Random, index, kind, type_slug, language, home, year) -> dict:
    if kind != "achievement":
        return {}
    words = texts.bundle(language)
    fields = {"achievement_date": date(year, rng.randint(1, 10), rng.randint(1, 28))}
    doi_share = {"paper": 1, "dataset": 1, "software": 0.7, "report": 0.5, "standard": 0.3}
    if rng.random() < doi_share.get(type_slug, 0):
        fields["doi"] = identifiers.doi(year=year, number=index)
    if type_slug == "textbook" or (type_slug == "report" and rng.random() < 0.3):
        fields["isbn"] = identifiers.isbn13(rng)
    if type_slug == "patent":
        fields["patent_number"] = identifiers.patent_number(rng, home.country)
    if type_slug == "award":
        fields["award_name"] = rng.choice(words.AWARDS)
    if type_slug == "competition-result":
        fields["award_name"] = rng.choice(words.COMPETITIONS)
    return fields
