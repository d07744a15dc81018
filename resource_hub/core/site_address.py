"""The site's own address, SITE_BASE_URL, and the Wagtail Site that page URLs come from.

Wagtail builds a page's full URL from the Site's hostname and port (never
from the request), so citations, share links, JSON-LD and moderation
e-mails are only right when the default Site matches SITE_BASE_URL.
`site_bootstrap` makes it match; the `core.W001` check says when it does not.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings


@dataclass(frozen=True)
class SiteAddress:
    scheme: str
    hostname: str
    port: int

    @property
    def fits_wagtail(self) -> bool:
        """Wagtail's Site knows https only on port 443, and http on any other port."""
        return (self.scheme == "https") == (self.port == 443)


def site_address(base_url: str | None = None) -> SiteAddress:
    """Scheme, host and port of `base_url` (SITE_BASE_URL by default)."""
    parts = urlsplit(base_url or settings.SITE_BASE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return SiteAddress(scheme=parts.scheme, hostname=parts.hostname or "", port=port)


def absolute_url(path: str) -> str:
    """`path` (from `reverse`, starting with /) under SITE_BASE_URL."""
    return settings.SITE_BASE_URL + path


def site_differs(site) -> str:
    """How the Wagtail `site` differs from SITE_BASE_URL, or "" when it matches."""
    address = site_address()
    if (site.hostname, site.port) == (address.hostname, address.port):
        return ""
    return f"the default site is {site.root_url} but SITE_BASE_URL is {settings.SITE_BASE_URL}"
