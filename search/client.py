"""The one place that connects to Elasticsearch.

The client is built lazily from settings on first use and cached, so
`manage.py` and tests start without a search node.
"""

import time
from functools import cache

from django.conf import settings
from elasticsearch import Elasticsearch


@cache
def get_client() -> Elasticsearch | None:
    """The shared client, or None when ELASTICSEARCH_URL is not set (database search)."""
    if not settings.ELASTICSEARCH_URL:
        return None
    return Elasticsearch(
        settings.ELASTICSEARCH_URL,
        request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        retry_on_timeout=True,
        max_retries=2,
    )


#: After the node did not answer, searches and related records go straight to
#: the database for this long, so that a node that hangs (rather than refuses)
#: does not make every visitor wait for the timeout.
RETRY_AFTER_SECONDS = 30
_down_until = 0.0


def node_seems_down() -> bool:
    """Did the node fail to answer within the last RETRY_AFTER_SECONDS?"""
    return time.monotonic() < _down_until


def mark_node_down() -> None:
    """The node did not answer: leave it alone for RETRY_AFTER_SECONDS."""
    global _down_until
    _down_until = time.monotonic() + RETRY_AFTER_SECONDS


def forget_outage() -> None:
    """Ask the node again next time (called when the settings change)."""
    global _down_until
    _down_until = 0.0


def index_name(suffix: str) -> str:
    """A project-prefixed index or alias name, e.g. `resource-hub-records`."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{suffix}"


def server_version() -> str:
    """The version number the connected node reports."""
    client = get_client()
    if client is None:
        raise RuntimeError("Elasticsearch is not configured (set ELASTICSEARCH_URL)")
    # The nodes API rather than `GET /`: the test distribution answers `GET /`
    # with 405, and a cluster reports its nodes' versions here either way.
    nodes = client.nodes.info(node_id="_local", filter_path="nodes.*.version")["nodes"]
    return next(iter(nodes.values()))["version"]
