"""Plain HTTP requests for checks that must behave as a browser or a stranger would."""

import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]  # names lower-cased
    body: bytes


def request(
    url: str, *, method: str = "GET", headers=None, data: bytes | None = None, timeout: float
) -> Answer:
    """Send one request; an HTTP error status is an answer too, not an exception.

    Raises OSError (refused, timed out, TLS) when nothing answered.
    """
    prepared = urllib.request.Request(url, data=data, method=method, headers=headers or {})  # noqa: S310 - URLs from our settings
    try:
        with urllib.request.urlopen(prepared, timeout=timeout) as response:  # noqa: S310
            return Answer(response.status, _lower(response.headers), response.read(1 << 16))
    except urllib.error.HTTPError as error:
        return Answer(error.code, _lower(error.headers), error.read(1 << 16))


def _lower(headers) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def without_query(url: str) -> str:
    """The URL without its query: a signed URL made unsigned."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
