"""Writes for documents: storing uploaded files with the facts measured from their bytes."""

import logging
import posixpath
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from wagtail.models import Collection

from resource_hub.access.documents import can_add_document

from .errors import FilePermissionDenied, InvalidFile
from .facts import FileFacts, apply_facts, measure, storage_content_type
from .models import ResourceDocument
from .naming import display_filename, safe_filename, title_from_filename
from .objectstore import reaching_store
from .policy import check_file_allowed
from .tasks import derive_document

logger = logging.getLogger(__name__)

TITLE_MAX_LENGTH = ResourceDocument._meta.get_field("title").max_length


def document_create(
    *,
    user,
    collection: Collection,
    file: File | BinaryIO,
    title: str = "",
    original_filename: str | None = None,
) -> ResourceDocument:
    """Store a file as a new document in `collection`, uploaded by `user`.

    Reads the file once for its SHA-256 and size, sniffs its type from its
    bytes and counts a PDF's pages; writes the object under
    documents/<sha256[:2]>/<sha256>/<safe name> and then the row. Either both
    exist afterwards or neither does: if the row cannot be saved, the object
    is deleted again. (If a caller's own transaction rolls back later, the
    object stays behind; the storage sweep reports such orphans.)

    `original_filename` (default: the file's name) is kept for display; the
    stored name is a safe form of it. `title` defaults to that name without
    its extension.

    Once committed, the document's derivatives (text, thumbnail) are made by
    a background task.

    Raises FilePermissionDenied, EmptyFile, FileTooLarge, FileTypeNotAllowed or
    InvalidFile (all FileError).
    """
    if not can_add_document(user, collection):
        raise FilePermissionDenied()

    upload = file if isinstance(file, File) else File(file)
    original = display_filename(upload.name if original_filename is None else original_filename)
    facts = measure(upload)
    check_file_allowed(facts)  # before anything is stored: a refusal leaves no object and no row

    document = document_build(
        user=user, collection=collection, facts=facts, original_filename=original, title=title
    )
    content = _content(upload, safe_filename(original or upload.name), facts)
    document.file = content
    document_validate(document)

    # The upload happens outside the transaction (it may take minutes); the
    # row follows it, and a failed row takes the object with it.
    with reaching_store():
        document.file.save(content.name, content, save=False)
    document_save_or_discard(document)
    return document


def document_build(
    *, user, collection: Collection, facts: FileFacts, original_filename: str, title: str = ""
) -> ResourceDocument:
    """An unsaved document with the measured facts (and no file yet)."""
    document = ResourceDocument(
        title=(title.strip() or title_from_filename(original_filename))[:TITLE_MAX_LENGTH],
        collection=collection,
        uploaded_by_user=user,
    )
    apply_facts(document, facts, original_filename=original_filename)
    return document


def document_validate(document: ResourceDocument) -> None:
    try:
        document.full_clean()
    except ValidationError as error:
        raise InvalidFile(" ".join(error.messages)) from error


def document_save(document: ResourceDocument) -> None:
    """Save the row of a document whose object is stored, and queue its derivatives.

    If the row cannot be saved the object stays: for an object the caller may
    use again (a completed upload's, at a name of its own; the sweep removes it
    once nothing claims it).
    """
    with transaction.atomic():
        document.save()
        document_enqueue_derivatives(document=document)


def document_save_or_discard(document: ResourceDocument) -> None:
    """Save the row of a document whose object is stored; if that fails, delete the object."""
    try:
        document_save(document)
    except BaseException:
        _delete_object(document)
        raise


def document_enqueue_derivatives(*, document: ResourceDocument) -> None:
    """Queue `derive_document` (text, page count, thumbnail) once the current transaction commits.

    After commit, so that a worker never looks for a row that is not there yet
    (or never will be, after a rollback).
    """
    document_id = document.pk
    transaction.on_commit(lambda: derive_document.enqueue(document_id))


def document_fill_facts(*, document: ResourceDocument) -> None:
    """Measure a document whose file was stored before its facts were known, and re-key it.

    Wagtail's multiple uploader stores a file first and asks for the other
    fields later when one of them is invalid; its object then sits under
    documents/unhashed/. This measures the stored bytes and moves them to
    their content key. The row is not saved here (the caller's form does it).
    """
    old_name = document.file.name
    with document.open_file() as stored:
        facts = measure(stored)
        original = document.original_filename or display_filename(posixpath.basename(old_name))
        apply_facts(document, facts, original_filename=original)
        content = _content(stored, posixpath.basename(old_name), facts)
        document.file.save(content.name, content, save=False)
    if document.file.name != old_name:
        document.file.storage.delete(old_name)


def _content(upload: File | BinaryIO, name: str, facts: FileFacts) -> File:
    """The bytes to store, named and typed by us rather than by the uploader."""
    content = File(upload, name=name)
    # django-storages takes the object's Content-Type from here before guessing from the name.
    content.content_type = storage_content_type(facts.sniffed)
    return content


def _delete_object(document: ResourceDocument) -> None:
    name = document.file.name
    try:
        document.file.storage.delete(name)
    except Exception:  # the original error matters more; the sweep will find the orphan
        logger.exception("could not delete the object %s after a failed save", name)
