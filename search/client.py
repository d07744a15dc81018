"""The one place that connects to Elasticsearch.

The client is built lazily from settings on first use and cached, so
`manage.py` and tests start without a search node.
"""

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
