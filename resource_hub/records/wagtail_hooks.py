from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from resource_hub.access.refusals import refuse_signed_in_outsider

from .admin.views import RecordListingViewSet
from .selectors import records_of_author


@hooks.register("before_serve_page")
def refuse_signed_in_outsiders(page, request, serve_args, serve_kwargs):
    """Runs before Wagtail's own restriction check, which would ask them to sign in again."""
    refuse_signed_in_outsider(page, request)


@hooks.register("register_log_actions")
def register_record_actions(actions):
    actions.register_action("records.withdraw", _("Withdraw"), _("Withdrawn"))


@hooks.register("register_admin_viewset")
def register_record_listing():
    return RecordListingViewSet()


class MyRecordsPanel(Component):
    """A teacher's own records and where each stands, with the reviewer's comment."""

    name = "my_records"
    template_name = "records/admin/my_records_panel.html"
    order = 205

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["entries"] = records_of_author(parent_context["request"].user)
        return context


@hooks.register("construct_homepage_panels")
def add_my_records_panel(request, panels):
    panels.append(MyRecordsPanel())
