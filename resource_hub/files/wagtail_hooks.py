from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from resource_hub.access.documents import upload_collections

from .admin_views import UploadView
from .views import refuse_unless_downloadable


@hooks.register("before_serve_document")
def refuse_documents_of_unreleased_records(document, request):
    """Wagtail serves /documents/<id>/<name> to anyone by default; ours follow their records."""
    return refuse_unless_downloadable(request, document)


@hooks.register("register_admin_urls")
def upload_admin_urls():
    return [path("files/upload/", UploadView.as_view(), name="files_upload")]


class UploadMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(upload_collections(request.user))


@hooks.register("register_admin_menu_item")
def upload_menu_item():
    return UploadMenuItem(_("Upload files"), reverse("files_upload"), icon_name="upload", order=410)
