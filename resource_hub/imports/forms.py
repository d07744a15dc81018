"""The admin's upload form: a sheet, an optional ZIP, the institution and what to do afterwards.

The ZIP of an institution's materials may be hundreds of MB. With JavaScript
the page sends it straight to the object store in parts, with progress and
resume (files/static/files/js/uploader.js, an upload with the purpose
"import"; static/imports/js/import-zip.js) and the form carries only the
finished upload's id (`files_upload`). Without JavaScript the ZIP comes with
the form, through the web process, up to FORM_ZIP_MAX_SIZE.
"""

import json

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from resource_hub.access.records import can_create_record
from resource_hub.institutions.models import InstitutionPage

from .models import ImportJob

#: The largest ZIP sent with the form itself (no JavaScript): one request through the
#: web process, with no progress and no resume. Larger ones go as a direct upload.
FORM_ZIP_MAX_SIZE = 100 * 1024 * 1024  # "100.0 MB" as the page shows sizes


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
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )
    #: A ZIP sent before as a direct upload (by the page's script): its id.
    files_upload = forms.UUIDField(required=False, widget=forms.HiddenInput)
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
        self.fields["files"].help_text = _(
            "Optional: a .zip file holding the files the sheet names. It is sent to the file "
            "store in parts, with progress, up to %(max)s; if the connection drops, choose it "
            "again and it goes on where it stopped. Without JavaScript the form takes a ZIP "
            "of up to %(form_max)s."
        ) % {
            "max": filesizeformat(settings.FILES_MAX_UPLOAD_SIZE),
            "form_max": filesizeformat(FORM_ZIP_MAX_SIZE),
        }

    def clean_institution(self):
        return self.institutions[self.cleaned_data["institution"]]

    def clean_files(self):
        files = self.cleaned_data["files"]
        if files and files.size > FORM_ZIP_MAX_SIZE:
            raise forms.ValidationError(
                _(
                    "This ZIP is %(size)s; sent with the form, a ZIP may have up to "
                    "%(limit)s. Turn on JavaScript in your browser to send a larger one "
                    "in parts."
                )
                % {"size": filesizeformat(files.size), "limit": filesizeformat(FORM_ZIP_MAX_SIZE)}
            )
        return files

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("files") and cleaned.get("files_upload"):
            self.add_error("files", _("Give the ZIP once: either with the form or as an upload."))
        return cleaned

    def zip_upload_config(self) -> dict:
        """What the page's script needs to upload the ZIP: each institution's collection
        (an upload goes into one; the access policy decides who may add files there)."""
        return {
            "collections": json.dumps(
                {
                    str(pk): institution.collection_id
                    for pk, institution in self.institutions.items()
                }
            ),
            "max_bytes": settings.FILES_MAX_UPLOAD_SIZE,
            "max_size": filesizeformat(settings.FILES_MAX_UPLOAD_SIZE),
        }
