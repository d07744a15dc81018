"""Usage figures on public pages: the record page's views and downloads (the record's and
each file's), an institution's impact.

Tags rather than page context: the pages' models (records, institutions) sit
above stats, and a model imports no other app's selectors. Every figure comes
from `stats.selectors`, which count only records the access policy shows the
viewer (the request's user).
"""

from dataclasses import dataclass

from django import template
from django.utils.translation import gettext as _

from ..charts import Chart, Item, top_items_chart, usage_chart
from ..selectors import (
    FileDownloads,
    Usage,
    file_downloads,
    institution_usage,
    record_usage,
    top_records,
    usage_by_month,
)

register = template.Library()

#: how many records the institution's impact section ranks
TOP_RECORDS = 5


@dataclass(frozen=True)
class Impact:
    """What an institution's public "Impact" section shows."""

    usage: Usage
    monthly: Chart
    top: Chart


def _who(context):
    return context.get("request")


@register.inclusion_tag("stats/_record_usage.html", takes_context=True)
def record_usage_figures(context, record):
    """The record's views and downloads, all time and last 12 months (figures up to yesterday)."""
    return {"usage": record_usage(who=_who(context), record_id=record.pk)}


@register.simple_tag(takes_context=True)
def record_file_downloads(context, record) -> dict[int, FileDownloads]:
    """The record's files' downloads by document id, read once for the whole files list.

    `{% record_file_downloads page as downloads %}` then, for each file,
    `downloads|downloads_of:item.document_id`. One query whatever the number of files.
    """
    return file_downloads(who=_who(context), record_id=record.pk)


@register.filter
def downloads_of(downloads: dict[int, FileDownloads], document_id) -> int:
    """A file's downloads of all time from `record_file_downloads` (0 when none)."""
    figures = downloads.get(document_id) if downloads else None
    return figures.all_time if figures else 0


@register.simple_tag(takes_context=True)
def institution_impact(context, institution) -> Impact:
    """An institution's totals, its monthly chart (last 12 months) and its top records.

    Five queries whatever the institution's size (the totals, the months, the
    top records and their pages, and the policy's view restrictions, read once
    per request).
    """
    request = _who(context)
    months = usage_by_month(who=request, institution=institution)
    top = top_records(who=request, institution=institution, limit=TOP_RECORDS)
    return Impact(
        usage=institution_usage(who=request, institution=institution),
        monthly=usage_chart(title=_("Views and downloads by month"), usage_by_month=months),
        top=top_items_chart(
            title=_("Most downloaded records, last 12 months"),
            value_name=_("Downloads"),
            item_name=_("Record"),
            items=[
                Item(figures.record.title, figures.downloads, figures.record.get_url(request))
                for figures in top
            ],
        ),
    )
