"""Fault drill: Elasticsearch goes away in the middle of a rebuild.

The site reaches the real node through a TCP relay this test controls, so
"the node stops" is every connection cut and new ones refused, as a stopped
process would do to its clients, while the node itself (shared by the suite)
keeps running for the checks.

What an operator and a visitor see: `rebuild` fails with a clear error naming
the node; the alias still points at the previous index, so once the node is
back search answers from it as before; while it is away, search answers from
the database (degraded). The next rebuild succeeds and leaves one index.
"""

import contextlib
import socket
import threading
from urllib.parse import urlsplit

import pytest

from resource_hub.records.services import record_release
from search import client as search_client
from search import lifecycle, service
from search.errors import SearchUnavailable
from search.params import parse_params


class Relay:
    """Forwards TCP connections from a local port to the node; `cut()` stops it dead."""

    def __init__(self, target: str):
        parts = urlsplit(target)
        self.target = (parts.hostname, parts.port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = []
        self._serve()

    def _serve(self):
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                inbound, _address = listener.accept()
            except OSError:
                return
            outbound = socket.create_connection(self.target)
            self.open += [inbound, outbound]
            for source, sink in ((inbound, outbound), (outbound, inbound)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self):
        self.listener.close()
        for connection in self.open:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()
        self.open = []

    def resume(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen()
        self._serve()


@pytest.fixture
def relayed(es_client, settings):
    """The site talks to the node through the relay; `es_client` still reaches it directly."""
    relay = Relay(settings.ELASTICSEARCH_URL)
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{relay.port}"
    search_client.forget_outage()
    yield relay
    relay.cut()
    search_client.forget_outage()


@pytest.mark.django_db
def test_a_rebuild_cut_short_keeps_the_old_index_and_the_next_one_succeeds(
    world, make_record, es_client, relayed, monkeypatch
):
    for title in ("Rice cultivation", "Rice varieties", "Rice markets"):
        record_release(user=world.editor_a, record=make_record(title=title))
    first = lifecycle.rebuild()
    assert first.indexed == 3

    monkeypatch.setattr(lifecycle, "CHUNK_SIZE", 1)  # one record per bulk request
    with pytest.raises(SearchUnavailable):
        lifecycle.rebuild(on_progress=lambda _count: relayed.cut())  # gone after the first

    # The node itself (asked directly): the alias never moved.
    assert sorted(es_client.indices.get_alias(name=lifecycle.alias_name())) == [first.index]
    away = service.search(parse_params({"q": "rice"}))
    assert away.degraded and away.total == 3  # from the database meanwhile

    relayed.resume()
    search_client.forget_outage()
    back = service.search(parse_params({"q": "rice"}))
    assert not back.degraded and back.total == 3  # the old index, as before
    second = lifecycle.rebuild()
    assert second.indexed == 3
    assert lifecycle.versioned_indices(es_client) == [second.index]  # the cut one is gone too
