"""Approving a record in Wagtail's admin only after a confirmation that says who will see it.

Wagtail's own "Approve" and "Approve with comment" (the page editor's action menu,
the dashboard's "Awaiting your review") publish at once. On a record each of them
leads here instead (see `desk/wagtail_hooks.py`): the confirmation states what the
desk's confirmation states, from the same `release_summary` (the audience as
`release_audience` words it, the embargo, the files), and confirming calls the same
service, `record_release`. Cancel changes nothing.

Wagtail's workflow-action view, which the dashboard's buttons call, offers no hook:
`resource_hub/urls.py` routes its URL to `RecordApprovalWorkflowActionView`, ahead of
the admin's own, so a record's approval cannot be posted past the confirmation.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.workflow import WorkflowActionView

from resource_hub.access import records as access
from resource_hub.records.errors import RecordError
from resource_hub.records.models import RecordPage
from resource_hub.records.services import record_release

from ..forms import ApproveForm
from .review import release_summary

APPROVE = "approve"  # Wagtail's name for the approval action of its tasks


def is_record(page) -> bool:
    page_class = page.specific_class
    return page_class is not None and issubclass(page_class, RecordPage)


def approval_url(page, next_url: str | None = None) -> str:
    """The admin's confirmation for approving `page` (a record), returning to `next_url`."""
    url = reverse("desk_admin_approve", args=[page.pk])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class RecordApprovalView(WagtailAdminTemplateMixin, TemplateView):
    """GET: the confirmation, naming who will see the record. POST (from it): release."""

    template_name = "desk/admin/approve_record.html"
    header_icon = "success"
    page_title = gettext_lazy("Approve and publish")

    def dispatch(self, request, pk):
        self.record = get_object_or_404(RecordPage, pk=pk)
        if not access.can_moderate(request.user, self.record):
            raise PermissionDenied
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.record.pk])
        self.next_url = get_valid_next_url_from_request(request) or self.edit_url
        if not access.can_release(request.user, self.record):
            messages.error(request, _("This record has nothing to release."))
            return redirect(self.next_url)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.record.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.edit_url, "label": self.record.get_admin_display_title()},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(release_summary(self.record))
        context.update(
            record=self.record,
            form=kwargs.get("form") or ApproveForm(initial={"confirm": True}),
            next_url=self.next_url,
            in_review=self.record.workflow_in_progress,
        )
        return context

    def post(self, request, pk):
        form = ApproveForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            record_release(
                user=request.user,
                record=self.record,
                comment=form.cleaned_data["comment"].strip(),
            )
        except RecordError as error:
            messages.error(request, str(error))
            return redirect(self.next_url)
        messages.success(
            request, _("“%(title)s” was released.") % {"title": self.record.draft_title}
        )
        return redirect(self.next_url)


class RecordApprovalWorkflowActionView(WorkflowActionView):
    """Wagtail's workflow-action view, except that approving a record goes to the confirmation.

    The dashboard posts "Approve" here and opens "Approve with comment" here in a
    modal (which follows a "success" step's redirect); both are sent to the
    confirmation, with the dashboard as the way back, after Wagtail's own checks
    (in moderation, the user is a reviewer of the task). Other actions (request
    changes) and other pages are Wagtail's.
    """

    def dispatch(self, request, *args, **kwargs):
        if self.action_name == APPROVE and is_record(self.object):
            # Wagtail's own checks first: in moderation, and the action is this user's.
            if not self.object.workflow_in_progress:
                self.add_not_in_moderation_error()
                return redirect(self.redirect_url)
            self.check_action()
            next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
            url = approval_url(self.object, next_url)
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                return render_modal_workflow(
                    request, "", None, {}, json_data={"step": "success", "redirect": url}
                )
            return redirect(url)
        return super().dispatch(request, *args, **kwargs)
