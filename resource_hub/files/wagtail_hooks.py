from wagtail import hooks

from .views import refuse_unless_downloadable


@hooks.register("before_serve_document")
def refuse_documents_of_unreleased_records(document, request):
    """Wagtail serves /documents/<id>/<name> to anyone by default; ours follow their records."""
    return refuse_unless_downloadable(request, document)
