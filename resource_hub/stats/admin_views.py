"""The admin's "Usage" screen: an institution's dashboard and its COUNTER reports as TSV.

    /admin/usage/                      the dashboard (charts) and the report form
    /admin/usage/?report=IR&...        the Item (or Platform, PR) Report as COUNTER TSV

Who sees which institution is the access policy's (`access.usage`): editors
their institution, administrators any one or all of them.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from resource_hub.access.usage import can_read_usage_reports, usage_report_institutions
from resource_hub.core.params import InvalidParameter

from . import charts
from .counter_formats import as_tsv
from .dashboard import dashboard_breakdown, dashboard_months
from .reports import item_report, period_of, platform_report

REPORTS = {"IR": item_report, "PR": platform_report}
#: the download buttons (COUNTER's report names, translated for the button only)
DOWNLOADS = {
    "IR": gettext_lazy("Download Item Report (TSV)"),
    "PR": gettext_lazy("Download Platform Report (TSV)"),
}
ALL = ""


class MonthInput(forms.TextInput):
    input_type = "month"


class UsageForm(forms.Form):
    """Which institution, and the months of a report (yyyy-mm, as <input type=month> sends)."""

    institution = forms.ChoiceField(label=gettext_lazy("Institution"), required=False)
    begin_date = forms.CharField(label=gettext_lazy("From (month)"), widget=MonthInput)
    end_date = forms.CharField(label=gettext_lazy("To (month)"), widget=MonthInput)

    def __init__(self, *args, institutions, everything: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.institutions = {str(institution.pk): institution for institution in institutions}
        choices = [(pk, institution.title) for pk, institution in self.institutions.items()]
        if everything:
            choices.insert(0, (ALL, _("All institutions")))
        self.fields["institution"].choices = choices
        # Only administrators may leave it empty ("all institutions").
        self.fields["institution"].required = not everything

    def clean(self):
        data = super().clean()
        if "begin_date" in data and "end_date" in data:
            try:
                data["period"] = period_of(data["begin_date"], data["end_date"])
            except InvalidParameter as error:
                self.add_error(error.parameter, error.message)
        return data

    @property
    def chosen_institution(self):
        """The chosen institution (None: all), or the first one offered."""
        data = getattr(self, "cleaned_data", None) or {}
        key = data.get("institution", self.initial.get("institution", ALL))
        return self.institutions.get(key)


def _default_months(today) -> dict:
    """The last 12 months, this one included."""
    index = today.year * 12 + today.month - 1 - 11
    return {
        "begin_date": f"{index // 12:04d}-{index % 12 + 1:02d}",
        "end_date": f"{today.year:04d}-{today.month:02d}",
    }


class UsageView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "stats/admin/usage.html"
    page_title = gettext_lazy("Usage")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        # The platform's figures, or only some institutions': the policy's answer.
        self.everything = can_read_usage_reports(request.user)
        self.institutions = list(usage_report_institutions(request.user))
        if not (self.everything or self.institutions):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        initial = _default_months(timezone.localdate())
        initial["institution"] = ALL if self.everything else str(self.institutions[0].pk)
        submitted = "begin_date" in request.GET or "institution" in request.GET
        self.form = UsageForm(
            request.GET if submitted else None,
            initial=initial,
            institutions=self.institutions,
            everything=self.everything,
        )
        valid = submitted and self.form.is_valid()
        report_id = request.GET.get("report", "")
        if report_id in REPORTS and valid:
            return self._download(report_id)
        context = self.get_context_data(**kwargs)
        status = 400 if submitted and not valid else 200
        return self.render_to_response(context, status=status)

    def _download(self, report_id: str) -> HttpResponse:
        data = self.form.cleaned_data
        report = REPORTS[report_id](
            who=self.request, period=data["period"], institution=self.form.chosen_institution
        )
        response = HttpResponse(
            as_tsv(report), content_type="text/tab-separated-values; charset=utf-8"
        )
        scope = f"institution-{report.institution_id}" if report.institution_id else "platform"
        months = f"{data['period'].begin:%Y-%m}_{data['period'].end:%Y-%m}"
        response["Content-Disposition"] = f'attachment; filename="{report_id}_{scope}_{months}.tsv"'
        response["Cache-Control"] = "private, no-store"
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        institution = self.form.chosen_institution
        scope = {"who": self.request, "institution": institution}
        breakdown = dashboard_breakdown(**scope)
        context.update(
            form=self.form,
            downloads=DOWNLOADS,
            scope_name=institution.title if institution else _("All institutions"),
            monthly=charts.usage_chart(
                title=_("Views and downloads by month"),
                usage_by_month=dashboard_months(**scope),
            ),
            top=charts.top_items_chart(
                title=_("Most viewed records, last 12 months"),
                items=[
                    charts.Item(share.label, share.views, share.url)
                    for share in breakdown.top_records
                ],
                item_name=_("Record"),
                value_name=_("Views"),
            ),
            breakdowns=[
                _pair(_("By record type"), _("Record type"), breakdown.by_record_type),
                _pair(_("By subject (ISCED-F broad field)"), _("Subject"), breakdown.by_subject),
                _pair(_("By the record's language"), _("Language"), breakdown.by_language),
            ],
        )
        return context


def _pair(title: str, item_name: str, shares) -> dict:
    """A breakdown's views and downloads charts (last 12 months)."""
    return {
        "title": title,
        "charts": [
            charts.top_items_chart(
                title=_("%(breakdown)s: views") % {"breakdown": title},
                items=[charts.Item(share.label, share.views) for share in shares],
                item_name=item_name,
                value_name=_("Views"),
            ),
            charts.top_items_chart(
                title=_("%(breakdown)s: downloads") % {"breakdown": title},
                items=[charts.Item(share.label, share.downloads) for share in shares],
                item_name=item_name,
                value_name=_("Downloads"),
            ),
        ],
    }
