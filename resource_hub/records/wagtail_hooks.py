from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_record_actions(actions):
    actions.register_action("records.withdraw", _("Withdraw"), _("Withdrawn"))


@hooks.register("register_admin_viewset")
def register_record_listing():
    from .admin.views import RecordListingViewSet

    return RecordListingViewSet()
