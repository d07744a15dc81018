"""The admin's "Import records" menu item and screens (admin_views.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import (
    ImportView,
    JobCancelView,
    JobConfirmView,
    JobReportView,
    JobView,
    TemplateDownloadView,
)
from .forms import may_import


@hooks.register("register_admin_urls")
def import_admin_urls():
    return [
        path("import/", ImportView.as_view(), name="imports_start"),
        path(
            "import/template.xlsx",
            TemplateDownloadView.as_view(),
            {"kind": "xlsx"},
            name="imports_template_xlsx",
        ),
        path(
            "import/template.csv",
            TemplateDownloadView.as_view(),
            {"kind": "csv"},
            name="imports_template_csv",
        ),
        path("import/<uuid:job_id>/", JobView.as_view(), name="imports_job"),
        path("import/<uuid:job_id>/confirm/", JobConfirmView.as_view(), name="imports_confirm"),
        path("import/<uuid:job_id>/cancel/", JobCancelView.as_view(), name="imports_cancel"),
        path("import/<uuid:job_id>/report.csv", JobReportView.as_view(), name="imports_report"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        # Whoever the access policy lets add records somewhere (editors, teachers, admins).
        return may_import(request.user)


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        _("Import records"), reverse("imports_start"), icon_name="upload", order=420
    )
