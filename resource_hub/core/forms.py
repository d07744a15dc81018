"""Admin forms for the vocabularies."""

from wagtail.admin.forms import WagtailAdminModelForm


class VocabularyForm(WagtailAdminModelForm):
    """The code is the primary key: set once, then shown but not editable.

    Records and the search index refer to entries by code, and Django would
    save an edited primary key as a new row rather than rename the entry.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding and "code" in self.fields:
            self.fields["code"].disabled = True
