from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe


class PlainSelect(forms.Select):
    """A ``<select>`` written out in Python rather than through a template
    per option, which for the calendar's thousand organisers cost most of
    the page's render. Options only, no groups."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(option)}"'
            f"{' selected' if str(option) in selected else ''}>"
            f"{escape(label)}</option>"
            for option, label in self.choices
        )
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attrs}>{options}</select>')
