"""The admin's "Import records" screens: upload, the check's report, confirm, the import's report.

    /admin/import/                     upload a sheet (and a ZIP); the jobs of the person
    /admin/import/<job>/               where the job stands; its report; confirm or cancel
    /admin/import/<job>/report.csv     the report as CSV
    /admin/import/template.xlsx|.csv   the template

Who may import where is the access policy's `can_create_record` (forms.py);
a job is seen only by the person who started it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .columns import COLUMNS
from .errors import ImportError_
from .forms import ImportForm, import_institutions
from .jobs import job_cancel, job_confirm, job_report, job_start
from .models import ImportJob
from .report import CREATED, FAILED, UPDATED, WORKFLOW_LABELS, report_csv
from .template import template_csv, template_xlsx

#: Wagtail's status tags: outlined for a failure, filled for what changes, hatched for the rest.
STATUS_CLASSES = {
    FAILED: "w-status w-status--label",
    CREATED: "w-status w-status--primary",
    UPDATED: "w-status w-status--primary",
}
#: Rows listed on the page; the CSV report has them all.
LISTED_ROWS = 500


class _ImportAccess:
    def dispatch(self, request, *args, **kwargs):
        self.institutions = import_institutions(request.user)
        if not self.institutions:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_job(self) -> ImportJob:
        job = (
            ImportJob.objects.select_related("institution")
            .filter(pk=self.kwargs["job_id"], user=self.request.user)
            .first()
        )
        if job is None:
            raise Http404
        return job


class ImportView(_ImportAccess, WagtailAdminTemplateMixin, FormView):
    template_name = "imports/admin/import.html"
    page_title = gettext_lazy("Import records")
    header_icon = "upload"
    form_class = ImportForm

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "institutions": self.institutions}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["jobs"] = ImportJob.objects.filter(user=self.request.user).select_related(
            "institution"
        )[:10]
        context["columns"] = COLUMNS
        return context

    def form_valid(self, form):
        try:
            job = job_start(
                user=self.request.user,
                institution=form.cleaned_data["institution"],
                sheet=form.cleaned_data["sheet"],
                files=form.cleaned_data["files"],
                files_upload=form.cleaned_data["files_upload"],  # the ZIP as a direct upload
                workflow=form.cleaned_data["workflow"] or "",
            )
        except ImportError_ as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        return redirect("imports_job", job_id=job.pk)


class JobView(_ImportAccess, WagtailAdminTemplateMixin, TemplateView):
    template_name = "imports/admin/job.html"
    header_icon = "upload"

    def get_page_title(self):
        return _("Import of %(name)s") % {"name": self.job.sheet_name}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("imports_start"), "label": _("Import records")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, *args, **kwargs):
        self.job = self.get_job()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = job_report(self.job)
        context["job"] = self.job
        context["report"] = report
        if report is not None:
            rows = sorted(report.rows, key=lambda row: (row.status != FAILED, row.row))
            context["rows"] = [
                {
                    "row": row,
                    "status": report.status_label(row.status),
                    "workflow": WORKFLOW_LABELS.get(row.workflow, row.workflow),
                    "css": STATUS_CLASSES.get(row.status, "w-status"),
                }
                for row in rows[:LISTED_ROWS]
            ]
            context["more_rows"] = max(0, len(rows) - LISTED_ROWS)
            context["counts"] = report.counts
            context["summary"] = report.summary()
            context["to_import"] = report.counts["created"] + report.counts["updated"]
        return context


class JobConfirmView(_ImportAccess, View):
    def post(self, request, job_id):
        try:
            job_confirm(user=request.user, job=self.get_job())
        except ImportError_ as error:
            messages.error(request, error.message)
        return redirect("imports_job", job_id=job_id)


class JobCancelView(_ImportAccess, View):
    def post(self, request, job_id):
        try:
            job_cancel(user=request.user, job=self.get_job())
        except ImportError_ as error:
            messages.error(request, error.message)
            return redirect("imports_job", job_id=job_id)
        messages.success(request, _("The import was cancelled and its uploaded files deleted."))
        return redirect("imports_start")


class JobReportView(_ImportAccess, View):
    def get(self, request, job_id):
        job = self.get_job()
        report = job_report(job)
        if report is None:
            raise Http404
        response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
        kind = "check" if report.dry_run else "import"
        response["Content-Disposition"] = f'attachment; filename="{kind}-report-{job.pk}.csv"'
        return response


class TemplateDownloadView(_ImportAccess, View):
    def get(self, request, kind):
        if kind == "xlsx":
            body = template_xlsx()
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            body = template_csv()
            content_type = "text/csv; charset=utf-8"
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="records-import-template.{kind}"'
        return response
