"""Admin views of Wagtail's that name pages without a hook to filter them.

The page chooser's "chosen multiple" step answers the titles of the ids it is
given; Wagtail offers no hook for it, so `resource_hub/urls.py` routes its URL
here, ahead of the admin's own.
"""

from django.urls import reverse
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.models import Page

from .admin import admin_known_pages
from .wagtail_hooks import _whole_id


class KnownPagesChosenMultipleView(ChosenMultipleView):
    """Wagtail's view, answering only pages the person may know of; odd ids are ignored."""

    def get(self, request):
        pks = [pk for pk in (_whole_id("id", v) for v in request.GET.getlist("id")) if pk]
        pages = admin_known_pages(request, Page.objects.filter(pk__in=pks)).specific()
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": page.get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages
        ]
        return self.render_chosen_response(result)
