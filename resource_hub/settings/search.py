"""Public search: an Elasticsearch node when ELASTICSEARCH_URL is set, else database search.

Connections are made lazily by `search.client.get_client()`; nothing here
talks to the network.
"""

from .environment import env_int, env_str

ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
# Every index and alias the project creates starts with this prefix, so several
# sites (or test runs) can share one cluster.
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "resource-hub")
ELASTICSEARCH_SHARDS = env_int("ELASTICSEARCH_SHARDS", 1)
ELASTICSEARCH_REPLICAS = env_int("ELASTICSEARCH_REPLICAS", 0)
ELASTICSEARCH_TIMEOUT = env_int("ELASTICSEARCH_TIMEOUT", 10)
# The most characters of its files' extracted text one record carries into the
# index: enough for any query to find a document by its content, without
# sending a whole book with every bulk request.
ELASTICSEARCH_FILE_TEXT_MAX_CHARS = env_int("ELASTICSEARCH_FILE_TEXT_MAX_CHARS", 100_000)

# How many similar records a record's page lists (search/related.py).
SIMILAR_RECORDS_COUNT = 5

# Wagtail's own search (the admin, and the fallback for public search) stays in
# the database: the public index is ours, built by search/.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
