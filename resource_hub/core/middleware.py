"""Django's LocaleMiddleware, minus one redirect that is wrong for unprefixed addresses,
plus remembering the language a visitor reads in."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


class LocaleMiddleware(DjangoLocaleMiddleware):
    """On a 404 without a language prefix, Django retries the path under the
    visitor's language and redirects if that resolves. Wagtail's page serving
    (inside i18n_patterns) matches nearly any path, so a missing file under
    /files/ or an unknown API object would turn into a redirect to a page.
    When an unprefixed view answered 404 itself (the path resolved), its 404
    stands; only paths that matched nothing (`/`, old page addresses) redirect.

    A page read under a language prefix sets the language cookie when it
    differs, so a visitor who chose Thai in the switcher (plain links, no
    form) is sent to /th/ from `/` next time, not back to their browser's
    language.
    """

    def process_response(self, request, response):
        self._remember_language(request, response)
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is not None
            and not translation.get_language_from_path(request.path_info)
        ):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)

    @staticmethod
    def _remember_language(request, response) -> None:
        language = translation.get_language_from_path(request.path_info)
        if (
            language
            and request.method == "GET"
            and response.status_code == 200
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
