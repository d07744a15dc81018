"""The search check of `/healthz`, registered with core.health by SearchConfig.ready()."""

from resource_hub.core.health import DEGRADED, OK, Check, failure_reason


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
