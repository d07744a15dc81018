"""What every record has, whatever its type.

`RecordPage` is the shared base of teaching resources and achievements. It is
a concrete (multi-table) base that no one creates directly, rather than an
abstract model: creators, files, translations and related records then point
at one table, a related record may be of either type, and listings and the
search index read both types in one query.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.models import Orderable, Page

from resource_hub.core.validators import normalise_orcid, validate_orcid
from resource_hub.institutions.models import InstitutionPage
from resource_hub.stats.models import Metric
from resource_hub.stats.recording import record_event


class AccessLevel(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    REGISTERED = "registered", _("Registered users")
    INSTITUTION = "institution", _("Members of the institution")


class CreatorRole(models.TextChoices):
    AUTHOR = "author", _("Author")
    CO_AUTHOR = "co_author", _("Co-author")
    CORRESPONDING_AUTHOR = "corresponding_author", _("Corresponding author")
    PRINCIPAL_INVESTIGATOR = "principal_investigator", _("Principal investigator")
    SUPERVISOR = "supervisor", _("Supervisor")
    INVENTOR = "inventor", _("Inventor")
    # A book's editor, not the institution's reviewer ("editor" in the workflow).
    EDITOR = "editor", pgettext_lazy("creator role", "Editor")
    TRANSLATOR = "translator", _("Translator")
    CONTRIBUTOR = "contributor", _("Contributor")


class RecordKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "records.RecordPage", on_delete=models.CASCADE, related_name="keyword_items"
    )


class RecordPage(Page):
    """A released or draft record: a teaching resource or an achievement."""

    abstract = models.TextField(
        _("abstract"), help_text=_("What the record is about, in its original language.")
    )
    keywords = ClusterTaggableManager(
        through=RecordKeyword,
        blank=True,
        verbose_name=_("keywords"),
        help_text=_("Words people would search for, in any language."),
    )
    language = models.ForeignKey(
        "core.Language",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("original language"),
    )
    contributing_institutions = ParentalManyToManyField(
        "institutions.InstitutionPage",
        blank=True,
        related_name="contributed_records",
        verbose_name=_("contributing institutions"),
        help_text=_("Other institutions that took part, in any country."),
    )
    subject = models.ForeignKey(
        "core.SubjectField",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("subject"),
        help_text=_("The ISCED-F 2013 field, as specific as you can."),
    )
    education_levels = ParentalManyToManyField(
        "core.EducationLevel",
        blank=True,
        related_name="+",
        verbose_name=_("levels and sectors"),
    )
    resource_type = models.ForeignKey(
        "core.ResourceType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("type"),
    )
    licence = models.ForeignKey(
        "core.Licence",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("licence"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    external_id = models.CharField(
        _("external identifier"),
        max_length=255,
        blank=True,
        db_index=True,
        help_text=_(
            "The record's identifier in the institution's own catalogue; bulk import "
            "finds the record again by it, so importing a sheet twice creates no duplicates."
        ),
    )
    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="records",
        verbose_name=_("released at"),
        help_text=_("The event at which the record was released or presented, if any."),
    )
    access_level = models.CharField(
        _("who may see it"),
        max_length=16,
        choices=AccessLevel.choices,
        default=AccessLevel.PUBLIC,
        help_text=_("Applied when the record is released, as a view restriction."),
    )

    is_creatable = False
    # A copy is another record: it must not be found again by the original's identifier.
    exclude_fields_in_copy = ["external_id"]
    parent_page_types = ["institutions.InstitutionPage"]
    subpage_types: list[str] = []
    #: which ResourceType.applies_to values this record type accepts
    resource_type_kind = ""

    class Meta:
        verbose_name = _("record")
        verbose_name_plural = _("records")

    def serve(self, request, *args, **kwargs):
        """The page, with FAIR Signposting's `Link` header (records/signposting.py).

        Wagtail calls serve only once the view restrictions let the viewer in, so
        the header never reaches someone the page refuses; previews do not come here.
        A page shown counts as a COUNTER investigation of the record (one INSERT;
        robots and machines are not counted: stats/recording.py).
        """
        response = super().serve(request, *args, **kwargs)
        link_header = (getattr(response, "context_data", None) or {}).get("link_header")
        if link_header:
            response["Link"] = link_header
        if response.status_code == 200:
            record_event(request, metric=Metric.INVESTIGATION, record_id=self.pk)
        return response

    def get_context(self, request, *args, **kwargs):
        from ..selectors import record_detail_context  # inside: the selectors import the models

        context = super().get_context(request, *args, **kwargs)
        context.update(record_detail_context(self, request=request))
        return context

    @property
    def status_string(self):
        """The admin's status tag in our seven states' words, not Wagtail's ("live + draft")."""
        from ..selectors import record_status  # inside: the selectors import the models

        return record_status(self).text

    @property
    def institution(self):
        """The institution that holds this record (its parent page)."""
        return InstitutionPage.objects.parent_of(self).first()


class RecordTranslation(Orderable):
    """The title and abstract in another language, for readers of that language."""

    record = ParentalKey(RecordPage, on_delete=models.CASCADE, related_name="translations")
    language = models.ForeignKey(
        "core.Language", on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    title = models.CharField(_("title"), max_length=255)
    abstract = models.TextField(_("abstract"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["record", "language"], name="record_translation_unique_language"
            )
        ]


class RecordCreator(Orderable):
    """A person who made the record, in the order they are credited."""

    record = ParentalKey(RecordPage, on_delete=models.CASCADE, related_name="creators")
    name = models.CharField(
        _("name"), max_length=255, help_text=_("As it should appear in a citation.")
    )
    orcid = models.CharField(
        _("ORCID iD"),
        max_length=37,
        blank=True,
        validators=[validate_orcid],
        help_text=_("Optional, e.g. 0000-0002-1825-0097."),
    )
    affiliation = models.CharField(_("affiliation"), max_length=255, blank=True)
    role = models.CharField(
        _("role"), max_length=32, choices=CreatorRole.choices, default=CreatorRole.AUTHOR
    )

    class Meta(Orderable.Meta):
        verbose_name = _("creator")
        verbose_name_plural = _("creators")

    def clean(self):
        self.orcid = normalise_orcid(self.orcid) if self.orcid else ""

    def __str__(self):
        return self.name


class RecordFile(Orderable):
    """A file of the record, in the order readers see them."""

    record = ParentalKey(RecordPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        on_delete=models.PROTECT,
        related_name="record_files",
        verbose_name=_("file"),
    )
    label = models.CharField(
        _("label"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Slides, Teacher's guide, Dataset."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")


class RecordRelation(Orderable):
    """Another record this one relates to (a dataset of a paper, a translation of a textbook...)."""

    record = ParentalKey(RecordPage, on_delete=models.CASCADE, related_name="relations")
    target = models.ForeignKey(
        RecordPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("related record")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("related record")
        verbose_name_plural = _("related records")
