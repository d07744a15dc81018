"""The header's account menu and a record page's "Edit" link (see notifications.account)."""

from django import template

from .. import account

register = template.Library()


@register.simple_tag(takes_context=True)
def account_menu(context):
    """The signed-in person's menu, looked up once per request; None for visitors."""
    request = context.get("request")
    if request is None or not hasattr(request, "user"):
        return None
    if not hasattr(request, "_account_menu"):
        request._account_menu = account.account_menu(request.user)
    return request._account_menu


@register.simple_tag(takes_context=True)
def record_edit_url(context, record) -> str:
    request = context.get("request")
    if request is None or not hasattr(request, "user"):
        return ""
    return account.record_edit_url(request.user, record)
