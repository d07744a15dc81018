"""The small interface through which the domain apps ask for records to be re-indexed.

`search` reads records, files and institutions to build its documents, so
those apps sit below it and never import it (the import-linter contracts in
`.importlinter`). When they change something the index holds, they call these
functions; `search` registers its implementation (`search.services`) in its
`AppConfig.ready()`. With nothing registered (a project without the search
app) there is nothing to keep in step: the calls do nothing.
"""

from collections.abc import Iterable
from typing import Protocol


class Indexer(Protocol):
    def index_later(self, record_ids: Iterable[int]) -> None:
        """Re-index these records once the current transaction commits."""

    def records_with_document(self, document_id: int) -> list[int]:
        """Ids of the records whose files use this document."""


_indexer: Indexer | None = None


def register(indexer: Indexer | None) -> None:
    """Install the implementation (None removes it). Called by search's AppConfig.ready()."""
    global _indexer
    _indexer = indexer


def index_later(record_ids: Iterable[int]) -> None:
    """Re-index these records after the current transaction commits (nothing without search)."""
    if _indexer is not None:
        # Looked up at call time, so a test that patches the implementation is obeyed.
        _indexer.index_later(record_ids)


def records_with_document(document_id: int) -> list[int]:
    """Ids of the records whose files use this document ([] without search)."""
    if _indexer is None:
        return []
    return _indexer.records_with_document(document_id)
