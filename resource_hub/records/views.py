"""Public record views outside Wagtail's page serving: citation exports."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_GET

from resource_hub.access.records import visible_records

from .exports import FORMATS, cite_key, work_of
from .models import RecordPage


@require_GET
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
    work = work_of(record, url=record.get_full_url(request))
    body = fmt.render(work, record.pk, timezone.localdate())
    response = HttpResponse(body, content_type=f"{fmt.content_type}; charset=utf-8")
    filename = f"{cite_key(work, record.pk)}.{fmt.extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Restricted records' exports must not sit in a shared cache.
    response["Cache-Control"] = "private, max-age=0"
    return response
