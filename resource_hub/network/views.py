"""The public cross-border network page: /<language>/network/."""

from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from resource_hub.core.params import refuse_invalid_parameters
from resource_hub.core.vocabularies import EducationLevel, SubjectField
from resource_hub.portal.browse import SECTIONS
from search.params import parse_params

from . import selectors
from .diagram import diagram


def _filters(request) -> dict[str, tuple[str, ...]]:
    """The page's filters, checked as search checks them (InvalidParameter if not)."""
    wanted = {name: request.GET.getlist(name) for name in selectors.FILTERS}
    wanted = {name: [v for v in values if v.strip()] for name, values in wanted.items()}
    return parse_params({name: values for name, values in wanted.items() if values}).filters


@require_GET
@refuse_invalid_parameters
def network_page(request):
    filters = _filters(request)
    found = selectors.network(filters=filters, who=request)
    chosen = {name: (values[0] if values else "") for name, values in filters.items()}
    return render(
        request,
        "network/network_page.html",
        {
            "network": found,
            "diagram": diagram(found.countries, found.country_pairs),
            "chosen": chosen,
            "years": selectors.public_years(),
            "subjects": SubjectField.objects.filter(level="broad").order_by("code"),
            "levels": EducationLevel.objects.all(),
            "filtered": any(filters.values()),
            "sections": SECTIONS,
            "current": "network",
        },
    )


urlpatterns = [path("", network_page, name="network")]
