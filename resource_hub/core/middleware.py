"""Django's LocaleMiddleware, minus one redirect that is wrong for unprefixed addresses."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


class LocaleMiddleware(DjangoLocaleMiddleware):
    """On a 404 without a language prefix, Django retries the path under the
    visitor's language and redirects if that resolves. Wagtail's page serving
    (inside i18n_patterns) matches nearly any path, so a missing file under
    /files/ or an unknown API object would turn into a redirect to a page.
    When an unprefixed view answered 404 itself (the path resolved), its 404
    stands; only paths that matched nothing (`/`, old page addresses) redirect.
    """

    def process_response(self, request, response):
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is not None
            and not translation.get_language_from_path(request.path_info)
        ):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
