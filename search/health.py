"""The search check of `/healthz`, registered with core.health by SearchConfig.ready()."""

from django.conf import settings

from resource_hub.core.health import DEGRADED, OK, Check, failure_reason

#: The longest /healthz waits for Elasticsearch (the search client's own timeout if shorter).
HEALTH_TIMEOUT_SECONDS = 3


def check_search() -> Check:
    """Search is optional: without Elasticsearch the site answers from the database."""
    # On first use: the Elasticsearch library is heavy, and only /healthz needs it here.
    from .client import get_client
    from .lifecycle import index_problem

    client = get_client()
    if client is None:
        return Check(
            DEGRADED, "Elasticsearch is not configured; database search is used", "database"
        )
    # One try, within a few seconds: a node that accepts connections and never
    # answers must not hold a load balancer's probe for the client's full
    # timeout and its retries.
    client = client.options(
        request_timeout=min(HEALTH_TIMEOUT_SECONDS, settings.ELASTICSEARCH_TIMEOUT), max_retries=0
    )
    try:
        health = client.cluster.health(timeout="2s")
    except Exception as exc:
        return Check(
            DEGRADED, failure_reason("search", exc) + "; database search is used", "elasticsearch"
        )
    if health["status"] == "red":
        return Check(DEGRADED, "cluster status is red", "elasticsearch")
    # The engine answers, but without the site's own index (or with an empty
    # or outdated one) searches do not answer from it: say so rather than "ok".
    try:
        problem = index_problem(client)
    except Exception as exc:
        reason = failure_reason("search index", exc) + "; database search is used"
        return Check(DEGRADED, reason, "elasticsearch")
    if problem:
        return Check(
            DEGRADED,
            f"{problem}; run `manage.py search_index ensure`",
            "elasticsearch",
        )
    return Check(OK, backend="elasticsearch")
