from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Topic


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of e-mails"),
        required=False,
        choices=[("", _("The site's default language"))] + list(settings.LANGUAGES),
    )
    review_requests = forms.BooleanField(label=Topic.REVIEW_REQUESTS.label, required=False)
    review_outcomes = forms.BooleanField(label=Topic.REVIEW_OUTCOMES.label, required=False)
    membership = forms.BooleanField(label=Topic.MEMBERSHIP.label, required=False)

    @classmethod
    def for_preferences(cls, preferences, data=None):
        initial = {"language": preferences.language}
        initial.update({topic.value: preferences.wants(topic) for topic in Topic})
        return cls(data=data, initial=initial)
