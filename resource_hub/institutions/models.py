from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page, Workflow
from wagtail.search import index


class InstitutionType(models.TextChoices):
    UNIVERSITY = "university", _("University")
    VOCATIONAL_COLLEGE = "vocational_college", _("Vocational college")
    SCHOOL = "school", _("School")
    RESEARCH_INSTITUTE = "research_institute", _("Research institute")
    TRAINING_BASE = "training_base", _("Training base")


#: The site language a country's institutions write their own names in. Where
#: institutions are named in English (Singapore, the Philippines), none.
LOCAL_NAME_LANGUAGE = {
    "CN": "zh-hans",
    "TH": "th",
    "VN": "vi",
    "ID": "id",
    "MY": "ms",
    "BN": "ms",
    "KH": "km",
    "LA": "lo",
    "MM": "my",
}


class InstitutionIndexPage(Page):
    """The list of every institution; institutions live under it."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["institutions.InstitutionPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["institutions"] = (
            InstitutionPage.objects.child_of(self)
            .live()
            .select_related("country")
            .order_by("title")
        )
        return context

    class Meta:
        verbose_name = _("institution index")
        verbose_name_plural = _("institution indexes")


class InstitutionPage(Page):
    """A member institution. Its records live under this page, so Wagtail's page
    permissions on it give its teachers and editors their own subtree.

    The title is the English name; `name_local` is the name in its own language.
    The collection, groups and workflow are created with it by
    `institution_create` and are not edited by hand.
    """

    name_local = models.CharField(
        _("name in its own language"),
        max_length=255,
        blank=True,
        help_text=_("For example 清华大学, จุฬาลงกรณ์มหาวิทยาลัย or Đại học Quốc gia Hà Nội."),
    )
    country = models.ForeignKey(
        "core.Country",
        on_delete=models.PROTECT,
        related_name="institutions",
        verbose_name=_("country"),
    )
    institution_type = models.CharField(
        _("institution type"),
        max_length=32,
        choices=InstitutionType.choices,
        default=InstitutionType.UNIVERSITY,
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
    )
    profile = RichTextField(
        _("short profile"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("A few sentences about the institution, its programmes and strengths."),
    )
    collection = models.OneToOneField(
        Collection, on_delete=models.PROTECT, null=True, editable=False, related_name="institution"
    )
    teachers_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, null=True, editable=False, related_name="teacher_of"
    )
    editors_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, null=True, editable=False, related_name="editor_of"
    )
    workflow = models.OneToOneField(
        Workflow, on_delete=models.PROTECT, null=True, editable=False, related_name="institution"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("name_local"),
        MultiFieldPanel(
            [FieldPanel("country"), FieldPanel("institution_type"), FieldPanel("website")],
            heading=_("Facts"),
        ),
        FieldPanel("logo"),
        FieldPanel("profile"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Institution")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("name_local"),
        index.FilterField("country"),
        index.FilterField("institution_type"),
    ]

    parent_page_types = ["institutions.InstitutionIndexPage"]
    subpage_types = [
        "records.TeachingResourcePage",
        "records.AchievementPage",
        "records.CuratedCollectionPage",
    ]

    def get_context(self, request, *args, **kwargs):
        # Upward, and so an ignore in .importlinter: the page lists its records,
        # and records sit above institutions (a record knows its institution).
        # Inside, because portal imports this model.
        from resource_hub.portal import selectors

        context = super().get_context(request, *args, **kwargs)
        context["records"] = selectors.institution_records(
            request, self, page=request.GET.get("page")
        )
        context["collections"] = selectors.institution_collections(request, self)
        context["cooperation"] = selectors.institution_cooperation(request, self)
        return context

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def name_for(self, language: str | None) -> str:
        """The institution's name for a reader of `language`: one rule for every page.

        Its own-language name for readers of that language (清华大学 on /zh-hans/),
        else its English name (the title), so a reader never meets one
        institution under two names in one language.
        """
        language = (language or "").lower()
        if self.name_local and language and LOCAL_NAME_LANGUAGE.get(self.country_id) == language:
            return self.name_local
        return self.title

    @property
    def member_groups(self) -> list[Group]:
        """The groups whose members count as 'own institution' for view restrictions."""
        return [group for group in (self.teachers_group, self.editors_group) if group]
