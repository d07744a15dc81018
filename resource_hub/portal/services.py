"""Writes that set the public site up: the page tree's top, at the site's address."""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from resource_hub.core.models import HomePage
from resource_hub.core.site_address import site_address
from resource_hub.institutions.models import InstitutionIndexPage

DEFAULT_INTRODUCTION = (
    "Teaching materials and research from universities, vocational colleges and schools "
    "across China and ASEAN, open to everyone."
)


@transaction.atomic
def site_bootstrap(*, base_url: str | None = None) -> HomePage:
    """Make sure the HomePage is the default site's root, with its index pages. Idempotent.

    Wagtail's first migration leaves a plain "Welcome" page as the site root;
    it is replaced by our HomePage the first time this runs. The default
    site's hostname and port are set from `base_url` (SITE_BASE_URL), because
    Wagtail builds every page's full URL from them: citations, share links
    and e-mails would otherwise point at Wagtail's `localhost:80`.
    """
    address = site_address(base_url)
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title=_("Resource Hub"),
                slug="resource-hub",
                introduction=DEFAULT_INTRODUCTION,
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=address.hostname, port=address.port, root_page=home, is_default_site=True
        )
    if (site.hostname, site.port) != (address.hostname, address.port):
        site.hostname, site.port = address.hostname, address.port
        site.save()
    if not site.site_name:
        # Wagtail's dashboard and titles name the site by this, else by its hostname.
        site.site_name = str(settings.WAGTAIL_SITE_NAME)
        site.save(update_fields=["site_name"])
    if site.root_page_id != home.pk:
        old_root = site.root_page.specific
        site.root_page = home
        site.save()
        # Only Wagtail's own placeholder is removed, never a page someone made.
        if type(old_root) is Page and old_root.depth == 2 and not old_root.get_children().exists():
            old_root.delete()
    _ensure_child(home, InstitutionIndexPage, title=_("Institutions"), slug="institutions")
    # By name: events sit above portal (an event page lists its records through search).
    event_index = apps.get_model("events", "EventIndexPage")
    _ensure_child(home, event_index, title=_("Events"), slug="events")
    return home


def _ensure_child(parent, page_class, **fields):
    existing = page_class.objects.child_of(parent).first()
    if existing is not None:
        return existing
    return parent.add_child(instance=page_class(**fields))
