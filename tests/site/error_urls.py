"""A URLconf for the error-page tests: the site's own, plus one view that fails."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from resource_hub.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("a fault for the 500 page test")


urlpatterns = [
    *i18n_patterns(path("broken/", broken, name="broken"), prefix_default_language=True),
    *site_urlpatterns,
]
