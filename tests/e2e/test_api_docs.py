"""The interactive API docs work in a browser under the site's Content-Security-Policy.

The page and its scripts come from the site's own static files (django-ninja's
Swagger UI): any CSP violation or console error fails the test (conftest.py).
"""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_api_docs_draw_every_operation_from_the_sites_own_files(page, live_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(f"{live_server.url}/api/v1/docs")

    expect(page.get_by_role("heading", name="Resource Hub API")).to_be_visible()
    expect(
        page.locator(".opblock").filter(has_text="/api/v1/records/{record_id}/release").first
    ).to_be_visible()
    assert page.locator(".opblock").count() >= 20
    assert [url for url in requested if not url.startswith(live_server.url)] == []
