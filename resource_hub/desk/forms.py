"""The desk's forms. Every error is tied to its field (aria-describedby, aria-invalid)."""

import json

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from resource_hub.core.validators import normalise_orcid, validate_orcid
from resource_hub.core.vocabularies import (
    EducationLevel,
    Language,
    Licence,
    ResourceType,
    SubjectField,
)
from resource_hub.events.models import EventPage
from resource_hub.events.selectors import live_events
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.cooperation import party_values
from resource_hub.records.models import AccessLevel, CreatorRole


class DescribedErrorsMixin:
    """After validation, point each invalid field at its error message for screen readers."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            described = [f"{bound.auto_id}_error"]
            if self.fields[name].help_text:
                described.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs.update(
                {"aria-describedby": " ".join(described), "aria-invalid": "true"}
            )


class VocabularyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


def subject_choices() -> list:
    """ISCED-F fields grouped by broad field, in the viewer's language, the code second.

    One flat list of 123 codes was hard to read; an <optgroup> per broad field
    ("08 Agriculture, …") holds it and its narrow and detailed fields.
    """
    groups: dict[str, tuple[str, list]] = {}
    for item in SubjectField.objects.active().order_by("code"):
        broad = item.code[:2]
        if item.level == SubjectField.Level.BROAD:
            groups[broad] = (f"{item.label} ({item.code})", [])
        groups.setdefault(broad, (broad, []))[1].append((item.code, f"{item.code} · {item.label}"))
    return [("", "—")] + list(groups.values())


class LevelsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


KIND_CHOICES = [("material", _("Teaching material")), ("achievement", _("Achievement"))]


def resource_types_by_kind() -> dict[str, list[tuple[str, str]]]:
    """The active types each kind of record may have, each label once, in the viewer's language.

    A teaching material and an achievement have different types; some names
    ("Dataset", "Textbook") exist in both, so one list of both read each twice.
    """
    types = {kind: [] for kind, _label in KIND_CHOICES}
    seen = {kind: set() for kind, _label in KIND_CHOICES}
    for item in ResourceType.objects.active():
        label = item.label
        if item.applies_to in types and label not in seen[item.applies_to]:
            seen[item.applies_to].add(label)
            types[item.applies_to].append((item.code, label))
    return types


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name_for(translation.get_language())} ({obj.year})"


COOPERATION_FIELDS = ("cross_border", "signed_on", "ends_on", "parties")


class PartiesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.country_id})"


class RecordMetadataForm(DescribedErrorsMixin, forms.Form):
    """Step 1 of the wizard: what the record is. Creating asks for the kind and institution."""

    kind = forms.ChoiceField(
        label=_("What are you sharing?"), choices=KIND_CHOICES, widget=forms.RadioSelect
    )
    institution = forms.ModelChoiceField(label=_("Institution"), queryset=None)
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        help_text=_("In the record's original language."),
    )
    abstract = forms.CharField(
        label=_("Abstract"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the record is about, in its original language."),
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        required=False,
        max_length=1000,
        help_text=_("Separated by commas, in any language."),
    )
    language = VocabularyChoiceField(label=_("Original language"), queryset=None)
    subject = forms.ChoiceField(
        label=_("Subject"),
        choices=(),
        required=False,
        help_text=_(
            "The field of education (ISCED-F 2013), as specific as you can. "
            "Type in the box above the list to narrow it."
        ),
    )
    education_levels = LevelsField(
        label=_("Levels and sectors"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    resource_type = forms.ChoiceField(label=_("Type"), choices=())
    licence = VocabularyChoiceField(label=_("Licence"), queryset=None)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100)
    event = EventChoiceField(
        label=_("Released or presented at"),
        queryset=None,
        required=False,
        empty_label=_("No event"),
        help_text=_("The event where the record was first shown, such as a cooperation week."),
    )
    access_level = forms.ChoiceField(
        label=_("Who may see it once released"),
        choices=AccessLevel.choices,
        initial=AccessLevel.PUBLIC,
    )
    # Cooperation records (achievements: agreement, alliance, centre, training base).
    cross_border = forms.BooleanField(
        label=_("Cross-border cooperation between China and ASEAN"),
        required=False,
        help_text=_("Then at least one Chinese and one ASEAN institution must be parties."),
    )
    signed_on = forms.DateField(
        label=_("Signed or founded on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    ends_on = forms.DateField(
        label=_("In force until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty if it has no end date."),
    )
    parties = PartiesField(
        label=_("Parties"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The institutions party to the agreement, alliance, centre or base."),
    )

    def __init__(self, *args, institutions=None, kind=None, new_kind=None, **kwargs):
        """`kind` is an edited record's; `new_kind` the one a new record starts as (?kind=)."""
        super().__init__(*args, **kwargs)
        self.fixed_kind = kind
        kinds = dict(KIND_CHOICES)
        if kind:  # editing: the kind and the institution do not change
            del self.fields["kind"]
            del self.fields["institution"]
        else:
            new_kind = new_kind if new_kind in kinds else "material"
            self.fields["kind"].initial = new_kind
            if self.is_bound and self.data.get("kind") in kinds:
                new_kind = self.data["kind"]
            self.fields["institution"].queryset = institutions
            if institutions is not None and len(institutions) == 1:
                self.fields["institution"].initial = institutions[0].pk
        types = resource_types_by_kind()
        self.fields["resource_type"].choices = [("", "—")] + types[kind or new_kind]
        # The kind's radio buttons swap the options without a round trip (wizard-kind.js).
        self.fields["resource_type"].widget.attrs["data-desk-types"] = json.dumps(types)
        self.fields["language"].queryset = Language.objects.active()
        self.fields["subject"].choices = subject_choices()
        # wizard-subject.js adds a box that filters the options as the teacher types.
        self.fields["subject"].widget.attrs.update(
            {"data-desk-filter": _("Filter the subjects"), "data-desk-filter-none": _("No match")}
        )
        self.fields["education_levels"].queryset = EducationLevel.objects.active()
        self.fields["licence"].queryset = Licence.objects.active()
        # Released events, and the one an edited record already names, even if since withdrawn.
        current = (self.initial or {}).get("event")
        events = live_events()
        if current:
            events = (events | EventPage.objects.filter(pk=current)).order_by("-start_date", "-pk")
        self.fields["event"].queryset = events
        self.fields["parties"].queryset = InstitutionPage.objects.live().order_by("title")
        if kind == "material":  # cooperation records are achievements
            for name in COOPERATION_FIELDS:
                del self.fields[name]
        self.fields["year"].initial = timezone.now().year

    def clean_resource_type(self):
        code = self.cleaned_data["resource_type"]
        resource_type = ResourceType.objects.active().filter(code=code).first()
        if resource_type is None:
            raise ValidationError(_("Choose a type from the list."))
        return resource_type

    def clean_subject(self):
        code = self.cleaned_data["subject"]
        return SubjectField.objects.active().filter(code=code).first() if code else None

    def clean_keywords(self):
        words = [
            word.strip() for word in self.cleaned_data["keywords"].replace("，", ",").split(",")
        ]
        return [word for word in words if word]

    def clean(self):
        cleaned = super().clean()
        kind = self.fixed_kind or cleaned.get("kind")
        resource_type = cleaned.get("resource_type")
        if kind and resource_type and resource_type.applies_to != kind:
            self.add_error(
                "resource_type",
                _("“%(type)s” is not a type of %(kind)s; choose one from that group.")
                % {"type": resource_type.label, "kind": dict(KIND_CHOICES)[kind]},
            )
        return cleaned

    def cooperation_fields(self, kind: str, record=None) -> dict:
        """The services' cooperation arguments, for an achievement (nothing for a material).

        `record`: the edited record's draft, whose parties keep their roles and dates.
        """
        if kind != "achievement":
            return {}
        data = self.cleaned_data
        return {
            "cross_border": data["cross_border"],
            "signed_on": data["signed_on"],
            "ends_on": data["ends_on"],
            "parties": party_values(list(data["parties"]), record, keep_order=True),
        }

    def record_fields(self) -> dict:
        data = self.cleaned_data
        names = ["title", "abstract", "language", "subject", "resource_type", "licence", "year"]
        return {
            **{name: data[name] for name in names},
            "access_level": data["access_level"],
            "event": data["event"],
        }


class CreatorForm(DescribedErrorsMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    orcid = forms.CharField(
        label=_("ORCID iD"),
        max_length=37,
        required=False,
        help_text=_("Optional, e.g. 0000-0002-1825-0097."),
    )
    affiliation = forms.CharField(label=_("Affiliation"), max_length=255, required=False)
    # The initial role lets an untouched extra row count as empty.
    role = forms.ChoiceField(
        label=_("Role"), choices=CreatorRole.choices, initial=CreatorRole.AUTHOR
    )

    def clean_orcid(self):
        orcid = self.cleaned_data["orcid"].strip()
        if orcid:
            validate_orcid(orcid)
            orcid = normalise_orcid(orcid)
        return orcid


class BaseCreatorFormSet(forms.BaseFormSet):
    default_error_messages = {
        **forms.BaseFormSet.default_error_messages,
        "too_few_forms": _("Name at least one creator."),
    }

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Remove this creator")

    def creators(self) -> list[dict]:
        """The named, not removed rows, in their order, as the record services take them."""
        names = ["name", "orcid", "affiliation", "role"]
        return [
            {name: form.cleaned_data[name] for name in names}
            for form in self.forms
            if form.cleaned_data
            and form.cleaned_data.get("name")
            and not self._should_delete_form(form)
        ]


def creator_of(user, institutions) -> dict:
    """A new record's first creator: the signed-in teacher, from their account.

    Accounts hold no ORCID iD yet; the affiliation is given when there is one institution.
    """
    creator = {"name": user.get_full_name() or user.get_username(), "role": CreatorRole.AUTHOR}
    if institutions is not None and len(institutions) == 1:
        creator["affiliation"] = institutions[0].title
    return creator


# Two empty rows beyond the filled ones work without JavaScript; with it,
# "Add another creator" clones the formset's empty form (wizard-creators.js).
CreatorFormSet = forms.formset_factory(
    CreatorForm,
    formset=BaseCreatorFormSet,
    extra=2,
    can_delete=True,
    min_num=1,
    validate_min=True,
    max_num=30,
    validate_max=True,
)


class TranslationForm(DescribedErrorsMixin, forms.Form):
    """The title and abstract in another language, for readers of that language."""

    language = VocabularyChoiceField(label=_("Language"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=255)
    abstract = forms.CharField(
        label=_("Abstract"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].queryset = Language.objects.active()


class BaseTranslationFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Remove this translation")

    def _kept(self):
        return [
            form for form in self.forms if form.cleaned_data and not self._should_delete_form(form)
        ]

    def clean(self):
        seen = set()
        for form in self._kept():
            language = form.cleaned_data.get("language")
            if language in seen:
                form.add_error("language", _("There is already a translation in this language."))
            seen.add(language)

    def translations(self) -> list[dict]:
        """The filled, not removed rows, as the record services take them."""
        names = ["language", "title", "abstract"]
        return [{name: form.cleaned_data[name] for name in names} for form in self._kept()]


# One empty row; a record with translations gets one more each time it is edited.
TranslationFormSet = forms.formset_factory(
    TranslationForm,
    formset=BaseTranslationFormSet,
    extra=1,
    can_delete=True,
    max_num=20,
    validate_max=True,
)


class FileAttachForm(forms.Form):
    document = forms.IntegerField(widget=forms.HiddenInput)
    label = forms.CharField(max_length=255, required=False)


class ReasonForm(DescribedErrorsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why?"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RejectForm(DescribedErrorsMixin, forms.Form):
    comment = forms.CharField(
        label=_("What needs to change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The author sees this comment."),
        error_messages={"required": _("Say what needs to change: the author sees your comment.")},
    )


class ApproveForm(DescribedErrorsMixin, forms.Form):
    """The release confirmation: sent only from the page that says who will see the record."""

    confirm = forms.BooleanField(
        widget=forms.HiddenInput,
        error_messages={"required": _("Confirm the release on this page.")},
    )
    comment = forms.CharField(
        label=_("A word for the author"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional. The author sees it in the record's conversation."),
    )


class CommentForm(DescribedErrorsMixin, forms.Form):
    """A message in a record's conversation, from its author or a reviewer."""

    comment = forms.CharField(
        label=_("Your comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The record's author and its institution's editors read it."),
        error_messages={"required": _("Write your comment first.")},
    )
    back = forms.ChoiceField(
        choices=[("submission", ""), ("edit", ""), ("review", "")],
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, **kwargs):
        # Its own ids: it shares pages with other forms that have a "comment" field.
        kwargs.setdefault("auto_id", "id_conversation_%s")
        super().__init__(*args, **kwargs)


class MembershipRequestForm(DescribedErrorsMixin, forms.Form):
    institution = forms.ModelChoiceField(label=_("Institution"), queryset=None)
    message = forms.CharField(
        label=_("Message to the editors"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: your department or course, so the editors know you."),
    )

    def __init__(self, *args, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions


class InvitationForm(DescribedErrorsMixin, forms.Form):
    """A new invitation: for which institution, and optionally the address to e-mail it to."""

    institution = forms.ModelChoiceField(
        label=_("Institution"), queryset=InstitutionPage.objects.all()
    )
    email = forms.EmailField(
        label=_("E-mail address of the person you invite"),
        required=False,
        help_text=_("Optional: we e-mail them the link. Leave it empty to copy the link yourself."),
        error_messages={
            "invalid": _(
                "This is not an e-mail address. Check it, or leave it empty to copy the link."
            )
        },
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mail"), choices=settings.LANGUAGES, required=False
    )

    def __init__(self, *args, institutions, **kwargs):
        kwargs.setdefault("auto_id", "desk-invite-%s")  # beside the request form's fields
        super().__init__(*args, **kwargs)
        # Offer the editor's own institutions; who may invite where is the service's check,
        # so another institution's id is answered with its message, not "not a choice".
        self.fields["institution"].widget.choices = [
            (institution.pk, institution.title) for institution in institutions
        ]
        self.fields["email"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})
        self.fields["language"].initial = translation.get_language()
