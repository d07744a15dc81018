"""Vocabulary values as people write them in a sheet: a code, or a name in English or Chinese.

The vocabularies are read once per import (a few hundred rows), so checking a
thousand-row sheet costs no query per cell. A code always wins; a name is
compared without regard to case, width or spacing ("Lesson Plan", "lesson
plan", "教案"). A name shared by several entries is an error that lists their
codes, except for ISCED-F fields, where a name that a field shares with the
fields under it ("Forestry": 082 and 0821) means the most specific one.
Only active entries count: a retired code cannot be chosen for new records.
"""

import unicodedata

from django.utils.translation import gettext as _
from django.utils.translation import override

from resource_hub.core.vocabularies import (
    EducationLevel,
    Language,
    Licence,
    ResourceType,
    SubjectField,
)
from resource_hub.events.models import EventPage
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.models import AccessLevel, AchievementPage, TeachingResourcePage

from .columns import ACHIEVEMENT, MATERIAL

RECORD_CLASSES = {MATERIAL: TeachingResourcePage, ACHIEVEMENT: AchievementPage}
#: The site's languages whose names a sheet may use, besides the codes.
NAME_LANGUAGES = ("en", "zh-hans")


class Unknown(ValueError):
    """The value names no entry, or several: the message says which and what to write."""


def key(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(value)).casefold().split())


class _Index:
    def __init__(self, what: str):
        self.what = what
        self.codes: dict[str, object] = {}
        self.names: dict[str, list] = {}

    def add(self, entry, code: str, *names: str) -> None:
        self.codes[key(code)] = entry
        for name in names:
            if name:
                found = self.names.setdefault(key(name), [])
                if entry not in found:
                    found.append(entry)

    def find(self, value: str, *, narrow=None):
        wanted = key(value)
        if wanted in self.codes and (narrow is None or narrow([self.codes[wanted]])):
            return self.codes[wanted]
        found = self.names.get(wanted, [])
        if narrow is not None:
            found = narrow(found)
        if len(found) == 1:
            return found[0]
        if not found:
            raise Unknown(
                _("“%(value)s” is not one of the %(what)s.") % {"value": value, "what": self.what}
            )
        raise Unknown(
            _("“%(value)s” could mean several %(what)s (%(codes)s); write the code instead.")
            % {"value": value, "what": self.what, "codes": ", ".join(str(e.pk) for e in found)}
        )


class Lookups:
    """Every vocabulary and choice a sheet may name, read once."""

    def __init__(self):
        self.languages = _vocabulary(Language, extra=lambda e: [e.name_native])
        self.licences = _vocabulary(Licence)
        self.subjects = _vocabulary(SubjectField)
        self.levels = _vocabulary(EducationLevel)
        self.resource_types = _vocabulary(ResourceType)
        self.kinds = _choices(
            _("kinds of record (material, achievement)"),
            {
                MATERIAL: [ResourceType.AppliesTo.MATERIAL.label, "teaching resource"],
                ACHIEVEMENT: [ResourceType.AppliesTo.ACHIEVEMENT.label, "achievement"],
            },
            verbose={
                MATERIAL: TeachingResourcePage._meta.verbose_name,
                ACHIEVEMENT: AchievementPage._meta.verbose_name,
            },
        )
        self.access = _choices(
            _("access levels (public, registered, institution)"),
            {level.value: [level.label] for level in AccessLevel},
        )
        # By slug only: the editions of an event share a name in some languages.
        self.events = {page.slug: page for page in EventPage.objects.live().only("pk", "slug")}
        self.institutions = _Index(_("institutions"))
        for page in InstitutionPage.objects.only("pk", "slug", "title", "name_local"):
            self.institutions.add(page, page.slug, page.title, page.name_local)

    def language(self, value: str) -> Language:
        return self.languages.find(value)

    def licence(self, value: str) -> Licence:
        return self.licences.find(value)

    def level(self, value: str) -> EducationLevel:
        return self.levels.find(value)

    def institution(self, value: str) -> InstitutionPage:
        return self.institutions.find(value)

    def event(self, value: str) -> EventPage:
        found = self.events.get(value.strip().strip("/").rsplit("/", 1)[-1].lower())
        if found is None:
            raise Unknown(
                _(
                    "“%(value)s” is not the slug of a released event; write the last part "
                    "of the event page's web address."
                )
                % {"value": value}
            )
        return found

    def kind(self, value: str) -> str:
        return self.kinds.find(value)

    def access_level(self, value: str) -> str:
        return self.access.find(value)

    def subject(self, value: str) -> SubjectField:
        return self.subjects.find(value, narrow=_most_specific)

    def resource_type(self, value: str, *, kind: str | None) -> ResourceType:
        """The type; of `kind` when it is known (names like "Textbook" exist for both)."""
        if kind is None:
            return self.resource_types.find(value)
        try:
            return self.resource_types.find(
                value, narrow=lambda found: [e for e in found if e.applies_to == kind]
            )
        except Unknown:
            other = self.resource_types.codes.get(key(value))
            if other is not None:  # a code of the other kind: say so
                raise Unknown(
                    _("“%(value)s” is a type of %(other)s, not of %(kind)s.")
                    % {
                        "value": value,
                        "other": ResourceType.AppliesTo(other.applies_to).label,
                        "kind": ResourceType.AppliesTo(kind).label,
                    }
                ) from None
            raise


def _names(entry) -> list[str]:
    return [entry.name_en, *entry.labels.values()]


def _vocabulary(model, *, extra=lambda entry: []) -> _Index:
    index = _Index(model._meta.verbose_name_plural)
    for entry in model.objects.active():
        index.add(entry, entry.pk, *_names(entry), *extra(entry))
    return index


class _Choice(str):
    """A choice's value as an index entry (its `pk` is the value, for messages)."""

    @property
    def pk(self) -> str:
        return str(self)


def _choices(what, names: dict[str, list], verbose: dict | None = None) -> _Index:
    index = _Index(what)
    for value, labels in names.items():
        translated = []
        for language in NAME_LANGUAGES:
            with override(language):
                translated += [str(label) for label in labels]
                if verbose:
                    translated.append(str(verbose[value]))
        index.add(_Choice(value), value, *translated)
    return index


def _most_specific(found: list) -> list:
    """ISCED-F fields named alike along one line of descent: the deepest of them."""
    if len(found) < 2:
        return found
    deepest = max(found, key=lambda entry: len(entry.pk))
    if all(deepest.pk.startswith(entry.pk) for entry in found):
        return [deepest]
    return found
