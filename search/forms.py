from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Kind
from .text import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search terms"),
        required=False,
        strip=True,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "Please shorten your search to at most %(limit_value)d characters."
            )
        },
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Kind.choices],
        error_messages={"invalid_choice": _("There is no such kind of result.")},
    )
