"""Real-browser tests: Playwright drives Debian's Chromium against Django's live server.

One headless Chromium serves all the browser tests; each test gets a fresh context
(cookies, storage) and page. Every request a page makes goes through a guard:
anything outside the live server and the site's own object store is blocked
and fails the test ("no external requests at all", issue 6).

Tests here need `pytest.mark.django_db(transaction=True, serialized_rollback=True)`:
the live server runs in another thread, so it sees only committed rows, and the
vocabularies that migrations load must come back after each test's flush.

Never run `playwright install` (it downloads a browser): scripts/test-deps.sh
installs Debian's `chromium` package, which is the browser these tests drive.
"""

import os
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests.conftest import require

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1280, "height": 800}
DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> str:
    """scheme://host:port, with the port spelled out, so equal origins compare equal."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}:{parts.port or DEFAULT_PORTS.get(parts.scheme)}"


@pytest.fixture(scope="package")
def browser(django_db_setup):
    """Debian's Chromium, headless, started once for all the browser tests.

    Between its calls, Playwright's sync API leaves its event loop marked as
    running in this thread. Django then takes the test's code for async code:
    it refuses database calls (SynchronousOnlyOperation) and keeps database
    connections per context instead of per thread, so the test code gets new
    connections that lack the snapshot `serialized_rollback` restores after
    each test. The test code is plain sync code (the live server has its own
    thread), so the guard is lifted and the snapshot carried over while the
    browser runs; both end with this package, before the rest of the suite.
    """
    require("Chromium", os.access(CHROMIUM, os.X_OK), "run scripts/test-deps.sh")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(
            headless=True, executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        # These connections would be out of reach once the loop stops, and an open
        # one keeps the test database from being dropped at the end of the run.
        connections.close_all()


def allowed_origins(live_server) -> set[str]:
    """The live server and the site's own object store (signed download URLs)."""
    allowed = {origin(live_server.url)}
    endpoint = settings.STORAGES["default"].get("OPTIONS", {}).get("endpoint_url")
    if endpoint:
        allowed.add(origin(endpoint))
    return allowed


@pytest.fixture
def page(request, browser, live_server):
    """A page in a fresh browser context, at desktop width, with the external-request guard."""
    allowed = allowed_origins(live_server)
    outside: list[str] = []
    request.node.outside_requests = outside

    def guard(route):
        url = route.request.url
        if urlsplit(url).scheme in ("data", "blob") or origin(url) in allowed:
            route.continue_()
        else:
            outside.append(url)
            route.abort("blockedbyclient")

    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP, locale="en-GB")
    context.route("**/*", guard)
    page = context.new_page()
    yield page
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail a test (not just its teardown) whose pages asked for another host."""
    result = yield
    outside = getattr(item, "outside_requests", None)
    if outside:
        listed = "\n  ".join(outside)
        pytest.fail(f"the page made requests outside the site:\n  {listed}", pytrace=False)
    return result
