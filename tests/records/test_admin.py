"""The admin as teachers and editors use it: their dashboards and the record listing."""

import pytest
from django.urls import reverse

from resource_hub.records.services import (
    record_reject,
    record_release,
    record_submit,
    record_unpublish,
    record_withdraw,
)


@pytest.fixture
def records(world, make_record):
    sent_back = make_record(title="Lesson plan needing changes")
    record_submit(user=world.teacher_a, record=sent_back)
    record_reject(
        user=world.editor_a, record=sent_back, comment="Please add the learning outcomes."
    )
    waiting = make_record(title="Slides waiting for review")
    record_submit(user=world.teacher_a, record=waiting)
    released = make_record(title="Released dataset")
    record_release(user=world.editor_a, record=released)
    other = make_record(
        title="Other institution's draft", author=world.teacher_b, institution=world.inst_b
    )
    return sent_back, waiting, released, other


def test_teacher_dashboard_shows_status_and_the_reviewers_comment(client, world, records):
    client.force_login(world.teacher_a)

    body = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "My records" in body
    assert "Lesson plan needing changes" in body
    assert "Changes requested" in body
    assert "Please add the learning outcomes." in body
    assert "Slides waiting for review" in body and "In review" in body
    assert "Other institution&#x27;s draft" not in body and "Other institution's draft" not in body


def test_editor_dashboard_lists_submissions_awaiting_their_review(client, world, records):
    client.force_login(world.editor_a)

    body = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Awaiting your review" in body
    assert "Slides waiting for review" in body


def test_editor_of_another_institution_has_nothing_to_review(client, world, records):
    client.force_login(world.editor_b)

    body = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Slides waiting for review" not in body


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ({"state": "in_review"}, "Slides waiting for review", "Released dataset"),
        ({"state": "released"}, "Released dataset", "Slides waiting for review"),
        ({"state": "changes_requested"}, "Lesson plan needing changes", "Released dataset"),
        ({"language": "zh"}, "Released dataset", None),
    ],
)
def test_record_listing_filters(client, world, records, query, expected, absent):
    client.force_login(world.admin)

    body = client.get(reverse("records:index"), query).content.decode()

    assert expected in body
    if absent:
        assert absent not in body


def test_record_listing_filters_by_institution(client, world, records):
    client.force_login(world.admin)

    body = client.get(reverse("records:index"), {"institution": world.inst_b.pk}).content.decode()

    assert "Other institution" in body
    assert "Released dataset" not in body


def test_page_chooser_hides_other_institutions_drafts(client, world, records):
    sent_back, waiting, released, other = records
    client.force_login(world.editor_b)

    body = client.get(
        reverse("wagtailadmin_choose_page_child", args=[world.inst_a.pk]),
        {"page_type": "records.recordpage"},
    ).content.decode()

    assert "Released dataset" in body
    assert "Slides waiting for review" not in body
    assert "Lesson plan needing changes" not in body


def test_record_listing_offers_only_the_filters_records_have(client, world, records):
    client.force_login(world.editor_a)

    response = client.get(reverse("records:index"))
    form = response.context["filters"].form

    assert {"institution", "state", "content_type", "language", "access_level"} <= set(form.fields)
    assert "site" not in form.fields
    assert "has_child_pages" not in form.fields


def test_record_editor_has_no_promote_tab_and_shows_levels_as_checkboxes(client, world, records):
    released = records[2]
    client.force_login(world.editor_a)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[released.pk]))
    body = response.content.decode()

    assert response.status_code == 200
    assert 'id="tab-label-promote"' not in body and ">Promote<" not in body
    assert 'name="slug"' in body  # the web address stays editable, on the first tab
    form = response.context["form"]
    assert form.fields["education_levels"].widget.input_type == "checkbox"
    assert form.fields["contributing_institutions"].widget.input_type == "checkbox"
    assert 'type="checkbox" name="education_levels"' in body


def _listing_queries(client, query=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("records:index"), query or {})
    assert response.status_code == 200
    return len(queries), response.content.decode()


def _take_offline(world, make_record, count, *, first=0):
    """Released records taken offline again: even numbers unpublished, odd ones withdrawn."""
    for number in range(first, first + count):
        record = record_release(user=world.editor_a, record=make_record(title=f"Offline {number}"))
        if number % 2:
            record_withdraw(user=world.editor_a, record=record, reason="Copyright claim.")
        else:
            record_unpublish(user=world.editor_a, record=record)


def test_record_listing_reads_offline_states_without_a_query_per_record(client, world, make_record):
    # Unpublished and withdrawn differ by the audit log; the listing reads it
    # with the records, so six offline records cost what two do.
    client.force_login(world.admin)
    _take_offline(world, make_record, 2)
    client.get(reverse("records:index"))  # warm per-process caches (content types, site)
    few, body = _listing_queries(client)
    assert body.count("Withdrawn") >= 1 and body.count("Unpublished") >= 1

    _take_offline(world, make_record, 4, first=2)
    many, body = _listing_queries(client)

    assert many == few
    assert "Offline 5" in body


def test_record_listing_filters_offline_states(client, world, make_record):
    client.force_login(world.admin)
    _take_offline(world, make_record, 2)

    _, withdrawn = _listing_queries(client, {"state": "withdrawn"})
    _, unpublished = _listing_queries(client, {"state": "unpublished"})

    assert "Offline 1" in withdrawn and "Offline 0" not in withdrawn
    assert "Offline 0" in unpublished and "Offline 1" not in unpublished
