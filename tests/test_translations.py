"""Every interface catalogue is sound and as complete as resource_hub.core.catalogues
requires; the README's coverage table is the one the catalogues give today."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from resource_hub.core.catalogues import (
    REQUIRED,
    catalogue_paths,
    catalogue_read,
    catalogues,
    coverage_table,
)

README = Path(__file__).resolve().parents[1] / "README.md"
LANGUAGES = [code for code, _name, _path in catalogue_paths()]


def test_every_language_of_the_site_has_a_required_share():
    assert sorted(REQUIRED) == sorted(LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_is_sound_and_complete_enough(code):
    (name, path) = next((n, p) for c, n, p in catalogue_paths() if c == code)

    catalogue = catalogue_read(code, name, path)

    assert catalogue.total > 0, f"{path} has no messages"
    assert catalogue.failures() == []


def test_a_placeholder_mismatch_or_a_fuzzy_entry_fails(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, python-format\nmsgid "%(count)s files"\nmsgstr "%(total)s ไฟล์"\n\n'
        '#, fuzzy\nmsgid "Search"\nmsgstr "ค้นหา"\n',
        encoding="utf-8",
    )

    failures = catalogue_read("th", "ไทย", po).failures()

    assert any("count" in failure for failure in failures), failures
    assert any("fuzzy" in failure for failure in failures), failures


def test_the_readme_shows_todays_coverage():
    table = coverage_table(catalogues())
    readme = README.read_text(encoding="utf-8")

    shown = re.search(r"<!-- catalogues -->\n(.*?)\n<!-- /catalogues -->", readme, re.S)

    assert shown, "README.md lacks the <!-- catalogues --> table"
    assert shown.group(1).strip() == table, (
        "README's coverage table is stale: replace it with `manage.py catalogues --table`"
    )
    assert settings.LANGUAGE_CODE == "en"
