"""The admin's edit form of achievements: the cooperation rules checked as the services do."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm

from .cooperation import Party, check_cooperation
from .errors import RecordError


class AchievementPageForm(WagtailAdminPageForm):
    """Refuses what `record_create_draft` and `record_update_draft` refuse about parties.

    Wagtail's edit view saves the page itself rather than through our services,
    so the form asks the same rule (records/cooperation.py) with what was typed.
    """

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("parties")
        if formset is None or not formset.is_valid():
            return cleaned
        parties = [
            Party(
                institution=form.cleaned_data["institution"],
                role=form.cleaned_data.get("role") or "party",
                joined=form.cleaned_data.get("joined"),
                left=form.cleaned_data.get("left"),
            )
            for form in formset.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("institution")
        ]
        try:
            check_cooperation(
                resource_type=cleaned.get("resource_type"),
                cross_border=bool(cleaned.get("cross_border")),
                signed_on=cleaned.get("signed_on"),
                ends_on=cleaned.get("ends_on"),
                parties=parties,
            )
        except RecordError as error:
            field = {"ends_on": "ends_on"}.get(error.parameter or "", "cross_border")
            if field in self.fields:
                self.add_error(field, ValidationError(str(error)))
            else:
                raise ValidationError(str(error)) from error
        return cleaned
