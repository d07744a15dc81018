"""The institution page: its profile and its released records, newest first, paginated."""

import pytest
from django.utils import translation

from resource_hub.records.services import record_submit

from .conftest import LANGUAGE_CODES, count_queries


def test_lists_only_released_records_newest_first(client, world, make_record, released):
    released(title="Older release")
    released(title="Newer release")
    make_record(title="Plain draft")
    record_submit(user=world.teacher_a, record=make_record(title="Under review"))

    html = client.get(world.inst_a.url).content.decode()

    assert html.index("Newer release") < html.index("Older release")
    assert "Plain draft" not in html and "Under review" not in html
    assert "中国" not in html  # English page: the country's English name
    assert "China" in html and world.inst_a.name_local in html


def test_long_record_lists_are_paginated(client, world, released):
    for n in range(21):
        released(title=f"Record {n:02d}")

    first = client.get(world.inst_a.url).content.decode()
    second = client.get(world.inst_a.url, {"page": 2}).content.decode()

    assert "Record 20" in first and "Record 00" not in first
    assert "Record 00" in second
    assert 'rel="next"' in first


def test_institution_page_queries_stay_bounded(client, world, released):
    released(title="Only record")
    few = count_queries(client, world.inst_a.url)
    for n in range(8):
        released(title=f"Record {n}")

    assert count_queries(client, world.inst_a.url) == few


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_a_draft_is_not_found_under_any_prefix(client, world, make_record, language):
    draft = make_record(title="Secret draft title")
    with translation.override(language):
        url = draft.get_url()

    response = client.get(url)

    assert url.startswith(f"/{language}/")
    assert response.status_code == 404
    assert "Secret draft title" not in response.content.decode()
