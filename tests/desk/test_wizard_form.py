"""The wizard's details step as a teacher meets it: error summary, types, creators, subjects."""

import html as htmllib
import re

import pytest
from django.urls import reverse

from resource_hub.records.models import RecordPage

from .test_wizard import metadata


@pytest.fixture
def teacher(world, signed_in):
    return signed_in(world.teacher_a)


def error_summary(page: str) -> str:
    match = re.search(r'<div class="desk-error-summary".*?</div>', page, re.S)
    assert match, "no error summary on the page"
    return htmllib.unescape(match.group(0))


def test_an_invalid_orcid_in_a_creator_row_is_in_the_error_summary(world, teacher):
    response = teacher.post(
        reverse("desk:record-new"),
        {
            **metadata(**{"creators-0-orcid": "0000-0002-1825-0098"}),
            "institution": world.inst_a.pk,
        },
    )

    assert response.status_code == 400
    assert not RecordPage.objects.exists()
    summary = error_summary(response.content.decode())
    assert 'href="#id_creators-0-orcid"' in summary
    assert "Creator 1, ORCID iD" in summary


def test_every_field_error_is_in_the_error_summary(world, teacher):
    response = teacher.post(
        reverse("desk:record-new"),
        {**metadata(title="", year=1800), "institution": world.inst_a.pk},
    )

    summary = error_summary(response.content.decode())
    assert 'href="#id_title"' in summary
    assert 'href="#id_year"' in summary
