"""The admin's upload form: a sheet, an optional ZIP, the institution and what to do afterwards."""

from django import forms
from django.utils.translation import gettext_lazy as _

from resource_hub.access.records import can_create_record
from resource_hub.institutions.models import InstitutionPage

from .models import ImportJob


def import_institutions(user) -> list[InstitutionPage]:
    """The institutions `user` may import into: where the access policy lets them add records."""
    return [
        institution
        for institution in InstitutionPage.objects.order_by("title")
        if can_create_record(user, institution)
    ]


def may_import(user) -> bool:
    """Is there an institution `user` may import into? (Stops at the first.)"""
    return any(
        can_create_record(user, institution)
        for institution in InstitutionPage.objects.order_by("title").iterator()
    )


class ImportForm(forms.Form):
    sheet = forms.FileField(
        label=_("Sheet"),
        help_text=_("An Excel (.xlsx) or CSV file, one row per record, as in the template."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    files = forms.FileField(
        label=_("Files (ZIP)"),
        required=False,
        help_text=_("Optional: a .zip file holding the files the sheet names."),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip"}),
    )
    institution = forms.TypedChoiceField(label=_("Institution"), coerce=int)
    workflow = forms.ChoiceField(
        label=_("After importing"),
        choices=ImportJob.Workflow.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, institutions: list[InstitutionPage], **kwargs):
        super().__init__(*args, **kwargs)
        self.institutions = {institution.pk: institution for institution in institutions}
        self.fields["institution"].choices = [(i.pk, i.title) for i in institutions]
        if len(institutions) == 1:
            self.fields["institution"].initial = institutions[0].pk
            self.fields["institution"].widget = forms.HiddenInput()

    def clean_institution(self):
        return self.institutions[self.cleaned_data["institution"]]
