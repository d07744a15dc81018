"""Fixity: do the stored bytes still match what each document's row says about them?

Each document's object is read once, streamed in chunks (never whole, on S3
with ranged GETs through `objectstore.open_reader`), and its SHA-256 and size
are compared with the row's. Used by `manage.py files_audit`.
"""

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field

from django.db.models import QuerySet, Sum

from .inventory import exists, is_missing
from .models import ResourceDocument
from .naming import KEY_PREFIX, is_misplaced
from .objectstore import open_reader

CHUNK_SIZE = 1024 * 1024

# The kinds of problem, as reported (and as keys in the JSON report).
MISSING = "missing"  # no object under the row's key
MISMATCH = "mismatch"  # the object's SHA-256 or size differs from the row's
UNMEASURED = "unmeasured"  # the row has no SHA-256 to compare with
MISPLACED = "misplaced"  # the key is not the one the row's SHA-256 gives
THUMBNAIL_MISSING = "thumbnail-missing"


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str
    document_id: int
    title: str
    key: str
    detail: str
    expected: dict = field(default_factory=dict)
    found: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class AuditResult:
    checked: int = 0
    bytes_read: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, *kinds: str) -> int:
        return sum(1 for problem in self.problems if problem.kind in kinds)


def documents_to_audit(
    *, ids: Iterable[int] | None = None, collection_ids: Iterable[int] | None = None
) -> QuerySet:
    documents = ResourceDocument.objects.order_by("pk")
    if ids:
        documents = documents.filter(pk__in=list(ids))
    if collection_ids is not None:
        documents = documents.filter(collection_id__in=list(collection_ids))
    return documents


def expected_bytes(documents: QuerySet) -> int:
    """How many bytes an audit of these documents will read, by their rows."""
    return documents.aggregate(total=Sum("size"))["total"] or 0


def audit_documents(
    documents: QuerySet, *, on_bytes: Callable[[int], None] = lambda count: None
) -> AuditResult:
    """Check every document; `on_bytes(count)` is called as bytes are read (for a progress bar)."""
    result = AuditResult()
    for document in documents.iterator(chunk_size=500):
        problems, bytes_read = audit_document(document, on_bytes=on_bytes)
        result.checked += 1
        result.bytes_read += bytes_read
        result.problems.extend(problems)
    return result


def audit_document(
    document: ResourceDocument, *, on_bytes: Callable[[int], None] = lambda count: None
) -> tuple[list[Problem], int]:
    """The problems of one document (none when its object matches its row), and bytes read."""
    measured = _measure(document.file.name, document.size, on_bytes) if document.file else None
    problems = list(_problems(document, measured))
    return problems, measured[1] if measured else 0


def _problems(document: ResourceDocument, measured: tuple[str, int] | None) -> Iterator[Problem]:
    key = document.file.name or ""

    def problem(kind, detail, expected=None, found=None, key=key):
        return Problem(kind, document.pk, document.title, key, detail, expected or {}, found or {})

    if not key:
        yield problem(MISSING, "The row names no file at all.")
        return
    if measured is None:
        yield problem(
            MISSING,
            "No object under this key: restore it from a backup (it must have this SHA-256), "
            "or delete the document if it is not needed.",
            expected={"sha256": document.sha256, "size": document.size},
        )
    else:
        sha256, size = measured
        expected = {"sha256": document.sha256, "size": document.size}
        found = {"sha256": sha256, "size": size}
        if not document.sha256:
            yield problem(
                UNMEASURED,
                "The row has no SHA-256 to compare with; re-save the document in the admin "
                "to measure it.",
                expected,
                found,
            )
        elif (sha256, size) != (document.sha256, document.size):
            yield problem(
                MISMATCH,
                "The stored bytes differ from the row: restore the object from a backup with "
                "the expected SHA-256; if the row is wrong instead, upload the file again.",
                expected,
                found,
            )
        if is_misplaced(key, document.sha256):
            yield problem(
                MISPLACED,
                f"The key does not start with {KEY_PREFIX}/{document.sha256[:2]}/"
                f"{document.sha256}/ as the row's SHA-256 says.",
                expected,
                found,
            )
    thumbnail = document.thumbnail.name or ""
    if thumbnail and not exists(thumbnail):
        yield problem(
            THUMBNAIL_MISSING,
            "The thumbnail the row names is not stored; run the document's derivatives again.",
            key=thumbnail,
        )


def _measure(name: str, size: int | None, on_bytes) -> tuple[str, int] | None:
    """(sha256, size) of a stored object, streamed; None when there is no object."""
    digest, count = hashlib.sha256(), 0
    try:
        reader = open_reader(name)
    except Exception as error:
        if is_missing(error):
            on_bytes(size or 0)
            return None
        raise
    with reader:
        while chunk := reader.read(CHUNK_SIZE):
            digest.update(chunk)
            count += len(chunk)
            on_bytes(len(chunk))
    if size is not None and count < size:
        on_bytes(size - count)  # keep the progress bar in step with the rows' sizes
    return digest.hexdigest(), count
