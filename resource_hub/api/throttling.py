"""Rate limits: per API token (or signed-in user), and per address for anonymous callers.

Each caller has a fixed window (a minute for "120/m") and a count kept in
one database row (`RateWindow`), so every web process shares it. Counting
is a single upsert per request: insert the caller's row, or add one to it,
or restart it when a new window has begun, and read the new count back.
Over the limit the answer is 429 with `Retry-After`, the seconds until the
window ends (ninja's throttling sets the header from `wait()`; our error
handler writes the body). Fixed windows let a caller send up to twice the
rate across a window's edge; the simplicity (one query, no clock lists)
is worth it here. Rates are read from settings on each request.
"""

import threading
import time

from django.conf import settings
from django.db import connection
from ninja.throttling import BaseThrottle

from resource_hub.core.client_address import client_ip_address

from .models import RateWindow

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "120/m" → (120, 60): requests allowed per window of that many seconds."""
    count, _sep, period = rate.partition("/")
    return int(count), _PERIODS[period[:1]]


def _now() -> float:
    """The clock windows are read from (tests hold it still, away from a window's edge)."""
    return time.time()


def count_request(key: str, *, window_seconds: int, now: float | None = None) -> tuple[int, float]:
    """Count one request of `key`; returns (requests in this window, seconds until it ends)."""
    now = _now() if now is None else now
    window = int(now // window_seconds)
    ends_at = (window + 1) * window_seconds
    q = connection.ops.quote_name
    table, key_, window_, count_ = q("api_ratewindow"), q("key"), q("window_number"), q("count")
    ends_ = q("ends_at")
    # PostgreSQL and SQLite (3.35+) both speak this upsert; the names are ours
    # (quoted), the values parameters.
    sql = (
        f"INSERT INTO {table} ({key_}, {window_}, {count_}, {ends_}) "  # noqa: S608
        f"VALUES (%s, %s, 1, %s) "
        f"ON CONFLICT ({key_}) DO UPDATE SET {count_} = CASE "
        f"WHEN {table}.{window_} = excluded.{window_} THEN {table}.{count_} + 1 ELSE 1 END, "
        f"{window_} = excluded.{window_}, {ends_} = excluded.{ends_} RETURNING {count_}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, window, ends_at])
        (count,) = cursor.fetchone()
    return count, ends_at - now


#: How often the worker's clock deletes the rows of ended windows (seconds).
PRUNE_INTERVAL = 600
_pruned_at: float | None = None  # this process's last pruning, on the monotonic clock


def prune_ended_windows(*, now: float | None = None) -> int:
    """Delete the rows whose window has ended; returns how many.

    Changes no count: a caller's next request would have restarted its row at
    one, and now inserts it at one. One indexed DELETE.
    """
    now = _now() if now is None else now
    deleted, _by_model = RateWindow.objects.filter(ends_at__lte=now).delete()
    return deleted


def prune_ended_windows_if_due() -> int | None:
    """The worker clock's job: `prune_ended_windows` every PRUNE_INTERVAL seconds at most.

    Every address that calls the API (or asks for a new password) leaves a row;
    without this the table grows by one row per caller ever seen.
    """
    global _pruned_at
    if _pruned_at is not None and time.monotonic() - _pruned_at < PRUNE_INTERVAL:
        return None
    deleted = prune_ended_windows()
    _pruned_at = time.monotonic()
    return deleted


class _Limit(BaseThrottle):
    """One instance serves every thread: what `wait()` reports is kept per thread."""

    setting = ""

    def __init__(self):
        self._last = threading.local()

    def caller(self, request) -> str | None:
        raise NotImplementedError

    def allow_request(self, request) -> bool:
        self._last.remaining = None
        rate = getattr(settings, self.setting)
        key = self.caller(request)
        if not rate or key is None:
            return True
        allowed, seconds = parse_rate(rate)
        count, self._last.remaining = count_request(key, window_seconds=seconds)
        return count <= allowed

    def wait(self) -> float | None:
        return getattr(self._last, "remaining", None)


class CallerThrottle(_Limit):
    """Signed-in callers: API_THROTTLE_USER per token (per user for a browser session)."""

    setting = "API_THROTTLE_USER"

    def caller(self, request) -> str | None:
        token_id = getattr(request, "api_token_id", None)
        if token_id is not None:
            return f"token:{token_id}"
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return f"user:{user.pk}"


class AddressThrottle(_Limit):
    """Anonymous callers: API_THROTTLE_ANONYMOUS per client address (core.client_address)."""

    setting = "API_THROTTLE_ANONYMOUS"

    def caller(self, request) -> str | None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return None
        return f"address:{client_ip_address(request) or 'unknown'}"


def throttles() -> list:
    return [CallerThrottle(), AddressThrottle()]
