"""A URLconf for the error-page tests: the site's own, plus one view that fails."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import SuspiciousOperation
from django.urls import path

from resource_hub.urls import handler400  # noqa: F401 - the site's 400, as in production
from resource_hub.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("a fault for the 500 page test")


def suspicious(request):
    raise SuspiciousOperation("a suspicious request for the 400 page test")


urlpatterns = [
    *i18n_patterns(
        path("broken/", broken, name="broken"),
        path("suspicious/", suspicious, name="suspicious"),
        prefix_default_language=True,
    ),
    *site_urlpatterns,
]
