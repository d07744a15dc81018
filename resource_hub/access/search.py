"""The access rule in the search index's terms: fields written, filter applied.

Each document carries its clauses as nested objects (`access_clauses`, one
per view restriction on the record's path, with the tokens that satisfy it).
A viewer may see a document when no clause lacks every one of the viewer's
tokens; that is `Viewer.passes`, written as an Elasticsearch filter. Pure
functions: no database, no client.
"""

from .viewers import ANY_GROUP, ANYONE, AUTHENTICATED, Viewer

CLAUSES_FIELD = "access_clauses"
TOKENS_FIELD = f"{CLAUSES_FIELD}.tokens"
SUGGEST_CONTEXT = "access"
#: The completion context of a record no single set of tokens describes.
NOBODY = "nobody"


def document_fields(clauses: list[frozenset[str]], *, access_level: str) -> dict:
    """What a record's index document says about who may see it.

    `access_level` is the label shown on results ("public", "registered",
    "institution"); a restriction above the record makes it at least as
    strict as that restriction, and a password makes it "restricted".
    """
    return {
        CLAUSES_FIELD: [{"tokens": sorted(clause)} for clause in clauses],
        "access_level": _label(clauses, access_level),
        "access_suggest": suggest_context(clauses),
    }


def query_filter(viewer: Viewer) -> dict:
    """The filter of documents `viewer` may see."""
    return {
        "bool": {
            "must_not": [
                {
                    "nested": {
                        "path": CLAUSES_FIELD,
                        "query": {
                            "bool": {"must_not": [{"terms": {TOKENS_FIELD: sorted(viewer.tokens)}}]}
                        },
                    }
                }
            ]
        }
    }


def suggest_context(clauses: list[frozenset[str]]) -> list[str]:
    """Completion contexts of a record: any one of them lets a viewer see its title.

    A completion context is one set of alternatives, so only a record whose
    clauses come down to one set can be suggested to those it is visible to:
    no clause (everyone), or one clause. A login clause adds nothing beside a
    groups clause (every group member is signed in). Other records are
    suggested to no one; they are still found by search.
    """
    kept = [clause for clause in clauses if clause != {AUTHENTICATED} or not _has_groups(clauses)]
    kept = list(dict.fromkeys(kept))
    if not kept:
        return [ANYONE]
    if len(kept) == 1:
        return sorted(kept[0])
    return [NOBODY]


def suggest_filter(viewer: Viewer) -> list[str]:
    return sorted(viewer.tokens)


def _has_groups(clauses) -> bool:
    return any(ANY_GROUP in clause for clause in clauses)


def _label(clauses: list[frozenset[str]], access_level: str) -> str:
    order = ["public", "registered", "institution", "restricted"]
    level = access_level if access_level in order else "public"
    for clause in clauses:
        if clause == {AUTHENTICATED}:
            found = "registered"
        elif ANY_GROUP in clause:
            found = "institution"
        else:
            found = "restricted"
        level = max(level, found, key=order.index)
    return level
