"""Real-browser tests: Playwright drives Debian's Chromium against Django's live server.

One headless Chromium serves all the browser tests; each test gets a fresh context
(cookies, storage) and page. Every request a page makes goes through a guard:
anything outside the live server and the site's own object store is blocked
and fails the test ("no external requests at all", issue 6). Every frame also
reports Content-Security-Policy violations (the `securitypolicyviolation` event
and the console's "Refused to ..." messages), and any one fails the test: the
pages are proven to work under the policy (settings/security.py, issue 11).

Tests here need `pytest.mark.django_db(transaction=True, serialized_rollback=True)`:
the live server runs in another thread, so it sees only committed rows, and the
vocabularies that migrations load must come back after each test's flush.

Never run `playwright install` (it downloads a browser): scripts/test-deps.sh
installs Debian's `chromium` package, which is the browser these tests drive.
"""

import contextlib
import os
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import Error as PlaywrightError

from tests.conftest import require

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1280, "height": 800}
DEFAULT_PORTS = {"http": 80, "https": 443}
# Never leave the machine: inline data, and Chromium's own pages (its PDF viewer, which
# a preview <iframe> opens when JavaScript is off and lazy loading with it).
LOCAL_SCHEMES = ("data", "blob", "chrome", "chrome-extension")


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


# Runs first in every frame of every page: sends each CSP violation to the test.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__rhReportViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
    + (event.sample ? ` (${event.sample})` : "")
  );
}, true);
"""


def is_csp_message(text: str) -> bool:
    return "Content Security Policy" in text or "Content-Security-Policy" in text


@pytest.fixture
def new_context(request, browser, live_server):
    """Browser contexts with the external-request guard and the CSP watch; closed afterwards.

    Takes browser.new_context()'s options (e.g. java_script_enabled=False).
    """
    allowed = allowed_origins(live_server)
    outside: list[str] = []
    violations: list[str] = []
    request.node.outside_requests = outside
    request.node.csp_violations = violations
    contexts = []

    def guard(route):
        url = route.request.url
        if urlsplit(url).scheme in LOCAL_SCHEMES or origin(url) in allowed:
            route.continue_()
        else:
            outside.append(url)
            route.abort("blockedbyclient")

    def on_console(message):
        if is_csp_message(message.text):
            violations.append(f"console: {message.text}")

    def make(**options):
        options = {"base_url": live_server.url, "viewport": DESKTOP, "locale": "en-GB", **options}
        context = browser.new_context(**options)
        context.route("**/*", guard)
        context.expose_binding(
            "__rhReportViolation", lambda _source, text: violations.append(f"event: {text}")
        )
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("console", on_console)
        contexts.append(context)
        return context

    def flush():
        """A round trip to every open page, so events the page sent have arrived."""
        for context in contexts:
            for open_page in context.pages:
                # Closed, or navigating: nothing more to hear from that page.
                with contextlib.suppress(PlaywrightError):
                    open_page.evaluate("0")

    request.node.csp_flush = flush
    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A page in a fresh browser context, at desktop width, guarded and watched for CSP."""
    return new_context().new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail a test (not just its teardown) whose pages asked for another host or broke the CSP.

    A test that failed on its own still lists the violations, which may be why.
    """
    try:
        result = yield
    except BaseException:
        problems = _problems(item)
        if problems:
            item.add_report_section("call", "browser", "\n".join(problems))
        raise
    problems = _problems(item)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
    return result


def _problems(item) -> list[str]:
    problems = []
    outside = getattr(item, "outside_requests", None)
    if outside:
        problems.append("the page made requests outside the site:\n  " + "\n  ".join(outside))
    flush = getattr(item, "csp_flush", None)
    if flush is not None:
        flush()
    violations = getattr(item, "csp_violations", None)
    if violations:
        problems.append("Content-Security-Policy violations:\n  " + "\n  ".join(violations))
    return problems
