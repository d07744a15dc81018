"""Health of the three services the site depends on, for `/healthz`.

Each check returns a `Check`: "ok", "degraded" (working with less) or "down".
Reasons are short and free of host names and credentials, because `/healthz`
is public; the full error goes to the log.
"""

import logging
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


def _failure(component: str, exc: Exception) -> str:
    logger.warning("health check of %s failed", component, exc_info=exc)
    return f"{type(exc).__name__}: {component} unreachable or refused the request"


def check_database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means the database is down for us
        return Check(DOWN, _failure("database", exc), connection.vendor)
    return Check(OK, backend=connection.vendor)


def check_storage() -> Check:
    storage = storages["default"]
    backend = type(storage).__name__
    try:
        # A lookup of a key that need not exist: proves the store answers and
        # our credentials are accepted, without writing anything.
        storage.exists("healthz/probe")
    except Exception as exc:
        return Check(DOWN, _failure("storage", exc), backend)
    return Check(OK, backend=backend)


def check_search() -> Check:
    # Inside: the Elasticsearch client loads on first use, and core imports no app at load time.
    from search.client import get_client
    from search.lifecycle import index_problem

    client = get_client()
    if client is None:
        return Check(
            DEGRADED, "Elasticsearch is not configured; database search is used", "database"
        )
    try:
        health = client.cluster.health(timeout="2s")
    except Exception as exc:
        return Check(
            DEGRADED, _failure("search", exc) + "; database search is used", "elasticsearch"
        )
    if health["status"] == "red":
        return Check(DEGRADED, "cluster status is red", "elasticsearch")
    # The engine answers, but without the site's own index (or with an empty
    # or outdated one) searches do not answer from it: say so rather than "ok".
    try:
        problem = index_problem(client)
    except Exception as exc:
        return Check(
            DEGRADED, _failure("search index", exc) + "; database search is used", "elasticsearch"
        )
    if problem:
        return Check(
            DEGRADED,
            f"{problem}; run `manage.py search_index ensure`",
            "elasticsearch",
        )
    return Check(OK, backend="elasticsearch")


def overall() -> tuple[int, dict]:
    """The HTTP status and the JSON body of `/healthz`."""
    checks = {
        "database": check_database(),
        "storage": check_storage(),
        "search": check_search(),
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
