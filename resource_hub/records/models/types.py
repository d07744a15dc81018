"""The two kinds of record: teaching resources and achievements."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.models import Page
from wagtail.search import index

from resource_hub.core.validators import validate_doi, validate_isbn, validate_patent_number

from ..forms import AchievementPageForm
from .base import RecordPage


def _description_panels(type_label):
    return [
        TitleFieldPanel("title", help_text=_("The title in the record's original language.")),
        # The web address's last part; it follows the title until edited. Records
        # have no "Promote" tab: a record's search description is its abstract.
        FieldPanel("slug", heading=_("Web address")),
        FieldPanel("abstract"),
        FieldPanel("keywords"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("year")]),
        FieldPanel("resource_type", heading=type_label),
        InlinePanel("creators", heading=_("Creators"), label=_("creator"), min_num=1),
    ]


_CLASSIFICATION_PANELS = [
    FieldPanel("subject"),
    # Checkboxes, not a multiple select: what is chosen stays in view, no ctrl-click.
    FieldPanel("education_levels", widget=forms.CheckboxSelectMultiple),
    FieldPanel("contributing_institutions", widget=forms.CheckboxSelectMultiple),
    # A chooser that lists events only (a record is released at an event, never at another page).
    PageChooserPanel("event", page_type="events.EventPage"),
    InlinePanel("relations", heading=_("Related records"), label=_("related record")),
]
_TRANSLATION_PANELS = [
    InlinePanel(
        "translations", heading=_("Translated titles and abstracts"), label=_("translation")
    ),
]
_FILE_PANELS = [InlinePanel("files", heading=_("Files"), label=_("file"))]
_ACCESS_PANELS = [FieldPanel("licence"), FieldPanel("access_level")]

_RECORD_SEARCH_FIELDS = [
    *Page.search_fields,
    index.SearchField("abstract"),
    index.RelatedFields("keywords", [index.SearchField("name")]),
    index.RelatedFields("creators", [index.SearchField("name")]),
    index.FilterField("language"),
    index.FilterField("resource_type"),
    index.FilterField("year"),
    index.FilterField("access_level"),
]


class TeachingResourcePage(RecordPage):
    """Course materials: slides, lesson plans, videos, datasets, exercises."""

    resource_type_kind = "material"

    search_fields = _RECORD_SEARCH_FIELDS
    edit_handler = TabbedInterface(
        [
            ObjectList(_description_panels(_("Resource type")), heading=_("Description")),
            ObjectList(_CLASSIFICATION_PANELS, heading=_("Classification")),
            ObjectList(_TRANSLATION_PANELS, heading=_("Translations")),
            ObjectList(_FILE_PANELS, heading=_("Files")),
            ObjectList(_ACCESS_PANELS, heading=_("Licence and access")),
        ]
    )
    template = "records/teaching_resource_page.html"

    class Meta:
        verbose_name = _("teaching resource")
        verbose_name_plural = _("teaching resources")


class AchievementPage(RecordPage):
    """An academic or applied result: a paper, patent, award, software, standard..."""

    achievement_date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Publication, grant or award date.")
    )
    doi = models.CharField(
        _("DOI"),
        max_length=255,
        blank=True,
        validators=[validate_doi],
        help_text=_("e.g. 10.1000/xyz123"),
    )
    isbn = models.CharField(_("ISBN"), max_length=17, blank=True, validators=[validate_isbn])
    patent_number = models.CharField(
        _("patent number"),
        max_length=32,
        blank=True,
        validators=[validate_patent_number],
        help_text=_("With its country code, e.g. CN112345678A."),
    )
    award_name = models.CharField(
        _("award or competition"),
        max_length=255,
        blank=True,
        help_text=_("For awards and competition results: the award's or competition's name."),
    )

    # Cooperation: an agreement, alliance, centre or training base (records/cooperation.py).
    cross_border = models.BooleanField(
        _("cross-border cooperation"),
        default=False,
        help_text=_(
            "Between institutions of China and of ASEAN: at least one party of each is required."
        ),
    )
    signed_on = models.DateField(
        _("signed or founded on"),
        null=True,
        blank=True,
        help_text=_("When the agreement was signed, or the alliance, centre or base founded."),
    )
    ends_on = models.DateField(
        _("in force until"),
        null=True,
        blank=True,
        help_text=_("The last day it is in force; leave empty if it has no end date."),
    )

    resource_type_kind = "achievement"
    base_form_class = AchievementPageForm

    search_fields = [
        *_RECORD_SEARCH_FIELDS,
        index.SearchField("award_name"),
        index.FilterField("doi"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(_description_panels(_("Achievement type")), heading=_("Description")),
            ObjectList(
                [
                    FieldPanel("achievement_date"),
                    MultiFieldPanel(
                        [FieldPanel("doi"), FieldPanel("isbn"), FieldPanel("patent_number")],
                        heading=_("Identifiers"),
                    ),
                    FieldPanel("award_name"),
                ],
                heading=_("Achievement"),
            ),
            ObjectList(
                [
                    FieldPanel("cross_border"),
                    FieldRowPanel([FieldPanel("signed_on"), FieldPanel("ends_on")]),
                    InlinePanel("parties", heading=_("Parties"), label=_("party")),
                ],
                heading=_("Cooperation"),
            ),
            ObjectList(_CLASSIFICATION_PANELS, heading=_("Classification")),
            ObjectList(_TRANSLATION_PANELS, heading=_("Translations")),
            ObjectList(_FILE_PANELS, heading=_("Files")),
            ObjectList(_ACCESS_PANELS, heading=_("Licence and access")),
        ]
    )
    template = "records/achievement_page.html"

    class Meta:
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
