"""Reads of records, always through what the viewer may see."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageLogEntry, WorkflowState

from resource_hub.access.records import is_public, visible_records
from resource_hub.access.viewers import viewer_of
from resource_hub.core.site_address import absolute_url

from . import linked_data, signposting, states
from .citation import apa_parts, gbt7714
from .cooperation_selectors import record_cooperation
from .exports import FORMATS, work_of
from .models import RecordPage


def record_stable_url(record) -> str:
    """The record's lasting address, `/r/<id>` under SITE_BASE_URL; `record` or its id.

    A page's own address holds its institution's slug and its own, which
    editors may change, and a language prefix; this one holds only the id and
    sends each visitor on to the page in their language (`views.record_stable_link`).
    Citations, exports, the share box, JSON-LD's `@id` and signposting's
    `cite-as` give it, and the API's `links.self_html` may too.
    """
    record_id = record if isinstance(record, int) else record.pk
    return absolute_url(reverse("record_stable", args=[record_id]))


def record_listing(who, queryset: QuerySet | None = None) -> QuerySet:
    """Records `who` (a request, a user) may open, with what a listing row shows.

    A constant number of queries; the access policy decides what is visible.
    """
    return (
        visible_records(who, queryset)
        .select_related("language", "resource_type", "licence", "subject")
        .order_by("-first_published_at", "-pk")
    )


def _viewer_language() -> str:
    """The active language as our Language codes have it: "zh-hans" → "zh"."""
    return (get_language() or "en").split("-")[0].lower()


def record_shown_text(record, translations: list) -> dict:
    """Title and abstract in the viewer's language when the record has that translation.

    Returns the texts with their language codes and whether they are translations,
    so the page can mark them (lang attributes, "Translated title").
    """
    viewer = _viewer_language()
    original = {"language": record.language_id, "translated": False}
    shown = {"title": record.title, "abstract": record.abstract, **original}
    shown["abstract_language"], shown["abstract_translated"] = record.language_id, False
    if record.language_id == viewer:
        return shown
    match = next((t for t in translations if t.language_id == viewer), None)
    if match is not None:
        shown.update(title=match.title, language=viewer, translated=True, translation=match)
        if match.abstract:
            shown.update(abstract=match.abstract, abstract_language=viewer)
            shown["abstract_translated"] = True
    return shown


def licence_badge(licence) -> tuple[str, str]:
    """(symbol, terms) for the licence badge: ("cc", "BY-SA 4.0"), ("cc", "0 1.0"), ("©", ...)."""
    code = licence.code
    if code.startswith("CC0"):
        return "cc", "0 " + code.removeprefix("CC0-")
    if code.startswith("CC-"):
        terms, _sep, version = code.removeprefix("CC-").rpartition("-")
        return "cc", f"{terms} {version}".strip()
    return "©", ""


def record_detail_context(record, *, request=None) -> dict:
    """Everything the record page shows, each relation fetched once.

    Related records are only those released and visible to the viewer; the
    citation, exports, JSON-LD and Open Graph are built from the same rows.
    """
    viewer = request if request is not None else viewer_of(None)
    # sort_order is empty when a record was made by the services rather than the admin
    # form, so the creation order (pk) breaks ties: creators keep their credited order.
    relations = list(record.relations.order_by("sort_order", "pk"))
    targets = {relation.target_id: relation.sort_order for relation in relations}
    related = []
    if targets:
        related = sorted(
            visible_records(viewer, RecordPage.objects.filter(pk__in=targets)).select_related(
                "language", "resource_type"
            ),
            key=lambda target: targets[target.pk] or 0,
        )
    context = {
        "creators": list(record.creators.order_by("sort_order", "pk")),
        "translations": list(
            record.translations.select_related("language").order_by("sort_order", "pk")
        ),
        "files": list(record.files.select_related("document").order_by("sort_order", "pk")),
        "keywords": list(record.keywords.all()),
        "levels": list(record.education_levels.all()),
        "partners": list(record.contributing_institutions.all()),
        # The event it was released at, when that event's page is shown (released) too.
        "event": record.event if record.event_id and record.event.live else None,
        "related": related,
        "institution": record.get_parent(),
        "licence_badge": licence_badge(record.licence),
    }
    context["cooperation"] = record_cooperation(record)
    context["shown"] = record_shown_text(record, context["translations"])
    context["other_translations"] = [
        t for t in context["translations"] if t is not context["shown"].get("translation")
    ]
    if request is None:
        return context
    # The page's address in this language (rel=canonical, og:url, JSON-LD's url), and the
    # record's lasting one, which citations, exports and the share box give.
    context["canonical_url"] = record.get_full_url(request)
    context["stable_url"] = record_stable_url(record)
    # Public: released and without a view restriction, so files may be named to crawlers.
    context["is_public"] = is_public(record)
    work = work_of(
        record,
        url=context["stable_url"],
        creators=context["creators"],
        translations=context["translations"],
        keywords=context["keywords"],
        publisher=context["institution"].title if context["institution"] else "",
    )
    context["apa"] = apa_parts(work)
    context["gbt7714"] = gbt7714(work, accessed=timezone.localdate())
    context["exports"] = [
        (fmt.label, reverse("record_exports:export", args=[record.pk, name]))
        for name, fmt in FORMATS.items()
    ]
    context["json_ld"] = linked_data.json_ld_script(
        linked_data.record_json_ld(record, request=request, context=context)
    )
    context["open_graph"] = linked_data.open_graph(record, request=request, context=context)
    context["link_header"] = signposting.link_header(
        signposting.record_signposts(record, request=request, context=context)
    )
    return context


@dataclass(frozen=True)
class RecordStatus:
    """One of the seven states of `states.py`, its label, and what a reader needs with it."""

    code: str
    label: str
    comment: str = ""  # the reviewer's, when changes were requested
    note: str = ""  # "until 2027-01-01" (embargoed), "unreleased changes waiting" (released)
    pending_changes: bool = False

    @property
    def text(self) -> str:
        """The label with its note: "Embargoed (until 2027-01-01)"."""
        return f"{self.label} ({self.note})" if self.note else str(self.label)


def takedown_annotation() -> Subquery:
    """The latest take-down action logged on each record, for `record_status` in listings."""
    return Subquery(
        PageLogEntry.objects.filter(page_id=OuterRef("pk"), action__in=states.TAKEDOWN_ACTIONS)
        .order_by("-timestamp", "-pk")
        .values("action")[:1]
    )


def record_status(record) -> RecordStatus:
    """Where the record stands, with the reviewer's comment when changes were requested.

    Reads what listings fetched already: `active_reviews` (records_of_author)
    or Wagtail's `_current_workflow_states` (prefetch_workflow_states), and
    `last_takedown` (takedown_annotation); else asks (a query each).
    """
    reviews = getattr(record, "active_reviews", None)
    if reviews is None:
        reviews = getattr(record, "_current_workflow_states", None)
    if reviews is None:
        reviews = list(
            record.workflow_states.filter(
                status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
            ).select_related("current_task_state")
        )
    review = reviews[0] if reviews else None
    label = states.LABELS
    if review and review.status == WorkflowState.STATUS_NEEDS_CHANGES:
        comment = review.current_task_state.comment if review.current_task_state else ""
        code = states.CHANGES_REQUESTED
        return RecordStatus(code, label[code], comment)
    if review:
        return RecordStatus(states.IN_REVIEW, label[states.IN_REVIEW])
    if record.live:
        if record.has_unpublished_changes:
            note = _("unreleased changes waiting")
            return RecordStatus(
                states.RELEASED, label[states.RELEASED], note=note, pending_changes=True
            )
        return RecordStatus(states.RELEASED, label[states.RELEASED])
    if record.go_live_at and record.approved_schedule:
        note = _("until %(date)s") % {"date": record.go_live_at.date()}
        return RecordStatus(states.EMBARGOED, label[states.EMBARGOED], note=note)
    if record.first_published_at:
        takedown = getattr(record, "last_takedown", _UNREAD)
        if takedown is _UNREAD:
            takedown = (
                PageLogEntry.objects.filter(page_id=record.pk, action__in=states.TAKEDOWN_ACTIONS)
                .order_by("-timestamp", "-pk")
                .values_list("action", flat=True)
                .first()
            )
        code = states.WITHDRAWN if takedown == states.WITHDRAW_ACTION else states.UNPUBLISHED
        return RecordStatus(code, label[code])
    return RecordStatus(states.DRAFT, label[states.DRAFT])


_UNREAD = object()


def records_of_author(user, *, limit: int = 20) -> list:
    """The user's own records, newest change first, each with its status, in a few queries."""
    records = list(
        RecordPage.objects.filter(owner=user)
        .order_by("-latest_revision_created_at", "-pk")
        .annotate_approved_schedule()
        .annotate(last_takedown=takedown_annotation())[:limit]
    )
    reviews: dict[str, list] = {}
    for state in WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(record.pk) for record in records],
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    ).select_related("current_task_state"):
        reviews.setdefault(state.object_id, []).append(state)
    for record in records:
        record.active_reviews = reviews.get(str(record.pk), [])
    return [(record, record_status(record)) for record in records]
