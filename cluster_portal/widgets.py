from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.choices import BaseChoiceIterator
from django.utils.safestring import mark_safe


class ReadyChoices(BaseChoiceIterator):
    """(value, label) pairs to give a choice field as they are: Django
    otherwise checks and copies every pair on each form, which for a
    thousand organisers costs more than the rest of the form."""

    def __init__(self, pairs):
        self.pairs = pairs

    def __iter__(self):
        return iter(self.pairs)


class PlainSelect(forms.Select):
    """A ``<select>`` written out in Python rather than through a template
    per option, which for the calendar's thousand organisers cost most of
    the page's render. Options only, no groups. The standard library's
    ``escape`` writes what Django's does, without its lazy-text checks."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(str(option))}"'
            f"{' selected' if str(option) in selected else ''}>"
            f"{escape(str(label))}</option>"
            for option, label in self.choices
        )
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attrs}>{options}</select>')
