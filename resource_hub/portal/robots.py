"""robots.txt: where crawlers need not go, and where the sitemap is.

The admin and the desk (under every language prefix) are work spaces behind
a sign-in; the API is open to harvesters; everything else is the public site.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from resource_hub.core.site_address import absolute_url


def _under_every_language(name: str) -> list[str]:
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse(name))
    return paths


@require_safe
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    context = {
        "disallow": [reverse("wagtailadmin_home"), *_under_every_language("desk:submissions")],
        "allow": ["/api/"],
        "sitemap": absolute_url(reverse("sitemap")),
    }
    return render(request, "portal/robots.txt", context, content_type="text/plain; charset=utf-8")
