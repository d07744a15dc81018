from django import template

register = template.Library()


@register.filter
def total_size(record_files) -> int:
    """The bytes of a record's files together (what "Download all files" will weigh, nearly)."""
    return sum(item.document.size or 0 for item in record_files)


@register.simple_tag(takes_context=True)
def collection_bundle_size(context, collection) -> int:
    """The bytes of the files a collection's ZIP holds for this viewer: the bundle's own
    contents (the access policy's answer), so the link never promises what it leaves out."""
    from resource_hub.bundles.contents import bundle_of_collection

    bundle = bundle_of_collection(context["request"], collection.pk)
    return sum(file.size or 0 for file in bundle.files) if bundle else 0


@register.simple_tag(takes_context=True)
def event_bundle_size(context, event) -> int:
    """The bytes of the files an event's ZIP holds for this viewer (its bundle's own contents)."""
    from resource_hub.bundles.contents import bundle_of_event

    bundle = bundle_of_event(context["request"], event.pk)
    return sum(file.size or 0 for file in bundle.files) if bundle else 0
