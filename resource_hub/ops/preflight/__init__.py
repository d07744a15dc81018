"""`manage.py preflight`: is every service this deployment is configured with ready?

Each group is a function yielding `Result`s, one per check, in the order a
person would fix them (a group stops at the first failure its later checks
depend on). The command prints them as they come; `run` is what tests and
monitoring call.
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy

from .database import check_database
from .mail import check_email
from .objectstore import check_storage
from .result import FAIL, OK, WARN, Result, overall
from .searchindex import check_search
from .site import check_site
from .worker import DEFAULT_MAX_AGE, check_worker

__all__ = ["FAIL", "GROUPS", "OK", "WARN", "Result", "overall", "run"]

#: name -> check; the names are those `--only` accepts.
GROUPS: dict[str, Callable[..., Iterable[Result]]] = {
    "database": check_database,
    "site": check_site,
    "storage": check_storage,
    "search": check_search,
    "email": check_email,
    "worker": check_worker,
}

#: What a person reads while a group runs.
GROUP_LABELS = {
    "database": gettext_lazy("the database"),
    "site": gettext_lazy("the site's addresses"),
    "storage": gettext_lazy("the object store"),
    "search": gettext_lazy("Elasticsearch"),
    "email": gettext_lazy("e-mail"),
    "worker": gettext_lazy("the task worker"),
}

DEFAULT_TIMEOUT = 5.0


def _nothing(name: str) -> None:
    pass


def run(
    *,
    only: Iterable[str] = (),
    timeout: float = DEFAULT_TIMEOUT,
    worker_max_age: timedelta = DEFAULT_MAX_AGE,
    on_group: Callable[[str], None] = _nothing,
) -> Iterator[Result]:
    """Every check's result, as each finishes. `timeout`: seconds per network request;
    `on_group(name)` is called as each group starts (for a progress line)."""
    options = {
        "timeout": timeout,
        "worker_max_age": worker_max_age,
        "origin": settings.SITE_BASE_URL,
    }
    for name, group in GROUPS.items():
        if only and name not in only:
            continue
        on_group(name)
        yield from group(**options)
