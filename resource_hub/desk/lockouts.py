"""Who cannot sign in right now, and unlocking them (the admin's "Sign-in lockouts" screen).

django-axes keeps one row of failures per user name, address and browser; a
user name or an address is locked when its rows within the cool-off add up
to the failure limit (settings/signin.py). The screen lists the (user name,
address) pairs that such a lock stops, so an administrator sees who is
affected, and unlocking a pair clears both its user name and its address,
as `axes.utils.reset_request` does for these lockout parameters.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import DeskPermissionDenied

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Lockout:
    username: str | None
    ip_address: str | None
    failures: int  # by this user name from this address
    last_attempt: datetime
    locked_until: datetime | None  # None: until an administrator unlocks
    by_username: bool  # the user name has reached the limit
    by_address: bool  # the address has reached the limit


def _require_superuser(user) -> None:
    if not (user.is_authenticated and user.is_active and user.is_superuser):
        raise DeskPermissionDenied(_("Only administrators can unlock sign-in."))


def _locked(attempts, field: str, limit: int) -> dict:
    """Values of `field` whose failures reach the limit, with their latest attempt."""
    rows = (
        attempts.values(field)
        .annotate(total=Sum("failures_since_start"), last=Max("attempt_time"))
        .order_by()
    )
    return {row[field]: row["last"] for row in rows if row["total"] >= limit}


def signin_lockouts(*, user) -> list[Lockout]:
    """Every (user name, address) pair that cannot sign in now, the latest attempt first."""
    _require_superuser(user)
    cool_off = get_cool_off()
    attempts = AccessAttempt.objects.all()
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    limit = settings.AXES_FAILURE_LIMIT
    parameters = settings.AXES_LOCKOUT_PARAMETERS
    names = _locked(attempts, "username", limit) if "username" in parameters else {}
    addresses = _locked(attempts, "ip_address", limit) if "ip_address" in parameters else {}

    lockouts = []
    pairs = (
        attempts.values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .order_by("-last", "username")
    )
    for pair in pairs:
        by_username = pair["username"] in names
        by_address = pair["ip_address"] in addresses
        if not (by_username or by_address):
            continue
        # At the latest, the lock ends when the newest failure it counts is past the cool-off.
        latest = []
        if by_username:
            latest.append(names[pair["username"]])
        if by_address:
            latest.append(addresses[pair["ip_address"]])
        lockouts.append(
            Lockout(
                username=pair["username"],
                ip_address=pair["ip_address"],
                failures=pair["failures"],
                last_attempt=pair["last"],
                locked_until=max(latest) + cool_off if cool_off else None,
                by_username=by_username,
                by_address=by_address,
            )
        )
    return lockouts


def signin_unlock(*, user, username: str | None, ip_address: str | None) -> int:
    """Clear the failures of a user name and of an address; returns how many rows went.

    Through axes' own `reset`, so its handler (database today) stays the one
    place that knows where failures are kept.
    """
    _require_superuser(user)
    if username and ip_address:
        count = reset(ip=ip_address, username=username, ip_or_username=True)
    elif username or ip_address:
        count = reset(ip=ip_address or None, username=username or None)
    else:
        return 0
    logger.info(
        "%s unlocked sign-in for user name %r and address %s (%d records)",
        user.get_username(),
        username,
        ip_address,
        count,
    )
    return count
