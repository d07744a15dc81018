"""Rate limits: per API token (or signed-in user), and per address for anonymous callers.

Over the limit, a caller gets 429 with `Retry-After` (ninja's throttling
sets the header; our error handler writes the body). The counts live in the
"throttle" cache (a database table by default, so every web process shares
them: settings/api.py). Rates are read from settings on each request, so a
deployment (or a test) changes them without restarting anything.
"""

from django.conf import settings
from django.core.cache import caches
from ninja.throttling import SimpleRateThrottle

from resource_hub.core.client_address import client_ip_address


class _SettingsRate(SimpleRateThrottle):
    setting = ""

    def __init__(self):  # the rate is read per request (allow_request)
        self.rate = None
        self.num_requests = self.duration = None

    @property
    def cache(self):  # ninja reads self.cache
        return caches[settings.API_THROTTLE_CACHE]

    def allow_request(self, request) -> bool:
        self.rate = getattr(settings, self.setting)
        if not self.rate:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class CallerThrottle(_SettingsRate):
    """Signed-in callers: API_THROTTLE_USER per token (per user for a browser session)."""

    setting = "API_THROTTLE_USER"

    def get_cache_key(self, request):
        token_id = getattr(request, "api_token_id", None)
        if token_id is not None:
            return f"api-throttle:token:{token_id}"
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return f"api-throttle:user:{user.pk}"


class AddressThrottle(_SettingsRate):
    """Anonymous callers: API_THROTTLE_ANONYMOUS per client address (core.client_address)."""

    setting = "API_THROTTLE_ANONYMOUS"

    def get_cache_key(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return None
        return f"api-throttle:address:{client_ip_address(request) or 'unknown'}"


def throttles() -> list:
    return [CallerThrottle(), AddressThrottle()]
