"""django-csp's middleware with our two policies (settings/security.py): the admin's
under the Wagtail admin's path, the public one elsewhere, both allowing the object
store's origin.

The store's origin is read from STORAGES at request time, not at import, so it is
always the storage that hands out the URLs (and pytest's `settings` fixture works).
"""

import ipaddress
from functools import cache
from urllib.parse import urlsplit

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse

AWS_HOST = "s3.amazonaws.com"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """A per-view policy (django-csp's `@csp`, `@csp_replace`, `@csp_update`) still wins.

    Wagtail renders a page's preview by sending a dummy request for the page's own
    URL through the middleware (`request.is_dummy`, wagtail/models/preview.py): the
    page keeps the public policy, and its nonce, but the admin frames it (the page
    editor's live preview), so it may be framed by our own origin.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and request.path.startswith(admin_prefix()):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        if getattr(request, "is_dummy", False):
            parts.replace = {"frame-ancestors": [SELF], **(parts.replace or {})}
        origins = object_store_origins(settings.STORAGES["default"].get("OPTIONS", {}))
        if origins:
            update = dict(parts.update or {})  # a decorator's dict is shared: never change it
            for directive in settings.OBJECT_STORE_DIRECTIVES:
                update[directive] = [*update.get(directive, ()), *origins]
            parts.update = update
        return parts


@cache
def admin_prefix() -> str:
    """Where Wagtail's admin is served ("/admin/"); also read by admin_guard.py."""
    return reverse("wagtailadmin_home")


def object_store_origins(options: dict) -> tuple[str, ...]:
    """The origins a browser reaches the bucket at, as botocore builds its signed URLs.

    An S3 server of our own (`endpoint_url`) is addressed by path unless the
    style is "virtual" (then the bucket is a subdomain, except on an IP
    address); AWS by the bucket's virtual host, global and regional (S3 may
    redirect a new bucket to its region), or by path. Empty for local storage.
    """
    bucket = options.get("bucket_name")
    if not bucket:
        return ()
    style = options.get("addressing_style") or "auto"
    endpoint = options.get("endpoint_url")
    if endpoint:
        parts = urlsplit(endpoint)
        origin = f"{parts.scheme}://{parts.netloc}"
        if style == "virtual" and not _is_ip(parts.hostname or ""):
            return (f"{parts.scheme}://{bucket}.{parts.netloc}",)
        return (origin,)
    region = options.get("region_name") or "us-east-1"
    hosts = [AWS_HOST, f"s3.{region}.amazonaws.com"]
    # A bucket name with dots cannot be a subdomain under TLS: botocore uses the path.
    if style != "path" and "." not in bucket:
        hosts = [f"{bucket}.{host}" for host in hosts]
    return tuple(dict.fromkeys(f"https://{host}" for host in hosts))


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
