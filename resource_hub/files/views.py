from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .delivery import download_response
from .models import ResourceDocument
from .permissions import can_download_document
from .services import download_count


@require_GET
def download(request, document_id: int):
    """Permission first, then a signed, short-lived URL (or the streamed file) as an attachment."""
    document = get_object_or_404(ResourceDocument, pk=document_id)
    if not can_download_document(request.user, document):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    download_count(document=document, record_id=request.GET.get("record"))
    return download_response(document)
