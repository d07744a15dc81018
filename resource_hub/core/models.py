from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

# The vocabularies live in their own module; importing them here registers them with Django.
from .vocabularies import (  # noqa: F401
    Country,
    EducationLevel,
    Language,
    Licence,
    ResourceType,
    SubjectField,
)


class HomePage(Page):
    """The site's root page: what Resource Hub is, and the way into search."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the site name."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["institutions.InstitutionIndexPage", "events.EventIndexPage"]

    @property
    def introduction_shown(self) -> str:
        """The introduction in the reader's language where the catalogues have it.

        The site is set up with the introduction the home page template offers
        (portal.services.DEFAULT_INTRODUCTION), which is a message of every
        catalogue, so it is shown translated; an introduction an editor wrote
        has no translation and is shown as written.
        """
        return gettext(self.introduction) if self.introduction else ""

    def get_context(self, request, *args, **kwargs):
        # The one upward import of core (an ignore in .importlinter): the home page
        # shows counts and listings of institutions and records, which portal reads.
        # Inside, because portal imports these models; the model stays in core, as
        # moving a page model to another app needs content-type migrations.
        from resource_hub.portal import selectors

        context = super().get_context(request, *args, **kwargs)
        levels = selectors.level_tallies()
        context.update(
            {
                "collections": selectors.featured_collections(),
                "latest": selectors.latest_releases(request),
                "countries": selectors.country_tallies(),
                "sectors": [t for t in levels.get("sector", []) if t.records],
                "levels": [t for t in levels.get("level", []) if t.records],
            }
        )
        return context

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class WorkerHeartbeat(models.Model):
    """A task worker that is alive: `manage.py worker` updates its row on each clock tick.

    A task left "running" by a worker whose heartbeat stopped (killed, its
    machine gone) is queued again by `core.liveness.requeue_orphans`.
    """

    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.IntegerField(_("process id"))
    seen_at = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self):
        return f"{self.worker_id} ({self.host}:{self.pid})"
