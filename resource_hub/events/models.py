"""Events where records are released or presented: the China–ASEAN Education
Cooperation Week and the like.

An event is a page under the one events index, so Wagtail's page permissions
decide who keeps them (platform administrators by default) and Wagtail's
publishing decides when it is shown. Records point at their event
(`records.RecordPage.event`); an event knows nothing of records, and lists
them through the access policy from `get_context` (events/selectors.py).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index


class EventIndexPage(Page):
    """The list of events, newest first; events live under it."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1
    template = "events/event_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events"] = (
            EventPage.objects.child_of(self)
            .live()
            .select_related("language")
            .order_by("-start_date", "-pk")
        )
        return context

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")


class EventPage(Page):
    """One edition of an event. The title is its English name; `name_local` its own."""

    name_local = models.CharField(
        _("name in its own language"),
        max_length=255,
        blank=True,
        help_text=_("For example 中国—东盟教育交流周."),
    )
    language = models.ForeignKey(
        "core.Language",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("language of that name"),
    )
    edition = models.CharField(
        _("edition"), max_length=64, blank=True, help_text=_("For example 18th.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    place = models.CharField(
        _("place"), max_length=255, help_text=_("City and venue, e.g. Guiyang, Huaxi.")
    )
    country = models.ForeignKey(
        "core.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    organisers = ParentalManyToManyField(
        "institutions.InstitutionPage",
        blank=True,
        related_name="organised_events",
        verbose_name=_("organising institutions"),
    )
    other_organisers = models.CharField(
        _("other organisers"),
        max_length=500,
        blank=True,
        help_text=_("Ministries, governments or bodies that are not member institutions."),
    )
    description = models.TextField(_("description"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("name_local"), FieldPanel("language")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("edition"), FieldPanel("year")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("place"), FieldPanel("country")]),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("organisers"),
        FieldPanel("other_organisers"),
        FieldPanel("description"),
        InlinePanel("activities", heading=_("Programme"), label=_("activity")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("name_local"),
        index.SearchField("description"),
        index.FilterField("year"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []
    template = "events/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot come before the first day.")})

    def get_context(self, request, *args, **kwargs):
        from .selectors import event_page_context  # inside: the selectors import the models

        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(self, request=request))
        return context

    def name_for(self, language: str | None = None) -> str:
        """Its own-language name for readers of that language, else its English name."""
        language = (language if language is not None else get_language() or "").lower()
        if self.name_local and self.language_id and language.split("-")[0] == self.language_id:
            return self.name_local
        return self.title


class EventActivity(Orderable):
    """One activity of an event's programme: a forum, a signing, a competition, an opening."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("title"), max_length=255)
    date = models.DateField(_("date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("programme")

    def __str__(self):
        return self.title
