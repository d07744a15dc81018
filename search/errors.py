from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


class SearchError(Exception):
    """Something search cannot do; the message tells a person why and what to do."""


class IndexMissing(SearchError):
    """The alias points at no index yet: `search_index rebuild` has never run."""


class SearchUnavailable(SearchError):
    """Elasticsearch is not configured or does not answer."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(f"Elasticsearch at {safe_url()} is unreachable: {reason}")


def safe_url() -> str:
    """ELASTICSEARCH_URL without the password, fit for messages and logs."""
    url = settings.ELASTICSEARCH_URL or "(ELASTICSEARCH_URL is not set)"
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))
