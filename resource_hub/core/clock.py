"""The worker's clock: small jobs the apps register, run on each of its ticks.

Core sits below every app, so an app with a regular job (stats: the daily
aggregation) registers it here from its `AppConfig.ready()`, and the worker
(`manage.py worker`) runs `tick()` at start and then every
`--schedule-interval` seconds. A job must be cheap when nothing is due: it
usually only checks whether its task is due and queues it.
"""

import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)

_jobs: list[Callable[[], object]] = []


def register(job: Callable[[], object]) -> None:
    """Run `job` on every tick of the worker's clock (registering twice runs it once)."""
    if job not in _jobs:
        _jobs.append(job)


def tick() -> None:
    """Run every registered job; one that fails is logged and the others still run."""
    for job in list(_jobs):
        try:
            job()
        except Exception:  # a database blip must not stop the clock; the next tick retries
            logger.exception("the clock's job %s failed", getattr(job, "__qualname__", job))
