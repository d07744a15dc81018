"""The desk's part of the admin: the superusers' "Sign-in lockouts" screen under Settings;
the conversation's comments in the record's History; a link from the record's admin
screens to its review page on the desk."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from resource_hub.access.records import can_moderate
from resource_hub.records.models import RecordPage

from .admin_views import LockoutsView
from .services.conversation import COMMENT_ACTION


@hooks.register("register_admin_urls")
def signin_lockouts_urls():
    return [path("signin-lockouts/", LockoutsView.as_view(), name="desk_signin_lockouts")]


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
