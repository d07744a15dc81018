from django import template

register = template.Library()


@register.filter
def total_size(record_files) -> int:
    """The bytes of a record's files together (what "Download all files" will weigh, nearly)."""
    return sum(item.document.size or 0 for item in record_files)
