"""Vocabularies in the admin: one "Vocabularies" menu, one listing per vocabulary.

They are Wagtail snippets, so Wagtail's model permissions apply: platform
administrators (superusers) manage them; nobody else is given the permissions.
Entries are retired with "active" rather than deleted once records use them
(records protect the entries they point at).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import VocabularyForm
from .vocabularies import Country, EducationLevel, Language, Licence, ResourceType, SubjectField


def vocabulary_panels(*panels) -> ObjectList:
    """Code and English name first, the vocabulary's own fields, then labels and status."""
    return ObjectList(
        [
            FieldPanel("code"),
            FieldPanel("name_en"),
            *panels,
            FieldPanel("labels"),
            FieldRowPanel([FieldPanel("sort_order"), FieldPanel("is_active")]),
        ],
        base_form_class=VocabularyForm,
    )


class VocabularyViewSet(SnippetViewSet):
    search_fields = ["code", "name_en", "labels"]
    list_per_page = 100
    copy_view_enabled = False
    inspect_view_enabled = True


class SubjectFieldViewSet(VocabularyViewSet):
    model = SubjectField
    icon = "list-ul"
    list_display = ["code", "name_en", "label", "level", "is_active"]
    list_filter = ["level", "is_active"]
    edit_handler = vocabulary_panels(FieldPanel("level"), FieldPanel("parent"))


class EducationLevelViewSet(VocabularyViewSet):
    model = EducationLevel
    icon = "order"
    list_display = ["code", "name_en", "label", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    edit_handler = vocabulary_panels(FieldPanel("kind"))


class ResourceTypeViewSet(VocabularyViewSet):
    model = ResourceType
    icon = "doc-full"
    list_display = ["code", "name_en", "label", "applies_to", "is_active"]
    list_filter = ["applies_to", "is_active"]
    search_fields = [*VocabularyViewSet.search_fields, "lrmi_term"]
    edit_handler = vocabulary_panels(
        FieldPanel("applies_to"), FieldPanel("lrmi_term"), FieldPanel("uri")
    )


class LanguageViewSet(VocabularyViewSet):
    model = Language
    icon = "openquote"
    list_display = ["code", "name_en", "name_native", "script", "written_without_spaces"]
    list_filter = ["written_without_spaces", "is_active"]
    search_fields = [*VocabularyViewSet.search_fields, "name_native"]
    edit_handler = vocabulary_panels(
        FieldPanel("name_native"), FieldPanel("script"), FieldPanel("written_without_spaces")
    )


class CountryViewSet(VocabularyViewSet):
    model = Country
    icon = "globe"
    list_display = ["code", "name_en", "name_local", "asean_member_since", "is_active"]
    list_filter = ["is_asean_member", "is_active"]
    search_fields = [*VocabularyViewSet.search_fields, "name_local"]
    edit_handler = vocabulary_panels(
        FieldPanel("name_local"),
        FieldRowPanel([FieldPanel("is_asean_member"), FieldPanel("asean_member_since")]),
    )


class LicenceViewSet(VocabularyViewSet):
    model = Licence
    icon = "key"
    list_display = [
        "code",
        "name_en",
        "allows_reuse",
        "allows_commercial",
        "allows_derivatives",
        "is_active",
    ]
    list_filter = ["allows_reuse", "allows_commercial", "allows_derivatives", "is_active"]
    edit_handler = vocabulary_panels(
        FieldPanel("url"),
        FieldRowPanel(
            [
                FieldPanel("allows_reuse"),
                FieldPanel("allows_commercial"),
                FieldPanel("allows_derivatives"),
            ]
        ),
    )


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "tag"
    menu_order = 800
    items = (
        SubjectFieldViewSet,
        EducationLevelViewSet,
        ResourceTypeViewSet,
        LanguageViewSet,
        CountryViewSet,
        LicenceViewSet,
    )


register_snippet(VocabularyGroup)
