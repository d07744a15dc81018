"""The admin's "Upload files" screen: several files at once, straight to the object store,
with progress, retry and resume (static/files/js/upload-page.js over uploader.js)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from resource_hub.access.documents import upload_collections


class UploadView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "files/admin/upload.html"
    page_title = _("Upload files")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtaildocs:index"), "label": _("Documents")},
            {"url": "", "label": self.page_title},
        ]

    def dispatch(self, request, *args, **kwargs):
        self.collections = upload_collections(request.user)
        if not self.collections:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["collections"] = self.collections
        context["max_size"] = filesizeformat(settings.FILES_MAX_UPLOAD_SIZE)
        context["max_bytes"] = settings.FILES_MAX_UPLOAD_SIZE
        return context
