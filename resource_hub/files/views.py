from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .delivery import download_response
from .models import ResourceDocument
from .permissions import can_download_document
from .services import download_count


def refuse_unless_downloadable(request, document):
    """None when the user may download the document; otherwise the refusal.

    Anonymous visitors are asked to sign in (the record may be for registered
    users); a signed-in user who may not see it gets 403.
    """
    if can_download_document(request.user, document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


@require_GET
def download(request, document_id: int):
    """Permission first, then a signed, short-lived URL (or the streamed file) as an attachment."""
    document = get_object_or_404(ResourceDocument, pk=document_id)
    refusal = refuse_unless_downloadable(request, document)
    if refusal is not None:
        return refusal
    download_count(document=document, record_id=request.GET.get("record"))
    return download_response(document)
