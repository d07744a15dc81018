"""Bundle and course-package downloads: the access policy first, then the stream.

A record or collection the viewer may not open (a draft, a record under
review, a members-only record for an outsider, an unknown id) is a 404, as
the citation exports answer: a download never tells that something exists.
"""

import functools
from urllib.parse import quote

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from resource_hub.core.params import MAX_ID, InvalidParameter, clean_text, refuse_invalid_parameters
from resource_hub.files.errors import StorageUnavailable
from resource_hub.files.naming import safe_filename
from resource_hub.files.objectstore import reaching_store
from resource_hub.records.models import TeachingResourcePage
from resource_hub.stats.models import ItemKind, Metric
from resource_hub.stats.recording import record_events

from .archive import zip_members
from .cartridge import DEFAULT_VERSION, VERSIONS, cartridge_members
from .contents import Bundle, bundle_of_collection, bundle_of_event, bundle_of_record
from .streaming import check_objects, on_start, sized_zip

ZIP = "application/zip"
# Common Cartridge packages are ZIPs with their own extension and media type per version.
IMSCC = "application/vnd.ims.imscc{v}"
MAX_TITLE_IN_NAME = 80


def _bundle_or_404(select, request, object_id: int) -> Bundle:
    if not 1 <= object_id <= MAX_ID:  # beyond PostgreSQL's integer: no such row
        raise Http404
    bundle = select(request, object_id)
    if bundle is None:
        raise Http404
    return bundle


@require_safe
def record_files(request, record_id: int):
    """All files of a record: a ZIP with its files, manifest, citation and licence."""
    bundle = _bundle_or_404(bundle_of_record, request, record_id)
    return _streamed(request, bundle, zip_members, extension="zip", content_type=ZIP)


@require_safe
def collection_files(request, collection_id: int):
    """All files of a curated collection: every record the viewer may open."""
    bundle = _bundle_or_404(bundle_of_collection, request, collection_id)
    return _streamed(request, bundle, zip_members, extension="zip", content_type=ZIP)


@require_safe
def event_files(request, event_id: int):
    """All files of an event's released records that the viewer may open."""
    bundle = _bundle_or_404(bundle_of_event, request, event_id)
    return _streamed(request, bundle, zip_members, extension="zip", content_type=ZIP)


def cartridge_version(request) -> str:
    """`?version=1.1` (Moodle) or `1.3` (Canvas); 1.3 when not given."""
    value = clean_text("version", request.GET.get("version", DEFAULT_VERSION), max_length=8)
    if value not in VERSIONS:
        raise InvalidParameter(
            "version",
            _("version must be one of %(choices)s.") % {"choices": ", ".join(VERSIONS)},
        )
    return value


@require_safe
@refuse_invalid_parameters
def record_cartridge(request, record_id: int):
    """A teaching resource as an IMS Common Cartridge (achievements have no course package)."""
    version = VERSIONS[cartridge_version(request)]
    bundle = _bundle_or_404(bundle_of_record, request, record_id)
    teaching = ContentType.objects.get_for_model(TeachingResourcePage)
    if bundle.records[0].record.content_type_id != teaching.pk:
        raise Http404
    members = functools.partial(cartridge_members, version=version)
    return _streamed(
        request,
        bundle,
        members,
        extension="imscc",
        content_type=IMSCC.format(v="v" + version.code.replace(".", "p")),
        suffix=version.code,
    )


@require_safe
@refuse_invalid_parameters
def collection_cartridge(request, collection_id: int):
    """A curated collection as an IMS Common Cartridge: one item per record the viewer may open."""
    version = VERSIONS[cartridge_version(request)]
    bundle = _bundle_or_404(bundle_of_collection, request, collection_id)
    members = functools.partial(cartridge_members, version=version)
    return _streamed(
        request,
        bundle,
        members,
        extension="imscc",
        content_type=IMSCC.format(v="v" + version.code.replace(".", "p")),
        suffix=version.code,
    )


def _streamed(request, bundle: Bundle, members, *, extension, content_type, suffix=""):
    """The archive, streamed with its exact length, or a 503 page if a file cannot be read."""
    try:
        with reaching_store():
            sizes, failed = check_objects({file.name: file.size for file in bundle.files})
    except StorageUnavailable as error:
        return _unavailable(request, bundle, error.message)
    if failed:
        message = ngettext(
            "%(count)d file cannot be read from storage, so the download was not started. "
            "The problem has been logged for the site's administrators; please try again "
            "later, or download the other files one by one.",
            "%(count)d files cannot be read from storage, so the download was not started. "
            "The problem has been logged for the site's administrators; please try again "
            "later, or download the other files one by one.",
            len(failed),
        ) % {"count": len(failed)}
        return _unavailable(request, bundle, message)
    archive = sized_zip(members(bundle, sizes))
    length = len(archive)
    if request.method == "HEAD":
        response = HttpResponse(content_type=content_type)
    else:
        started = on_start(archive, functools.partial(_record_requests, request, bundle))
        response = StreamingHttpResponse(started, content_type=content_type)
    response["Content-Length"] = str(length)
    response["Content-Disposition"] = attachment(bundle, extension=extension, suffix=suffix)
    # Members-only files may be inside: never in a shared cache.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _record_requests(request, bundle: Bundle) -> None:
    """COUNTER: a bundle is a Request of every record in it (one INSERT for them all)."""
    record_events(
        request, Metric.REQUEST, [entry.record.pk for entry in bundle.records], ItemKind.BUNDLE
    )


def _unavailable(request, bundle: Bundle, message: str):
    context = {"message": message, "back_url": bundle.url}
    return render(request, "bundles/unavailable.html", context, status=503)


def attachment(bundle: Bundle, *, extension: str, suffix: str = "") -> str:
    """`attachment`: an ASCII `filename` for old clients, the title in `filename*` (RFC 6266).

    The ASCII name is `<kind>-<id>[-<title in Latin letters>]`; the UTF-8 one
    is the title as people wrote it (Chinese, Thai, Khmer...), made safe as a
    file name.
    """
    tail = f" (CC {suffix})" if suffix else ""
    title = safe_filename(bundle.title[:MAX_TITLE_IN_NAME]).strip()
    ascii_title = slugify(bundle.title)[:MAX_TITLE_IN_NAME].strip("-")
    fallback = "-".join(filter(None, [bundle.kind, str(bundle.object_id), ascii_title]))
    fallback += f"-cc{suffix.replace('.', '')}" if suffix else ""
    utf8 = quote(f"{title}{tail}.{extension}", safe="")
    return f"attachment; filename=\"{fallback}.{extension}\"; filename*=UTF-8''{utf8}"
