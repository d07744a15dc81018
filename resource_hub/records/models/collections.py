"""Editors' curated collections: an ordered pick of records from any institution."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

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
        # The editor's order, and only what this viewer may open.
        context["entries"] = [
            (item, records[item.record_id]) for item in items if item.record_id in records
        ]
        return context

    class Meta:
        verbose_name = _("curated collection")
        verbose_name_plural = _("curated collections")


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
