"""Controlled vocabularies: the international standards records are described with.

Records from different countries compare only if they use the same codes, so
each entry's primary key is the standard's own code (ISCED-F "0613", ISO 639
"th", ISO 3166 "VN", SPDX "CC-BY-4.0"...), which records, the search index and
the API use as a stable value. The English name comes from the standard; the
`labels` carry translations, one per language of the site. Entries are retired
with `is_active`, never deleted, because released records keep pointing at them.
The shipped entries are loaded by data migration 0003 (see `vocabulary_data`).
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .validators import validate_labels


class VocabularyQuerySet(models.QuerySet):
    def active(self):
        """Entries that may be chosen for new and edited records."""
        return self.filter(is_active=True)


class Vocabulary(models.Model):
    """What every vocabulary entry has besides its code."""

    name_en = models.CharField(_("English name"), max_length=255)
    labels = models.JSONField(
        _("translated labels"),
        default=dict,
        blank=True,
        validators=[validate_labels],
        help_text=_('The name in other languages of the site, e.g. {"zh-hans": "数学"}.'),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("sort order"), default=0, help_text=_("Lower numbers are listed first.")
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Retired entries stay on existing records but cannot be chosen for new ones."),
    )

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.label

    def label_for(self, language: str | None) -> str:
        """The label in `language` ("zh-hans"; "th-th" falls back to "th"), else English."""
        if language:
            language = language.lower()
            for candidate in (language, language.split("-")[0]):
                if self.labels.get(candidate):
                    return self.labels[candidate]
        return self.name_en

    @property
    def label(self) -> str:
        """The label in the active language of the request."""
        return self.label_for(get_language())


class SubjectField(Vocabulary):
    """A field of education and training of ISCED-F 2013 (UNESCO).

    Broad fields have two digits, narrow fields three and detailed fields four;
    a narrow or detailed field's parent is the field its code starts with.
    """

    class Level(models.TextChoices):
        BROAD = "broad", _("Broad field")
        NARROW = "narrow", _("Narrow field")
        DETAILED = "detailed", _("Detailed field")

    code = models.CharField(
        _("ISCED-F code"),
        max_length=4,
        primary_key=True,
        validators=[RegexValidator(r"^\d{2,4}$", _("An ISCED-F code has 2, 3 or 4 digits."))],
    )
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent field"),
        help_text=_("Empty for a broad field."),
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("subject (ISCED-F)")
        verbose_name_plural = _("subjects (ISCED-F)")

    def clean(self):
        """The level and the parent must be the ones the code implies."""
        level = {2: self.Level.BROAD, 3: self.Level.NARROW, 4: self.Level.DETAILED}
        if len(self.code) not in level:
            return  # the code's own validator reports it
        errors = {}
        if self.level != level[len(self.code)]:
            errors["level"] = _("A code of %(n)d digits needs the level “%(level)s”.") % {
                "n": len(self.code),
                "level": level[len(self.code)].label,
            }
        parent = self.code[:-1] if len(self.code) > 2 else None
        if self.parent_id != parent:
            errors["parent"] = (
                _("The parent must be field %(code)s.") % {"code": parent}
                if parent
                else _("A broad field has no parent.")
            )
        if errors:
            raise ValidationError(errors)

    @property
    def ancestor_codes(self) -> list[str]:
        """Codes of the broad and narrow fields above this one, without a query."""
        return [self.code[:length] for length in (2, 3) if length < len(self.code)]


class EducationLevel(Vocabulary):
    """An ISCED 2011 level, or one of the sectors people in the region file by."""

    class Kind(models.TextChoices):
        LEVEL = "level", _("ISCED 2011 level")
        SECTOR = "sector", _("Sector")

    code = models.CharField(
        _("code"),
        max_length=32,
        primary_key=True,
        validators=[
            RegexValidator(
                r"^(isced-\d|sector-[a-z-]+)$",
                _('Use "isced-" and the level digit, or "sector-" and a name.'),
            )
        ],
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)

    class Meta(Vocabulary.Meta):
        verbose_name = _("education level or sector")
        verbose_name_plural = _("education levels and sectors")


class ResourceType(Vocabulary):
    """What a record is: an LRMI learning resource type, or a kind of achievement.

    Codes start with what they apply to ("material-textbook",
    "achievement-textbook"), so they stay unique across both kinds.
    """

    class AppliesTo(models.TextChoices):
        MATERIAL = "material", _("Teaching material")
        ACHIEVEMENT = "achievement", _("Achievement")

    code = models.SlugField(
        _("code"), max_length=64, primary_key=True, help_text=_('e.g. "material-lesson-plan".')
    )
    applies_to = models.CharField(_("applies to"), max_length=16, choices=AppliesTo.choices)
    lrmi_term = models.CharField(
        _("LRMI term"),
        max_length=100,
        blank=True,
        help_text=_('The value of schema.org/LRMI learningResourceType, e.g. "lesson plan".'),
    )
    uri = models.CharField(
        _("concept URI"),
        max_length=255,
        blank=True,
        help_text=_(
            "The matching LRMI Learning Resource Type concept, or else schema.org type, if any."
        ),
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(applies_to="material", code__startswith="material-")
                    | models.Q(applies_to="achievement", code__startswith="achievement-")
                ),
                name="resource_type_code_starts_with_applies_to",
                violation_error_message=_(
                    'The code must start with "material-" or "achievement-", as it applies to.'
                ),
            )
        ]


class Language(Vocabulary):
    """A language, by ISO 639-1 code where there is one, else ISO 639-3 ("fil", "tet")."""

    code = models.CharField(
        _("ISO 639 code"),
        max_length=3,
        primary_key=True,
        validators=[RegexValidator(r"^[a-z]{2,3}$", _("Use 2 or 3 lower-case letters."))],
    )
    name_native = models.CharField(_("name in the language itself"), max_length=100)
    script = models.CharField(
        _("script"),
        max_length=4,
        validators=[RegexValidator(r"^[A-Z][a-z]{3}$", _('Use an ISO 15924 code, e.g. "Latn".'))],
        help_text=_('ISO 15924 code of the usual script, e.g. "Latn", "Thai", "Hani".'),
    )
    written_without_spaces = models.BooleanField(
        _("written without spaces between words"),
        default=False,
        help_text=_("Search must then segment words itself (Chinese, Thai, Khmer, Lao, Burmese)."),
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class Country(Vocabulary):
    """A country by ISO 3166-1 alpha-2 code: China, the ASEAN members and partners."""

    code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        primary_key=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use 2 upper-case letters, e.g. VN."))],
    )
    name_local = models.CharField(_("local name"), max_length=100)
    is_asean_member = models.BooleanField(_("ASEAN member"), default=False)
    asean_member_since = models.PositiveSmallIntegerField(
        _("ASEAN member since"), null=True, blank=True
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(is_asean_member=True, asean_member_since__isnull=False)
                    | models.Q(is_asean_member=False, asean_member_since__isnull=True)
                ),
                name="country_asean_member_has_year",
                violation_error_message=_(
                    "An ASEAN member needs the year it joined, and only a member has one."
                ),
            )
        ]


class Licence(Vocabulary):
    """The terms a record may be reused under, by SPDX licence id."""

    code = models.CharField(
        _("SPDX id"),
        max_length=64,
        primary_key=True,
        validators=[RegexValidator(r"^[A-Za-z0-9.+-]+$", _('Use an SPDX id, e.g. "CC-BY-4.0".'))],
        help_text=_('A licence outside SPDX\'s list uses "LicenseRef-" and a name.'),
    )
    url = models.CharField(
        _("licence URL"), max_length=255, blank=True, help_text=_("The official deed or text.")
    )
    allows_reuse = models.BooleanField(_("allows reuse"), default=False)
    allows_commercial = models.BooleanField(_("allows commercial use"), default=False)
    allows_derivatives = models.BooleanField(_("allows adaptations"), default=False)

    class Meta(Vocabulary.Meta):
        verbose_name = _("licence")
        verbose_name_plural = _("licences")
