"""Fault drill: an Elasticsearch node that accepts connections but never answers.

A visitor's search falls back to the database after one timeout (no retries),
the next visitors are answered from the database at once while the node is
given time, and `/healthz` says search is degraded within its own short
timeout. Nothing is written or lost: search only reads.
"""

import socket
import threading

import pytest
from django.urls import reverse

from search import client as search_client
from search import service
from search.params import parse_params


class SilentNode:
    """A TCP listener on loopback that accepts every connection and never answers."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.listener.accept()
            except OSError:
                return
            self.accepted.append(connection)  # kept open, never read or answered

    def close(self):
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def silent_node(settings):
    node = SilentNode()
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{node.port}"
    settings.ELASTICSEARCH_TIMEOUT = 1  # seconds; production's default is 10
    search_client.forget_outage()
    yield node
    node.close()
    search_client.forget_outage()


@pytest.mark.django_db
def test_a_search_falls_back_after_one_timeout_and_the_next_ones_at_once(world, silent_node):
    first = service.search(parse_params({"q": "rice"}))

    assert first.degraded
    assert len(silent_node.accepted) == 1  # one attempt: no retry after the timeout

    second = service.search(parse_params({"q": "lesson"}))
    assert second.degraded
    assert len(silent_node.accepted) == 1  # answered from the database without asking the node


@pytest.mark.django_db
def test_healthz_says_search_is_degraded_after_one_attempt(client, silent_node):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    body = response.json()
    assert body["checks"]["search"]["status"] == "degraded", body
    assert len(silent_node.accepted) == 1, "the health check must not retry a node that hangs"
