"""System checks of the site's own address (run by `migrate` and `check --database default`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import connections
from wagtail.models import Site

from .site_address import site_address, site_differs


@register(Tags.database)
def site_matches_base_url(app_configs=None, databases=None, **kwargs):
    """The default Wagtail Site must match SITE_BASE_URL, or every page link is wrong.

    A database check, so it runs before `migrate` (every deployment and every
    `make run`) without touching the database on each `manage.py` command.
    """
    warnings = []
    address = site_address()
    if not address.fits_wagtail:
        warnings.append(
            Warning(
                f"SITE_BASE_URL {settings.SITE_BASE_URL} uses {address.scheme} on port "
                f"{address.port}; Wagtail's Site knows https only on port 443.",
                hint="Serve https on port 443 (or http on another port): page links would "
                "otherwise start with the wrong scheme.",
                id="core.W002",
            )
        )
    for alias in databases or ():
        connection = connections[alias]
        if Site._meta.db_table not in connection.introspection.table_names():
            continue  # before the first migration
        site = Site.objects.using(alias).filter(is_default_site=True).first()
        difference = site_differs(site) if site is not None else ""
        if difference:
            warnings.append(
                Warning(
                    f"Links would point at the wrong address: {difference}.",
                    hint="Run `manage.py bootstrap_site` (`make run` does) to set the "
                    "site's hostname and port from SITE_BASE_URL.",
                    id="core.W001",
                )
            )
    return warnings
