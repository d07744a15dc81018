from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from wagtail import hooks

from .permissions import can_download_document


@hooks.register("before_serve_document")
def refuse_documents_of_unreleased_records(document, request):
    """Wagtail serves /documents/<id>/<name> to anyone by default; ours follow their records.

    Anonymous visitors are asked to sign in (the record may be for registered
    users); a signed-in user who may not see it gets 403.
    """
    if can_download_document(request.user, document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied
