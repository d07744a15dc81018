"""One vocabulary of states for a record, the same in the desk, the admin and the API."""

import pytest
from django.urls import reverse

from resource_hub.records import states
from resource_hub.records.admin.filters import filter_by_state
from resource_hub.records.models import RecordPage
from resource_hub.records.selectors import record_status, records_of_author
from resource_hub.records.services import (
    record_reject,
    record_release,
    record_submit,
    record_unpublish,
    record_withdraw,
)


@pytest.fixture
def each_state(world, make_record):
    """A record in each of the seven states (embargo aside: tests/records/test_workflow.py)."""
    draft = make_record(title="A draft")
    in_review = make_record(title="Waiting")
    record_submit(user=world.teacher_a, record=in_review)
    sent_back = make_record(title="Sent back")
    record_submit(user=world.teacher_a, record=sent_back)
    record_reject(user=world.editor_a, record=sent_back, comment="Add the outcomes.")
    released = record_release(user=world.editor_a, record=make_record(title="Out"))
    unpublished = record_release(user=world.editor_a, record=make_record(title="Taken offline"))
    record_unpublish(user=world.editor_a, record=unpublished)
    withdrawn = record_release(user=world.editor_a, record=make_record(title="Withdrawn one"))
    record_withdraw(user=world.editor_a, record=withdrawn, reason="Copyright claim.")
    return {
        states.DRAFT: draft,
        states.IN_REVIEW: in_review,
        states.CHANGES_REQUESTED: sent_back,
        states.RELEASED: released,
        states.UNPUBLISHED: unpublished,
        states.WITHDRAWN: withdrawn,
    }


def test_each_record_has_one_of_the_seven_states(each_state):
    for code, record in each_state.items():
        record = RecordPage.objects.get(pk=record.pk)
        status = record_status(record)
        assert (status.code, str(status.label)) == (code, str(states.LABELS[code]))
    assert record_status(each_state[states.CHANGES_REQUESTED]).comment == "Add the outcomes."


def test_the_desk_listing_reads_the_same_states_in_a_few_queries(
    world, each_state, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        shown = {record.title: status.code for record, status in records_of_author(world.teacher_a)}

    assert shown == {record.title: code for code, record in each_state.items()}


def test_the_admin_filters_by_the_same_states(each_state):
    for code, record in each_state.items():
        found = filter_by_state(RecordPage.objects.all(), code)
        assert list(found.values_list("pk", flat=True)) == [record.pk], code


def test_the_admin_status_tag_uses_our_words(client, world, each_state):
    client.force_login(world.editor_a)

    body = client.get(reverse("records:index")).content.decode()

    for word in ("Withdrawn", "Unpublished", "Changes requested", "In review", "Released"):
        assert word in body
    assert "live + draft" not in body and "in moderation" not in body


def test_the_api_says_the_same_state(client, world, each_state):
    client.force_login(world.teacher_a)

    for code, record in each_state.items():
        body = client.get(f"/api/v1/records/{record.pk}").json()
        assert body["state"]["code"] == code, record.title
