"""Template tags of the public site's layout: the language switcher and optional links."""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language, override

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """This page under every language prefix, query string kept.

    For the switcher (plain links, so it works without JavaScript) and the
    `<link rel="alternate" hreflang>` tags, which need absolute addresses.
    """
    request = context.get("request")
    current = get_language()
    path = request.get_full_path() if request else "/"
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and code != current:
            # Not a language-prefixed page (an unknown address): offer the home page.
            with override(code):
                url = reverse("wagtail_serve", args=[""])
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "current": code == current,
            }
        )
    return links


@register.simple_tag
def optional_url(name: str, *args) -> str:
    """The URL named `name`, or "" where this site has no such page (yet)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""
