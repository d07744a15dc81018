"""Writes about events: creating and changing an event page with its programme."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .errors import EventError, EventPermissionDenied
from .models import EventActivity, EventIndexPage, EventPage


def _index() -> EventIndexPage:
    index = EventIndexPage.objects.first()
    if index is None:
        raise EventError(_("Create the events index page first (manage.py bootstrap_site)."))
    return index


def _validated(page, *, exclude) -> None:
    """full_clean, with Django's field errors turned into one EventError a person can read."""
    try:
        page.full_clean(exclude=exclude)
    except ValidationError as exc:
        details = "; ".join(
            f"{field}: {' '.join(errors)}" for field, errors in exc.message_dict.items()
        )
        raise EventError(
            _("The event is not complete: %(details)s") % {"details": details}
        ) from exc


@transaction.atomic
def event_create(
    *,
    user,
    name_en: str,
    year: int,
    start_date,
    end_date,
    place: str,
    name_local: str = "",
    language=None,
    edition: str = "",
    country=None,
    organisers=(),
    other_organisers: str = "",
    description: str = "",
    activities: list[dict] = (),
    slug: str | None = None,
    publish: bool = True,
) -> EventPage:
    """Create an event under the events index, with its programme; live unless `publish` is False.

    Whoever may add pages under the events index may do it (Wagtail's page
    permissions: platform administrators, and any group given "add" there).
    """
    index = _index()
    if not (user and user.is_active and index.permissions_for_user(user).can_add_subpage()):
        raise EventPermissionDenied()
    page = EventPage(
        title=name_en,
        name_local=name_local,
        language=language,
        edition=edition,
        year=year,
        start_date=start_date,
        end_date=end_date,
        place=place,
        country=country,
        other_organisers=other_organisers,
        description=description,
        owner=user,
        live=publish,
    )
    if slug:
        page.slug = slug
    page.activities = [
        EventActivity(**{"sort_order": n, **activity}) for n, activity in enumerate(activities)
    ]
    page.organisers = list(organisers)
    for activity in page.activities.all():
        _validated(activity, exclude=["event"])
    _validated(page, exclude=["path", "depth", "url_path"] + ([] if slug else ["slug"]))
    index.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return page
