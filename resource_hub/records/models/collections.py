"""Editors' curated collections: an ordered pick of records from any institution."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from resource_hub.institutions.models import InstitutionPage

from .base import RecordPage


class CuratedCollectionPage(Page):
    description = models.TextField(_("description"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cover image"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        FieldPanel("cover_image"),
        InlinePanel("items", heading=_("Records"), label=_("record")),
        InlinePanel(
            "translations",
            heading=_("Title and description in other languages"),
            label=_("translation"),
        ),
    ]
    parent_page_types = ["institutions.InstitutionPage"]
    subpage_types: list[str] = []
    template = "records/curated_collection_page.html"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import record_listing  # inside: the selectors import the models

        context = super().get_context(request, *args, **kwargs)
        items = list(self.items.all())
        visible = record_listing(
            request, RecordPage.objects.filter(pk__in=[i.record_id for i in items])
        )
        records = {record.pk: record for record in visible}
        # Each record's institution (its parent page), for the cards, in one query.
        parents = {record.path[: -self.steplen] for record in records.values()}
        parents.add(self.path[: -self.steplen])
        institutions = {
            page.path: page
            for page in InstitutionPage.objects.filter(path__in=parents).select_related("country")
        }
        # The editor's order, and only what this viewer may open.
        language = get_language()
        names = {path: page.name_for(language) for path, page in institutions.items()}
        context["entries"] = [
            (
                item,
                records[item.record_id],
                names.get(records[item.record_id].path[: -self.steplen]),
            )
            for item in items
            if item.record_id in records
        ]
        context["shown"] = self.shown_text(list(self.translations.all()))
        context["institution"] = institutions.get(self.path[: -self.steplen])
        context["institution_name"] = names.get(self.path[: -self.steplen], "")
        return context

    def shown_text(self, translations) -> dict:
        """Title and description in the viewer's language when the collection has them.

        `translations` are the collection's rows (the listing passes only those in
        the viewer's language, fetched for a whole page at once). The title stays
        as entered otherwise, and `language` (for the lang attribute) is then unknown.
        """
        viewer = (get_language() or "en").split("-")[0].lower()  # "zh-hans" -> "zh"
        for translation in translations:
            if translation.language_id == viewer:
                return {
                    "title": translation.title,
                    "description": translation.description or self.description,
                    "language": viewer,
                }
        return {"title": self.title, "description": self.description, "language": ""}

    class Meta:
        verbose_name = _("curated collection")
        verbose_name_plural = _("curated collections")


class CuratedCollectionTranslation(Orderable):
    """The collection's title and description in another language, for its readers."""

    collection = ParentalKey(
        CuratedCollectionPage, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.ForeignKey(
        "core.Language", on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "language"], name="collection_translation_unique_language"
            )
        ]


class CuratedCollectionItem(Orderable):
    collection = ParentalKey(CuratedCollectionPage, on_delete=models.CASCADE, related_name="items")
    record = models.ForeignKey(
        RecordPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("record")
    )
    note = models.CharField(
        _("note"), max_length=255, blank=True, help_text=_("Why this record is here.")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("collection item")
        verbose_name_plural = _("collection items")
