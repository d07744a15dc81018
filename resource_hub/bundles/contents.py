"""What goes into a bundle: the records a viewer may open, and their files, read once.

The access policy decides everything here. A record is in a bundle when
`visible_records` lets the viewer open it (released, and every view
restriction on its path passed), the same query the record page, the
collection page and the exports ask; its files are the ones
`documents.can_download` then allows, since that rule lets whoever may open a
released record holding a file download it. Asking per record in one query,
rather than per file, keeps the number of queries fixed however many files a
collection holds (tests/bundles check the two agree file by file).

Every relation is read for all records at once: a bundle of 3 records or of
300 costs the same dozen queries.
"""

import dataclasses
import posixpath
from dataclasses import dataclass, field

from wagtail.models import Page

from resource_hub.access.records import visible_pages, visible_records
from resource_hub.events.selectors import visible_events
from resource_hub.files.naming import safe_filename
from resource_hub.records.citation import Work
from resource_hub.records.exports import work_of
from resource_hub.records.models import (
    AchievementPage,
    CuratedCollectionItem,
    CuratedCollectionPage,
    RecordCreator,
    RecordFile,
    RecordKeyword,
    RecordPage,
    RecordTranslation,
)
from resource_hub.records.selectors import record_stable_url

#: Folder names stay short: Windows still trips over paths longer than 260 characters.
MAX_FOLDER_TITLE = 60


@dataclass(frozen=True)
class BundleFile:
    """One stored file, where it goes in the archive and what the manifest says of it."""

    document: object  # files.ResourceDocument, for the download count
    record_id: int
    name: str  # the object's storage-relative name
    filename: str  # the name people know it by
    title: str
    label: str
    path: str  # inside the archive
    size: int | None  # as recorded; the stream uses the size the store reports
    sha256: str
    mime_type: str


@dataclass(frozen=True)
class BundleRecord:
    record: object  # records.RecordPage with language, resource_type, licence and subject
    work: Work
    stable_url: str
    folder: str
    creators: list = field(default_factory=list)
    translations: list = field(default_factory=list)
    levels: list = field(default_factory=list)
    files: list[BundleFile] = field(default_factory=list)


@dataclass(frozen=True)
class Bundle:
    """A record, a curated collection or an event's records, as the viewer may have it."""

    kind: str  # "record", "collection" or "event"
    object_id: int
    title: str
    description: str
    url: str
    records: list[BundleRecord]

    @property
    def files(self) -> list[BundleFile]:
        return [file for entry in self.records for file in entry.files]

    @property
    def licences(self) -> list:
        """The records' licences, each once, in the order they first appear."""
        seen = {}
        for entry in self.records:
            seen.setdefault(entry.record.licence_id, entry.record.licence)
        return list(seen.values())


def bundle_of_record(who, record_id: int) -> Bundle | None:
    """The record's bundle, or None when `who` may not open it (or it is not released)."""
    entries = _entries(who, [record_id])
    if not entries:
        return None
    record = entries[0].record
    return Bundle(
        kind="record",
        object_id=record.pk,
        title=record.title,
        description=record.abstract,
        url=entries[0].stable_url,
        records=entries,
    )


def bundle_of_collection(who, collection_id: int) -> Bundle | None:
    """The collection's bundle, in the editor's order and with only what `who` may open.

    None when the collection itself is not released or `who` may not open it.
    """
    collection = visible_pages(who, CuratedCollectionPage.objects.filter(pk=collection_id)).first()
    if collection is None:
        return None
    order = list(
        CuratedCollectionItem.objects.filter(collection=collection)
        .order_by("sort_order", "pk")
        .values_list("record_id", flat=True)
    )
    return Bundle(
        kind="collection",
        object_id=collection.pk,
        title=collection.title,
        description=collection.description,
        url=collection.get_full_url(),
        records=_entries(who, list(dict.fromkeys(order))),
    )


def bundle_of_event(who, event_id: int) -> Bundle | None:
    """The event's bundle: its released records `who` may open, newest first.

    None when the event is not released or `who` may not open it (the policy's
    `visible_pages`, as for a collection). An event with no record the viewer
    may open gives an empty bundle, as a collection does.
    """
    event = visible_events(who).filter(pk=event_id).first()
    if event is None:
        return None
    ids = list(
        RecordPage.objects.filter(event=event)
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)
    )
    return Bundle(
        kind="event",
        object_id=event.pk,
        title=event.title,
        description=event.description,
        url=event.get_full_url(),
        records=_entries(who, ids),
    )


def _entries(who, record_ids: list[int]) -> list[BundleRecord]:
    """The records of `record_ids` that `who` may open, in that order, with all they need."""
    records = {
        record.pk: record
        for record in visible_records(who, RecordPage.objects.filter(pk__in=record_ids))
        .select_related("language", "resource_type", "licence", "subject")
        .prefetch_related("education_levels")
    }
    ids = [pk for pk in record_ids if pk in records]
    if not ids:
        return []
    creators = _grouped(RecordCreator.objects.filter(record_id__in=ids))
    translations = _grouped(RecordTranslation.objects.filter(record_id__in=ids))
    keywords = _grouped(
        RecordKeyword.objects.filter(content_object_id__in=ids).select_related("tag"),
        key="content_object_id",
        order=("pk",),
    )
    files = _grouped(RecordFile.objects.filter(record_id__in=ids).select_related("document"))
    parents = _parent_titles(records[pk] for pk in ids)
    extra = {
        row["pk"]: row
        for row in AchievementPage.objects.filter(pk__in=ids).values(
            "pk", "doi", "isbn", "patent_number", "achievement_date"
        )
    }
    entries = []
    for pk in ids:
        record = records[pk]
        stable_url = record_stable_url(pk)
        work = work_of(
            record,
            url=stable_url,
            creators=creators.get(pk, []),
            translations=translations.get(pk, []),
            keywords=[item.tag for item in keywords.get(pk, [])],
            publisher=parents.get(record.path[: -Page.steplen], ""),
        )
        if pk in extra:  # the achievement's own identifiers, as its specific page has them
            row = extra[pk]
            work = dataclasses.replace(
                work,
                doi=row["doi"],
                isbn=row["isbn"],
                patent_number=row["patent_number"],
                issued=row["achievement_date"],
            )
        folder = _folder(record)
        entries.append(
            BundleRecord(
                record=record,
                work=work,
                stable_url=stable_url,
                folder=folder,
                creators=creators.get(pk, []),
                translations=translations.get(pk, []),
                levels=list(record.education_levels.all()),
                files=_files(record, folder, files.get(pk, [])),
            )
        )
    return entries


def _grouped(queryset, *, key="record_id", order=("sort_order", "pk")) -> dict[int, list]:
    # sort_order is empty for rows the services made (not the admin form): pk keeps their order.
    grouped: dict[int, list] = {}
    for row in queryset.order_by(key, *order):
        grouped.setdefault(getattr(row, key), []).append(row)
    return grouped


def _parent_titles(records) -> dict[str, str]:
    """Each record's institution (its parent page) by path, in one query."""
    paths = {record.path[: -Page.steplen] for record in records}
    return dict(Page.objects.filter(path__in=paths).values_list("path", "title"))


def _folder(record) -> str:
    """`<id> <title>`: unique in the archive, and readable (a long title cut at a space
    when it has one, not inside a word; Chinese and Thai titles have none: cut where it is)."""
    title = record.title
    if len(title) > MAX_FOLDER_TITLE:
        cut = title[: MAX_FOLDER_TITLE + 1].rsplit(" ", 1)[0]
        title = cut if len(cut) >= MAX_FOLDER_TITLE // 2 else title[:MAX_FOLDER_TITLE]
    return f"{record.pk} {safe_filename(title)}"


def _files(record, folder: str, rows: list) -> list[BundleFile]:
    taken: set[str] = set()
    files = []
    for row in rows:
        document = row.document
        filename = document.original_filename or posixpath.basename(document.file.name)
        files.append(
            BundleFile(
                document=document,
                record_id=record.pk,
                name=document.file.name,
                filename=filename,
                title=document.title,
                label=row.label,
                path=f"{folder}/{_unique(safe_filename(filename), taken)}",
                size=document.size,
                sha256=document.sha256,
                mime_type=document.mime_type,
            )
        )
    return files


def _unique(name: str, taken: set[str]) -> str:
    """`name`, or `name (2).ext`... when another file of the record has it already."""
    stem, extension = posixpath.splitext(name)
    candidate, number = name, 1
    while candidate.casefold() in taken:  # case-insensitive: Windows and macOS folders are
        number += 1
        candidate = f"{stem} ({number}){extension}"
    taken.add(candidate.casefold())
    return candidate
