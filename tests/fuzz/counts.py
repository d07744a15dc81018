"""Counts the requests the fuzz tests generate, and prints them at the end of the run.

The count shows in every run's terminal summary (`make test` included), so
a change that quietly stops the fuzzing is seen. A plugin of tests/conftest.py,
not this folder's conftest: under pytest-xdist the workers count and the
controller, which loads no conftest below tests/, adds their counts up and prints.
"""

from collections import Counter

import pytest

#: {(endpoint, status): number of generated requests}
REQUESTS: Counter = Counter()


@pytest.fixture(scope="session")
def request_counts() -> Counter:
    """Where the fuzz tests add one per request sent: `request_counts[endpoint, status]`."""
    return REQUESTS


def pytest_sessionfinish(session):
    """On an xdist worker: hand this process's counts to the controller."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["fuzz_requests"] = [[e, s, n] for (e, s), n in REQUESTS.items()]


@pytest.hookimpl(optionalhook=True)  # an xdist hook: the controller hears a worker finish
def pytest_testnodedown(node, error):
    for endpoint, status, count in getattr(node, "workeroutput", {}).get("fuzz_requests", []):
        REQUESTS[endpoint, status] += count


def pytest_terminal_summary(terminalreporter):
    if not REQUESTS:
        return
    endpoints = sorted({endpoint for endpoint, _status in REQUESTS})
    terminalreporter.write_sep("-", "hostile parameters: generated requests per endpoint")
    for endpoint in endpoints:
        statuses = sorted((s, n) for (e, s), n in REQUESTS.items() if e == endpoint)
        total = sum(n for _s, n in statuses)
        answers = ", ".join(f"{status}: {count}" for status, count in statuses)
        terminalreporter.write_line(f"{total:6d}  {endpoint}  ({answers})")
    terminalreporter.write_line(f"{sum(REQUESTS.values()):6d}  in all")
