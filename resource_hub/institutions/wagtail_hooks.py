from wagtail import hooks

from .models import InstitutionPage
from .services import institution_provision


@hooks.register("after_create_page")
def provision_new_institution(request, page):
    """An institution added in the page editor gets its groups, collection and workflow too."""
    if isinstance(page.specific, InstitutionPage):
        institution_provision(user=request.user, institution=page.specific)
