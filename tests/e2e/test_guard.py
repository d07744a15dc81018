"""The harness itself: a page that asks another host for anything is caught and blocked;
a Content-Security-Policy violation is caught and reported."""

import pytest
from django.urls import reverse

# Like every test with the live server here (see conftest.py): without it, the flush
# after this test would leave rows the next serialized restore then duplicates.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_request_to_another_host_is_blocked_and_reported(page, request):
    page.set_content('<img src="https://cdn.example.org/font.png" alt="">')
    page.wait_for_load_state("load")

    assert request.node.outside_requests == ["https://cdn.example.org/font.png"]
    request.node.outside_requests.clear()  # caught, as it should be: not a failure here


def test_a_csp_violation_is_caught_and_reported(page, request):
    """Our policy blocks an inline script and an inline style; the harness hears of both."""
    page.goto(reverse("search"))
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.ranInline = true";
            document.head.append(script);
            document.body.setAttribute("style", "color: red");
        }"""
    )
    request.node.csp_flush()

    assert page.evaluate("window.ranInline") is None
    violations = request.node.csp_violations
    assert any(v.startswith("event: script-src-elem blocked inline") for v in violations)
    assert any(v.startswith("event: style-src-attr blocked inline") for v in violations)
    assert any(v.startswith("console: ") and "inline script" in v for v in violations)
    violations.clear()  # caught, as it should be: not a failure here
