from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Stored with every subscription as proof of what the visitor agreed to.
# Change it whenever the consent text below (in either language) changes.
CONSENT_VERSION = "2026-11"
CONSENT_TEXT = _(
    "I would like to receive CKnews by e-mail. I agree that the cluster "
    "management stores my e-mail address and language for this purpose, as "
    "described in the privacy policy. I can withdraw my consent at any time "
    "with the link in every e-mail."
)


class SubscriptionForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please agree so that we may send CKnews.")},
    )
    # Left empty by people, who never see it; filled in by many bots.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))


class PreviewForm(forms.Form):
    """The admin's test mail of an issue to one address."""

    email = forms.EmailField(label=_("E-mail address"))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
