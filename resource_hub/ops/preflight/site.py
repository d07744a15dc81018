"""The site's own addresses agree (SITE_BASE_URL, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS,
the Wagtail Site), and the static files are collected."""

from collections.abc import Iterator
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.http.request import validate_host
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Site

from resource_hub.core.site_address import site_address, site_differs

from .result import Result, fail, ok, warn

LABEL = gettext_lazy("Site address")
STATIC_LABEL = gettext_lazy("Static files")


def check_site(**options) -> Iterator[Result]:
    yield check_hosts()
    yield check_csrf()
    yield check_wagtail_site()
    yield check_static()


def check_hosts() -> Result:
    address = site_address()
    base = settings.SITE_BASE_URL
    if not validate_host(address.hostname, settings.ALLOWED_HOSTS):
        return fail(
            "site.hosts",
            LABEL,
            _("SITE_BASE_URL %(url)s names a host that ALLOWED_HOSTS refuses (%(hosts)s)")
            % {"url": base, "hosts": ", ".join(settings.ALLOWED_HOSTS) or "-"},
            _("Add %(host)s to ALLOWED_HOSTS, or correct SITE_BASE_URL.")
            % {"host": address.hostname},
        )
    if address.scheme != "https" and settings.SESSION_COOKIE_SECURE:
        return fail(
            "site.hosts",
            LABEL,
            _("SITE_BASE_URL %(url)s is http, but sign-in cookies are sent over https only")
            % {"url": base},
            _("Serve the site over https and set SITE_BASE_URL=https://…"),
        )
    return ok("site.hosts", LABEL, _("%(url)s is an allowed host") % {"url": base})


def check_csrf() -> Result:
    """Forms posted from the site's pages pass Django's origin check."""
    origin = settings.SITE_BASE_URL
    strangers = [
        trusted
        for trusted in settings.CSRF_TRUSTED_ORIGINS
        if not validate_host(urlsplit(trusted).hostname or "", settings.ALLOWED_HOSTS)
    ]
    if strangers:
        return warn(
            "site.csrf",
            LABEL,
            _("CSRF_TRUSTED_ORIGINS names hosts ALLOWED_HOSTS refuses: %(origins)s")
            % {"origins": ", ".join(strangers)},
            _("Remove them, or add their hosts to ALLOWED_HOSTS."),
        )
    behind_proxy_unknown = (
        origin.startswith("https://")
        and getattr(settings, "SECURE_PROXY_SSL_HEADER", None) is None
        and origin not in settings.CSRF_TRUSTED_ORIGINS
    )
    if behind_proxy_unknown:
        return warn(
            "site.csrf",
            LABEL,
            _("https is not known to Django behind a proxy, and %(origin)s is not a trusted origin")
            % {"origin": origin},
            _(
                "Behind a TLS-terminating proxy that sets X-Forwarded-Proto, set "
                "SECURE_PROXY_SSL_HEADER_ENABLED=true; otherwise every form is refused "
                "(CSRF) and every page redirects to itself. Or list %(origin)s in "
                "CSRF_TRUSTED_ORIGINS."
            )
            % {"origin": origin},
        )
    return ok(
        "site.csrf", LABEL, _("forms posted from %(origin)s are accepted") % {"origin": origin}
    )


def check_wagtail_site() -> Result:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return fail(
            "site.wagtail",
            LABEL,
            _("there is no default Wagtail site"),
            _("Run `manage.py bootstrap_site`."),
        )
    difference = site_differs(site)
    if difference:
        return warn(
            "site.wagtail",
            LABEL,
            difference,
            _("Run `manage.py bootstrap_site`: page links and e-mails use the site's address."),
        )
    return ok(
        "site.wagtail", LABEL, _("the default Wagtail site is %(url)s") % {"url": site.root_url}
    )


def check_static() -> Result:
    """Production's manifest storage fails every page that names a file it does not list."""
    storage = staticfiles_storage
    if not isinstance(storage, ManifestFilesMixin):
        return ok(
            "site.static",
            STATIC_LABEL,
            _("served by Django from the apps' folders (development)"),
        )
    remedy = _("Run `manage.py collectstatic --noinput` on every deployment.")
    try:
        listed, _hash = storage.load_manifest()
    except Exception:  # an unreadable manifest is as good as none
        listed = {}
    if not listed:
        return fail(
            "site.static",
            STATIC_LABEL,
            _("no manifest in %(root)s: every page would fail") % {"root": settings.STATIC_ROOT},
            remedy,
        )
    missing = sorted(set(_static_files()) - set(listed))
    if missing:
        return fail(
            "site.static",
            STATIC_LABEL,
            ngettext(
                "%(count)d static file is not collected (%(first)s): pages using it fail",
                "%(count)d static files are not collected (the first: %(first)s): pages "
                "using them fail",
                len(missing),
            )
            % {"count": len(missing), "first": missing[0]},
            remedy,
        )
    return ok(
        "site.static",
        STATIC_LABEL,
        _("%(count)d files collected in %(root)s (hashed names, cacheable for a year)")
        % {"count": len(listed), "root": settings.STATIC_ROOT},
    )


def _static_files():
    """Every static file the apps and STATICFILES_DIRS provide, as collectstatic names it."""
    ignore = apps.get_app_config("staticfiles").ignore_patterns
    for finder in finders.get_finders():
        for path, _storage in finder.list(ignore):
            yield path.replace("\\", "/")
