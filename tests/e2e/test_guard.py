"""The harness itself: a page that asks another host for anything is caught and blocked."""

import pytest

# Like every test with the live server here (see conftest.py): without it, the flush
# after this test would leave rows the next serialized restore then duplicates.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_request_to_another_host_is_blocked_and_reported(page, request):
    page.set_content('<img src="https://cdn.example.org/font.png" alt="">')
    page.wait_for_load_state("load")

    assert request.node.outside_requests == ["https://cdn.example.org/font.png"]
    request.node.outside_requests.clear()  # caught, as it should be: not a failure here
