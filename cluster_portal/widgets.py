import functools
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
    ``escape`` writes what Django's does, without its lazy-text checks.

    The options of a list of choices are written once per process and
    reused (the choices come from the cache, the same on every request);
    only the chosen ones are marked for each form."""

    def render(self, name, value, attrs=None, renderer=None):
        choices = tuple((str(value), str(label)) for value, label in self.choices)
        options = written_options(choices)
        for chosen in set(self.format_value(value)):
            option = f'<option value="{escape(chosen)}">'
            options = options.replace(option, f"{option[:-1]} selected>")
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attrs}>{options}</select>')


@functools.lru_cache(maxsize=64)
def written_options(choices):
    return "".join(
        f'<option value="{escape(value)}">{escape(label)}</option>'
        for value, label in choices
    )
