from django import template

from search.related import related_records

register = template.Library()


@register.simple_tag(takes_context=True)
def similar_records(context, record, chosen=()) -> list:
    """Records like `record` that the viewer may open, the `chosen` relations left out."""
    who = context.get("request")  # None: rendered outside a request, seen as anonymous
    return related_records(record, who, exclude=[page.pk for page in chosen])
