"""Cooperation in the API (issue 18): a record's parties, dates and status (`cooperation` in
`RecordOut`), and GET /institutions/{id}/cooperation, the agreements, alliances, centres
and training bases an institution is party to, as its page lists them for the same caller
(records.cooperation_selectors, through the access policy)."""

from datetime import date

from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema

from resource_hub.access.records import visible_pages
from resource_hub.api.auth import PUBLIC
from resource_hub.api.errors import not_found
from resource_hub.api.schemas import CodeLabel, errors
from resource_hub.core.params import MAX_ID
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.cooperation_selectors import institution_cooperation

from .cooperation_schemas import CooperationOut, InstitutionRefOut, cooperation_out, institution_ref
from .record_schemas import RecordSummaryOut, record_summary

router = Router(tags=["catalogue"], auth=PUBLIC)


class InstitutionCooperationItem(Schema):
    record: RecordSummaryOut
    resource_type: CodeLabel
    role: CodeLabel | None = Field(description="This institution's role.")
    joined: date | None
    left: date | None
    cooperation: CooperationOut


class InstitutionCooperationOut(Schema):
    institution: InstitutionRefOut
    results: list[InstitutionCooperationItem]


@router.get(
    "/institutions/{id}/cooperation",
    response={200: InstitutionCooperationOut, **errors(400, 401, 404, 429)},
    url_name="institution-cooperation",
)
def institution_cooperation_list(request, id: int = Path(..., ge=1, le=MAX_ID)):  # noqa: A002
    """The cooperation records the institution is party to that the caller may open."""
    institution = (
        visible_pages(request, InstitutionPage.objects.all())
        .select_related("country")
        .filter(pk=id)
        .first()
    )
    if institution is None:
        raise not_found(_("There is no such institution, or you may not see it."))
    results = []
    for entry in institution_cooperation(request, institution):
        party = entry.party
        results.append(
            {
                "record": record_summary(entry.record),
                "resource_type": {
                    "code": entry.record.resource_type_id,
                    "label": entry.record.resource_type.label,
                },
                "role": {"code": party.role, "label": str(party.get_role_display())}
                if party
                else None,
                "joined": party.joined if party else None,
                "left": party.left if party else None,
                "cooperation": cooperation_out(entry),
            }
        )
    return {"institution": institution_ref(institution), "results": results}
