"""Helpers the browser tests call on a page: screenshots and the accessibility check."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
WIDTHS = (1280, 360)  # desktop and a small phone
BLOCKING = ("serious", "critical")


def screenshot(page, name: str) -> list[Path]:
    """Full-page PNGs of the page at each width, test-output/screenshots/<name>-<width>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    before = page.viewport_size
    paths = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        path = SCREENSHOTS / f"{name}-{width}.png"
        page.screenshot(path=path, full_page=True)
        paths.append(path)
    page.set_viewport_size(before)
    return paths


def axe_check(page) -> list[dict]:
    """Run axe-core (bundled with axe-playwright-python) on the page as it is now.

    Fails the test on serious or critical violations, listing each with the
    elements concerned; returns the lesser ones for a test that cares.
    """
    violations = Axe().run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    if blocking:
        pytest.fail(f"axe on {page.url}:\n{describe(blocking)}", pytrace=False)
    return violations


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)
