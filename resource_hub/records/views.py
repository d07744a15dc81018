"""Public record views outside Wagtail's page serving: the stable link and citation exports."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail import hooks

from resource_hub.access.records import can_view_released, visible_records
from resource_hub.access.refusals import refuse
from resource_hub.core.params import MAX_ID
from resource_hub.stats.models import Metric
from resource_hub.stats.recording import record_event

from .exports import FORMATS, cite_key, work_of
from .models import RecordPage
from .selectors import record_stable_url


def _record_id(key: str) -> int:
    """The id in `/r/<key>`: ASCII digits, no leading zero, within PostgreSQL's integer; else 404.

    Anything else ("abc", "²", "١٢", "007", a trailing slash, 40 digits) is not
    the address of a record, and never reaches the database.
    """
    if not (key.isascii() and key.isdecimal() and len(key) <= len(str(MAX_ID))):
        raise Http404
    record_id = int(key)
    if str(record_id) != key or not 1 <= record_id <= MAX_ID:
        raise Http404
    return record_id


def _page_refusal(record, request):
    """What the record's own page answers a viewer the policy refuses.

    The hooks Wagtail's serve view runs before a page: ours answers signed-in
    outsiders with 403 (access/refusals.py), Wagtail's asks anonymous visitors
    to sign in or shows the password form. Run here, they come back to this
    address after signing in, and the page's address (its slug) stays unsaid.
    """
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(record, request, [], {})
        if isinstance(result, HttpResponse):
            return result

    def refused(page, request, args, kwargs):
        return refuse(request)  # not reached while Wagtail and the policy agree

    chain = refused
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    return chain(record, request, [], {})


@require_safe
def record_stable_link(request, key: str):
    """`/r/<id>`: 302 to the record's page in the visitor's language.

    LocaleMiddleware has chosen the language (cookie, then Accept-Language)
    for this unprefixed address, and `get_url` reverses the page under it.
    Not released or unknown: 404, as the page; released but refused by the
    access policy: the page's own refusal (`_page_refusal`).
    """
    record = RecordPage.objects.filter(pk=_record_id(key)).first()
    if record is None or not record.live:
        raise Http404
    record = record.specific
    if not can_view_released(request, record):
        return _page_refusal(record, request)
    return redirect(record.get_url(request))


@require_safe
def record_export(request, record_id: int, export_format: str):
    """The record as a BibTeX, RIS, CSL-JSON or Dublin Core file.

    Exports follow the page's own rule (the access policy): drafts, records
    under review and restricted records the viewer may not open are a 404, so
    an export never tells that a record exists.
    """
    fmt = FORMATS.get(export_format)
    if fmt is None:
        raise Http404
    visible = visible_records(request, RecordPage.objects.filter(pk=record_id))
    record = get_object_or_404(visible.select_related("language", "resource_type", "licence"))
    record = record.specific
    work = work_of(record, url=record_stable_url(record))
    body = fmt.render(work, record.pk, timezone.localdate())
    response = HttpResponse(body, content_type=f"{fmt.content_type}; charset=utf-8")
    filename = f"{cite_key(work, record.pk)}.{fmt.extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Restricted records' exports must not sit in a shared cache.
    response["Cache-Control"] = "private, max-age=0"
    # COUNTER: an export is an investigation of the record (one INSERT; robots not counted).
    record_event(request, metric=Metric.INVESTIGATION, record_id=record.pk)
    return response
