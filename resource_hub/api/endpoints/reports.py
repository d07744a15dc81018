"""COUNTER R5.1 usage reports: GET /reports/ir and /reports/pr (issue 15).

The JSON is the COUNTER API's (formerly COUNTER_SUSHI) for the Item Report
and the Platform Report, made by stats/reports.py and
stats/counter_formats.py. A token or a session is needed; who may read which
report is the access policy's (`access.usage.can_read_usage_reports`):
administrators every report, an institution's editors their institution's.
Errors are the API's one shape (a bad month names its parameter).
"""

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from resource_hub.api.auth import SIGNED_IN
from resource_hub.api.errors import not_found
from resource_hub.api.schemas import errors
from resource_hub.core.params import MAX_ID, clean_integer
from resource_hub.institutions.models import InstitutionPage
from resource_hub.stats.counter_formats import as_json
from resource_hub.stats.reports import item_report, period_of, platform_report

router = Router(tags=["usage reports"], auth=SIGNED_IN)


class ReportQuery(Schema):
    begin_date: str = Field(
        ..., description="The first month, yyyy-mm (yyyy-mm-dd is read as its month)."
    )
    end_date: str = Field(..., description="The last month, yyyy-mm; at most 120 months.")
    institution: str | None = Field(
        None,
        description="An institution's id: the report of its released records. Without it, "
        "the whole platform's (administrators only).",
    )


_REPORT_RESPONSE = {
    200: {
        "description": "The report as the COUNTER API 5.1 delivers it (Report_Header, "
        "Report_Items); an empty period has Exception 3030 in the header.",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
}


def _institution(request):
    value = request.GET.get("institution", "").strip()
    if not value:
        return None
    pk = clean_integer("institution", value, low=1, high=MAX_ID)
    institution = InstitutionPage.objects.filter(pk=pk).first()
    if institution is None:
        raise not_found(_("There is no such institution."))
    return institution


def _report(request, build) -> dict:
    period = period_of(request.GET.get("begin_date", ""), request.GET.get("end_date", ""))
    report = build(who=request, period=period, institution=_institution(request))
    return as_json(report)


@router.get(
    "/reports/ir",
    response={200: dict, **errors(400, 401, 403, 404, 429)},
    url_name="report-ir",
    openapi_extra={"responses": _REPORT_RESPONSE},
)
def report_ir(request, query: Query[ReportQuery]):
    """COUNTER Item Report (IR): every record's investigations and requests, by month."""
    return _report(request, item_report)


@router.get(
    "/reports/pr",
    response={200: dict, **errors(400, 401, 403, 404, 429)},
    url_name="report-pr",
    openapi_extra={"responses": _REPORT_RESPONSE},
)
def report_pr(request, query: Query[ReportQuery]):
    """COUNTER Platform Report (PR): the same usage summed by Data_Type, by month."""
    return _report(request, platform_report)
