"""Who may read usage reports (COUNTER IR and PR), and which records a report counts.

Public figures (a record page's views, an institution's totals) count only
the records the viewer may open (`records.visible_records`). Standard
reports are another thing: an institution reads them about its own items,
to show its reach, so the decision here is that

- an institution's report is read by its editors (Wagtail's "publish" on the
  institution's page, as for releasing its records) and by administrators;
- the report of the whole platform by administrators only;
- a report counts every **released** record of its scope, members-only and
  password-protected ones included: the readers may see them all anyway
  (editors manage their institution's records, administrators everything),
  and an institution's reach is not smaller because some items are for its
  members. Drafts and withdrawn records have no released item to report.

Access_Type in the reports is also the policy's answer: "Open" when any
visitor may open the record (no view restriction on its path), else
"Controlled".
"""

from django.apps import apps
from django.db.models import QuerySet
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .restrictions import clauses_of_pages
from .viewers import active_user, user_of, viewer_of


def _institution_model():
    # By name: the policy sits below the institutions app.
    return apps.get_model("institutions", "InstitutionPage")


def _record_model():
    return apps.get_model("records", "RecordPage")


def can_read_usage_reports(who, institution=None) -> bool:
    """May `who` read the usage reports of `institution` (None: of the whole platform)?

    Administrators read every report; an institution's editors read its own.
    """
    user = active_user(user_of(who))
    if user is None:
        return False
    if user.is_superuser:
        return True
    if institution is None:
        return False
    return institution.permissions_for_user(user).can_publish()


def can_read_any_usage_report(who) -> bool:
    """May `who` open the admin's Usage screen: the platform's report, or some institution's?"""
    return can_read_usage_reports(who) or usage_report_institutions(who).exists()


def usage_report_institutions(who) -> QuerySet:
    """The institutions whose reports `who` may read, by name (the admin's choice list)."""
    institutions = _institution_model().objects.order_by("title")
    user = active_user(user_of(who))
    if user is None:
        return institutions.none()
    if user.is_superuser:
        return institutions
    published = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "publish")
    return institutions.filter(pk__in=published.values("pk"))


def usage_report_records(who, institution=None) -> QuerySet:
    """The records a report counts: the released records of `institution` (None: all).

    Empty when `who` may not read that report, so a caller that forgets to ask
    `can_read_usage_reports` first reports nothing rather than too much.
    """
    records = _record_model().objects.live()
    if not can_read_usage_reports(who, institution):
        return records.none()
    if institution is not None:
        records = records.descendant_of(institution)
    return records


def open_records(records) -> set[int]:
    """Ids of `records` (pages) that any visitor may open: COUNTER's Access_Type "Open".

    Two queries for the whole list (restrictions by path prefix, and their groups).
    """
    anyone = viewer_of(None)
    clauses = clauses_of_pages(records)
    return {record.pk for record in records if record.live and anyone.passes(clauses[record.pk])}
