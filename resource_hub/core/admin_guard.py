"""Hostile addresses that Wagtail's own admin views answer with a 500, answered before them.

Our rule for parameters (core/params.py): a value that cannot be used gets a
400 naming it, an id that cannot exist a 404, never a 500. Some of Wagtail's
admin views break it (found by trying every URL pattern with hostile values:
tests/fuzz/test_every_route.py); this middleware holds them to it, checking
before the view runs, so an error inside a view stays the error it is:

- `p`, the page of an admin listing: the workflow editor does `int(p)`, so
  `?p=1e9` or `?p=` was a 500 (superusers). An admin page number is digits,
  or "last" as Django's paginator takes it; anything else is a 400. A page
  past the last one (the same editor asks its paginator for it as given)
  is a 404, as Django's own list views answer it.
- The document and image choosers' "chosen" address (`…/chooser/chosen/<id>/`)
  looks its id up as given, and the database refuses "abc" (a 500, for every
  editor). An id that is not a number names nothing: 404.
- The same choosers' "chosen-multiple" and the admin API's "find"
  (`?id=abc`) do the same with their `id` parameters: 400 naming `id`.
- A control character (NUL above all) in any parameter: PostgreSQL refuses
  it in a string (`?tag=%00` on the image chooser was a 500). 400 naming it,
  as on the public site (`params.clean_text`).
- The same in the address itself: the snippets' views look up their text
  primary keys (our vocabularies' codes) as given, and "add a task" its
  model's name, so `/admin/snippets/core/country/edit/%00/` was a 500 for
  anyone signed in to the admin (found by tests/fuzz/test_every_route.py).
  An address with a control character names nothing: 404.
- Forms sent by hand (found by sending every admin route a POST): copying a
  page reads `new_parent_page` as given, so a copy without it, or with a
  parent that is not a number, was a 500; now a 400 naming it, and a parent
  that does not exist a 404. The editing-session ping looked up an object id
  its model cannot have (`/ping/wagtailcore/page/abc/…`): a 404.
- Signing out takes a POST (Django's rule, so a link or an image elsewhere
  cannot sign anyone out). Wagtail's admin sign-out answers a GET with
  Django's 405 but deletes the session cookie anyway, so a GET of
  `/admin/logout/` signed the browser out; here it gets the 405 alone.
"""

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage
from django.http import Http404, HttpResponseNotAllowed
from django.utils.translation import gettext as _

from .params import (
    MAX_ID,
    InvalidParameter,
    clean_integer,
    clean_text,
    has_control_characters,
    invalid_parameter_page,
)
from .security_policy import admin_prefix

#: The choosers' "chosen" views, whose objects have whole-number ids.
_CHOSEN_VIEWS = frozenset({"wagtaildocs_chooser:chosen", "wagtailimages_chooser:chosen"})
#: Views that look up each `id` parameter as given.
_ID_PARAMETER_VIEWS = frozenset(
    {
        "wagtaildocs_chooser:chosen_multiple",
        "wagtailimages_chooser:chosen_multiple",
        "wagtailadmin_api:pages:find",
        "wagtailadmin_api:documents:find",
        "wagtailadmin_api:images:find",
    }
)


class AdminGuardMiddleware:
    """Checks in `process_view`: after the address is resolved (so a 404 stays a 404,
    see core/middleware.py), before Wagtail's view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(admin_prefix()):
            return None
        values = (*view_args, *view_kwargs.values())
        if any(isinstance(value, str) and has_control_characters(value) for value in values):
            raise Http404(_("There is no such item."))
        view_name = request.resolver_match.view_name
        if view_name == "wagtailadmin_logout" and request.method not in ("POST", "OPTIONS"):
            return HttpResponseNotAllowed(["POST", "OPTIONS"])
        if view_name in _CHOSEN_VIEWS:
            try:
                clean_integer("pk", str(view_kwargs.get("pk", "")), low=1, high=MAX_ID)
            except InvalidParameter:
                raise Http404(_("There is no such item.")) from None
        if view_name == "wagtailadmin_editing_sessions:ping" and not _is_possible_key(view_kwargs):
            raise Http404(_("There is no such item."))
        try:
            _check_parameters(request.GET, ids=view_name in _ID_PARAMETER_VIEWS)
            if view_name == "wagtailadmin_pages:copy" and request.method == "POST":
                _check_copy_parent(request.POST.get("new_parent_page", ""))
        except InvalidParameter as error:
            return invalid_parameter_page(request, error)
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, InvalidPage) and request.path_info.startswith(admin_prefix()):
            raise Http404(_("There is no such page.")) from exception
        return None


def _is_possible_key(view_kwargs) -> bool:
    """Could the ping's object id be a key of its model? (Wagtail answers an unknown
    model with a 404 itself.)"""
    try:
        model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
    except LookupError:
        return True
    try:
        model._meta.pk.to_python(unquote(view_kwargs.get("object_id", "")))
    except ValidationError:
        return False
    return True


def _check_copy_parent(value: str) -> None:
    """The parent a page is copied under: a number (else a 400 naming it) that names
    a page (else a 404). Wagtail's copy view reads it as given."""
    parent = clean_integer("new_parent_page", value, low=1, high=MAX_ID)
    if not apps.get_model("wagtailcore", "Page").objects.filter(pk=parent).exists():
        raise Http404(_("There is no such item."))


def _check_parameters(query, *, ids: bool) -> None:
    for name, values in query.lists():
        for value in values:
            clean_text(name, value, max_length=None)
            if name == "p" and value != "last":
                clean_integer("p", value, low=1, high=MAX_ID)
            elif name == "id" and ids:
                clean_integer("id", value, low=1, high=MAX_ID)
