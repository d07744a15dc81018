"""Health of the three services the site depends on, for `/healthz`.

Each check returns a `Check`: "ok", "degraded" (working with less) or "down".
Reasons are short and free of host names and credentials, because `/healthz`
is public; the full error goes to the log.
"""

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.core.files.storage import storages
from django.db import connection

logger = logging.getLogger(__name__)

OK, DEGRADED, DOWN = "ok", "degraded", "down"


@dataclass(frozen=True)
class Check:
    status: str
    reason: str = ""
    backend: str = ""

    def as_dict(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value}


def failure_reason(component: str, exc: Exception) -> str:
    logger.warning("health check of %s failed", component, exc_info=exc)
    return f"{type(exc).__name__}: {component} unreachable or refused the request"


def check_database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means the database is down for us
        return Check(DOWN, failure_reason("database", exc), connection.vendor)
    return Check(OK, backend=connection.vendor)


def check_storage() -> Check:
    storage = storages["default"]
    backend = type(storage).__name__
    try:
        # A lookup of a key that need not exist: proves the store answers and
        # our credentials are accepted, without writing anything.
        storage.exists("healthz/probe")
    except Exception as exc:
        return Check(DOWN, failure_reason("storage", exc), backend)
    return Check(OK, backend=backend)


#: Checks of optional services, registered by the apps that use them (search's
#: AppConfig.ready() adds "search"): core imports no other app.
_registered: dict[str, Callable[[], Check]] = {}


def register_check(name: str, check: Callable[[], Check]) -> None:
    """Add a check to `/healthz`; its failure makes the site "degraded", never "down"."""
    _registered[name] = check


def overall() -> tuple[int, dict]:
    """The HTTP status and the JSON body of `/healthz`."""
    checks = {
        "database": check_database(),
        "storage": check_storage(),
        **{name: check() for name, check in _registered.items()},
    }
    essential_up = all(checks[name].status == OK for name in ("database", "storage"))
    if not essential_up:
        status = DOWN
    elif all(check.status == OK for check in checks.values()):
        status = OK
    else:
        status = DEGRADED
    body = {"status": status, "checks": {name: c.as_dict() for name, c in checks.items()}}
    return (200 if essential_up else 503), body
