import functools
import logging
import posixpath

from csp.constants import SELF
from csp.decorators import csp_replace
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from resource_hub.access.documents import can_download, download_access
from resource_hub.access.refusals import refuse
from resource_hub.access.viewers import user_of
from resource_hub.core.params import (
    MAX_ID,
    InvalidParameter,
    clean_integer,
    refuse_invalid_parameters,
)
from resource_hub.stats.models import Metric
from resource_hub.stats.recording import record_event

from .delivery import download_response, inline_response
from .models import ResourceDocument

logger = logging.getLogger(__name__)

#: Seconds a public thumbnail (its redirect and its image) may be cached. A record
#: made private meanwhile may show its old thumbnail that long in a browser that had it.
THUMBNAIL_MAX_AGE = 3600


def refuse_unless_downloadable(request, document):
    """None when the user may download the document; otherwise the refusal.

    Anonymous visitors are asked to sign in (the record may be for registered
    users); a signed-in user who may not see it gets 403.
    """
    if can_download(request, document):
        return None
    return refuse(request)


def _documents(request):
    """Documents, with their collection and uploader when someone is signed in.

    Wagtail's collection-ownership policy reads both when it asks whether a
    signed-in person manages the file. An anonymous visitor manages nothing,
    so their downloads and thumbnails (most of them) skip the two-table join,
    ~0.6 ms a request (issue 13); telling costs no query without a session
    cookie. (Not deferring the uploader's password: computing a deferred
    column set across a join cost more than the column, ~0.25 ms a download.)
    """
    if user_of(request) is None:
        return ResourceDocument.objects.all()
    return ResourceDocument.objects.select_related("collection", "uploaded_by_user")


@require_GET
@refuse_invalid_parameters
def download(request, document_id: int):
    """Permission first, then a signed, short-lived URL (or the streamed file) as an attachment.

    `?record=<id>`: the record the file was downloaded from, for its count.

    A fixed number of queries whatever the file: the document (with whether
    the record holds it) and the access policy's own; a download from a
    record adds the usage event's INSERT, made after the redirect has been
    sent. An anonymous visitor's request reads no session (none exists
    without a cookie), and signing the URL is local: no request to the store.
    """
    document, record_id, refusal = _document_from_record(request, document_id)
    if refusal is not None:
        return refusal
    response = download_response(document)
    if record_id is not None:
        # Counted once the answer is on its way: the WSGI server closes the response
        # after sending it (Django's test client does too), and its closers run then.
        response._resource_closers.append(
            functools.partial(_count, request, document_id=document.pk, record_id=record_id)
        )
    return response


def _document_from_record(request, document_id: int):
    """(document, the record it came from or None, None), or (None, None, the refusal).

    `?record=<id>` names the record the file was opened from; it counts only
    if that record holds the file. A bad value is a 400 naming it, answered
    after the permission check (a refusal says nothing about the parameter).
    One query for the document and whether the record holds it.
    """
    try:
        record_id = _record_parameter(request)
        bad_record = None
    except InvalidParameter as error:
        record_id, bad_record = None, error
    queryset = _documents(request)
    if record_id is not None:
        # The records app's through model, reached by its relation: files sits below records.
        record_file = ResourceDocument._meta.get_field("record_files").related_model
        holders = record_file.objects.filter(document=OuterRef("pk"), record_id=record_id)
        queryset = queryset.annotate(from_record=Exists(holders))
    document = get_object_or_404(queryset, pk=document_id)
    refusal = refuse_unless_downloadable(request, document)
    if refusal is not None:
        return None, None, refusal
    if bad_record is not None:
        raise bad_record
    counted = record_id if record_id is not None and document.from_record else None
    return document, counted, None


def _count(request, *, document_id: int, record_id: int) -> None:
    """A COUNTER request of the record the file was downloaded from (statistics' raw event).

    A download that names no record (the desk's review page, a hand-made link)
    is not a use of a released record and is not counted.
    """
    try:
        record_event(request, metric=Metric.REQUEST, record_id=record_id, document_id=document_id)
    except Exception:  # Django swallows a closer's error silently; say what was lost
        logger.exception("a download of document %s was not counted", document_id)


def _record_parameter(request) -> int | None:
    value = request.GET.get("record", "").strip()
    return clean_integer("record", value, low=1, high=MAX_ID) if value else None


@require_GET
@refuse_invalid_parameters
@xframe_options_sameorigin  # the record page shows PDFs in an <iframe> (local storage: our origin)
@csp_replace({"frame-ancestors": SELF})  # the same, for CSP (settings/security.py)
def preview(request, document_id: int):
    """The file itself, shown in the browser: PDF, raster images, audio and video only.

    Same permission as a download. HTML, SVG and anything else that could run
    in the browser is never served inline: those are only downloaded.
    """
    document, record_id, refusal = _document_from_record(request, document_id)
    if refusal is not None:
        return refusal
    if document.preview_kind is None:
        raise Http404(_("Files of this kind can only be downloaded, not previewed."))
    response = inline_response(
        document.file.name,
        filename=document.original_filename or document.filename,
        content_type=document.mime_type,
    )
    if record_id is not None:
        # A preview opened from its record's page (closed until asked for there) is a
        # COUNTER investigation of the record, written once the answer has gone.
        response._resource_closers.append(
            functools.partial(
                record_event,
                request,
                metric=Metric.INVESTIGATION,
                record_id=record_id,
                document_id=document.pk,
            )
        )
    return response


@require_GET
def thumbnail(request, document_id: int):
    """The document's thumbnail (made by the derive_document task), with the same permission."""
    document = get_object_or_404(_documents(request), pk=document_id)
    # One read of the policy answers both: may this viewer have it, and may anyone
    # (then caches may keep the picture).
    access = download_access(request, document, need_public=True)
    if not access.allowed:
        return refuse(request)
    if not document.thumbnail:
        raise Http404(_("This file has no thumbnail."))
    name = document.thumbnail.name
    extension = posixpath.splitext(name)[1].lstrip(".")
    content_type = "image/webp" if extension == "webp" else "image/jpeg"
    # A public file's thumbnail may be kept by browsers and shared caches, so a
    # results page or a collection does not fetch every picture again on each view;
    # anyone else's stays private.
    return inline_response(
        name,
        filename=posixpath.basename(name),
        content_type=content_type,
        public_max_age=THUMBNAIL_MAX_AGE if access.public else None,
    )
