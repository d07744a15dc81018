"""The desk's part of the admin: the superusers' "Sign-in lockouts" screen under Settings;
the conversation's comments in the record's History; a link from the record's admin
screens to its review page on the desk; approving a record only after a confirmation
that says who will see it (views/admin_approval.py)."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem, WorkflowMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from resource_hub.access.records import can_moderate
from resource_hub.records.models import RecordPage

from .admin_views import LockoutsView
from .services.conversation import COMMENT_ACTION
from .views.admin_approval import APPROVE, RecordApprovalView, approval_url, is_record


@hooks.register("register_admin_urls")
def desk_admin_urls():
    return [
        path("signin-lockouts/", LockoutsView.as_view(), name="desk_signin_lockouts"),
        path("record-approval/<int:pk>/", RecordApprovalView.as_view(), name="desk_admin_approve"),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def signin_lockouts_menu_item():
    return SuperuserMenuItem(
        _("Sign-in lockouts"),
        reverse("desk_signin_lockouts"),
        name="signin-lockouts",
        icon_name="lock",
        order=650,
    )


class CommentFormatter(LogFormatter):
    """A comment in the record's conversation, shown with its text in the admin's History."""

    label = _("Comment")
    message = _("Commented")

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("comment", "")


@hooks.register("register_log_actions")
def register_conversation_actions(actions):
    actions.register_action(COMMENT_ACTION)(CommentFormatter)


class ReviewPageButton(PageMenuItem):
    """The record's review page on the desk (details, files, changes, conversation)."""

    label = _("Review on the desk")
    icon_name = "tasks"
    url_name = "desk:review-detail"

    def is_shown(self, user):
        page_class = self.page.specific_class
        return (
            page_class is not None
            and issubclass(page_class, RecordPage)
            and can_moderate(user, self.page)
        )


@hooks.register("register_page_header_buttons")
def review_page_header_button(page, user, view_name, next_url=None):
    yield ReviewPageButton(page=page, priority=12)


@hooks.register("register_page_listing_more_buttons")
def review_page_listing_button(page, user, next_url=None):
    yield ReviewPageButton(page=page, priority=3)


class ConfirmedApprovalMenuItem(ActionMenuItem):
    """Wagtail's "Approve" of a record, as a link to the confirmation instead of a submit."""

    icon_name = "success"

    def __init__(self, *, name, label, order):
        super().__init__(order=order)
        self.name = name
        self.label = label

    def is_shown(self, context):
        return not context["locked_for_user"]

    def get_url(self, parent_context):
        page = parent_context["page"]
        return approval_url(page, reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("construct_page_action_menu")
def approve_records_after_confirmation(menu_items, request, context):
    """On a record, "Approve" and "Approve with comment" open the confirmation.

    The confirmation has the optional comment for the author, so both lead there.
    """
    page = context.get("page")
    if page is None or not is_record(page):
        return
    for index, item in enumerate(menu_items):
        if isinstance(item, WorkflowMenuItem) and item.name == APPROVE:
            menu_items[index] = ConfirmedApprovalMenuItem(
                name=f"action-confirm-approval-{index}", label=item.label, order=item.order
            )


@hooks.register("before_edit_page")
def no_approval_of_records_without_confirmation(request, page):
    """The edit form's own approve (no longer offered on records) goes to the confirmation."""
    if (
        request.method == "POST"
        and request.POST.get("action-workflow-action")
        and request.POST.get("workflow-action-name") == APPROVE
        and is_record(page)
    ):
        messages.warning(
            request,
            gettext(
                "A record is approved here, after checking who will see it."
                " Changes made in the edit form were not saved."
            ),
        )
        return redirect(approval_url(page, reverse("wagtailadmin_pages:edit", args=[page.pk])))
    return None
