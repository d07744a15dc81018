"""Recording a view or a download: one small INSERT on the request path, nothing else.

`record_event` reads nothing from the database. It skips what COUNTER says not
to count before writing anything:

- robots and machines, by the COUNTER robots list (the `counter-robots`
  package: `is_robot_or_machine` on the User-Agent header, an empty one
  included), remembered per user-agent string so a busy page pays the regular
  expression once;
- anything but a GET (HEAD, OPTIONS), and browsers' speculative prefetches
  (`Sec-Purpose`/`Purpose: prefetch`), which no person asked for.

The COUNTER rules that need more than one event (double clicks, unique items
per session) run later, in the daily aggregation (`counting.py`).

Privacy: no address and no user-agent string is stored. The visitor is a key
`HMAC-SHA256(daily salt, identity)` cut to 128 bits, where the identity is
the session cookie's value when the browser sends one, else the client's
address (`core.client_address`, so proxies are trusted as for sign-in
throttling) with its user agent. The daily salt is
`HMAC-SHA256(SECRET_KEY, "resource_hub.stats.visitor-salt|<date>")`: derived,
so no salt row is read per request, and different each day, so the same
person gets unrelated keys on different days and no key links days. Without
the SECRET_KEY nobody can test a guessed address against a key; with it, a
guess can be tested only against the raw events still kept, which are pruned
after STATS_RAW_EVENT_DAYS (aggregate rows carry no key at all).
"""

import hashlib
import hmac
import logging
from datetime import date, datetime
from functools import lru_cache

import counter_robots
from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from resource_hub.core.client_address import client_ip_address

from .models import AgentClass, ItemKind, Metric, UsageEvent

logger = logging.getLogger(__name__)

_SALT_CONTEXT = b"resource_hub.stats.visitor-salt|"
#: longer user-agent strings are cut before matching and classing (headers can be 8 KB)
_MAX_USER_AGENT = 512


@lru_cache(maxsize=4096)
def is_robot(user_agent: str) -> bool:
    """A robot or machine by the COUNTER list (an empty user agent is one)."""
    return counter_robots.is_robot_or_machine(user_agent)


def agent_class(user_agent: str) -> str:
    """A coarse class of the browser: "Mobi" is what mobile browsers put in their user agent."""
    if "Mobi" in user_agent or "Android" in user_agent:
        return AgentClass.MOBILE
    if user_agent.startswith(("Mozilla/", "Opera/")):
        return AgentClass.DESKTOP
    return AgentClass.OTHER


@lru_cache(maxsize=4)
def _salt(secret: str, day: str) -> bytes:
    return hmac.new(secret.encode(), _SALT_CONTEXT + day.encode(), hashlib.sha256).digest()


def daily_salt(day: date) -> bytes:
    """The day's salt, derived from SECRET_KEY and the date (not stored anywhere)."""
    return _salt(settings.SECRET_KEY, day.isoformat())


def visitor_key(request, *, user_agent: str, day: date) -> tuple[str, bool]:
    """The visitor's key for `day`, and whether it came from a session cookie.

    A session cookie is a COUNTER session of its own (session ID + date);
    otherwise the address and user agent are, for one clock hour at a time
    (the hour is added when counting, so a double click across the hour
    still counts once). The cookie's value is not checked against the
    session table: that would be a read per request.
    """
    cookie = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if cookie:
        identity, by_session = f"session|{cookie}", True
    else:
        identity, by_session = f"address|{client_ip_address(request) or ''}|{user_agent}", False
    digest = hmac.new(daily_salt(day), identity.encode(), hashlib.sha256).hexdigest()
    return digest[:32], by_session


def _is_prefetch(request) -> bool:
    purpose = request.headers.get("Sec-Purpose") or request.headers.get("Purpose") or ""
    return "prefetch" in purpose.lower()


def record_event(
    request,
    *,
    metric: str,
    record_id: int,
    document_id: int | None = None,
    kind: str | None = None,
    at: datetime | None = None,
) -> bool:
    """Count a view (`Metric.INVESTIGATION`) or a download (`Metric.REQUEST`) of a record.

    `kind` is the item: `ItemKind.RECORD` (the default without a document),
    `ItemKind.FILE` (the default with one) or `ItemKind.BUNDLE`. Call it once
    the answer is known to be a success (COUNTER counts only 200 and 304).
    Costs one INSERT and no read; returns whether the event was written
    (False for robots, machines, prefetches and non-GET requests). A failed
    INSERT is logged, not raised, outside a transaction: a page is worth more
    than one count. `at` (default now) is for loading past usage (demo data).
    """
    if not settings.STATS_RECORDING or request.method != "GET" or _is_prefetch(request):
        return False
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:_MAX_USER_AGENT]
    if is_robot(user_agent):
        return False
    if kind is None:
        kind = ItemKind.FILE if document_id is not None else ItemKind.RECORD
    now = at or timezone.now()
    visitor, by_session = visitor_key(request, user_agent=user_agent, day=timezone.localdate(now))
    event = UsageEvent(
        timestamp=now,
        metric=Metric(metric),
        kind=ItemKind(kind),
        record_id=record_id,
        document_id=document_id,
        visitor=visitor,
        by_session=by_session,
        agent=agent_class(user_agent),
    )
    try:
        event.save(force_insert=True)
    except DatabaseError:
        if connection.in_atomic_block:
            raise  # the transaction is broken anyway: let its owner see why
        logger.exception("a %s of record %s was not counted", metric, record_id)
        return False
    return True


def record_events(
    request, metric: str, record_ids, kind: str, *, at: datetime | None = None
) -> int:
    """Count one `metric` of each of `record_ids` at once: ONE bulk INSERT, no read.

    For a bundle ("download all" ZIP, Common Cartridge): one Request per
    record in it, `kind` `ItemKind.BUNDLE`. The same rules as `record_event`
    (robots, machines, prefetches and non-GET requests are not counted; a
    failed INSERT outside a transaction is logged, not raised). Returns the
    number of events written.
    """
    record_ids = list(dict.fromkeys(record_ids))  # each record once, in order
    if not record_ids or not settings.STATS_RECORDING:
        return 0
    if request.method != "GET" or _is_prefetch(request):
        return 0
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:_MAX_USER_AGENT]
    if is_robot(user_agent):
        return 0
    now = at or timezone.now()
    visitor, by_session = visitor_key(request, user_agent=user_agent, day=timezone.localdate(now))
    agent = agent_class(user_agent)
    events = [
        UsageEvent(
            timestamp=now,
            metric=Metric(metric),
            kind=ItemKind(kind),
            record_id=record_id,
            visitor=visitor,
            by_session=by_session,
            agent=agent,
        )
        for record_id in record_ids
    ]
    try:
        UsageEvent.objects.bulk_create(events)
    except DatabaseError:
        if connection.in_atomic_block:
            raise
        logger.exception("a %s of %d records was not counted", metric, len(record_ids))
        return 0
    return len(events)
