"""Admin forms: the vocabularies, and the admin's sign-in."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.auth import LoginForm


class VocabularyForm(WagtailAdminModelForm):
    """The code is the primary key: set once, then shown but not editable.

    Records and the search index refer to entries by code, and Django would
    save an edited primary key as a new row rather than rename the entry.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding and "code" in self.fields:
            self.fields["code"].disabled = True


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form, with its password field labelled in the reader's language.

    Wagtail gives the field no label, so Django shows its name, "Password",
    untranslated (settings: WAGTAILADMIN_USER_LOGIN_FORM).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
