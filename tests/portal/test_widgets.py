from django import forms
from django.test.html import parse_html

from cluster_portal.widgets import PlainSelect


def choices_form(widget):
    class Form(forms.Form):
        kind = forms.ChoiceField(
            choices=[("", "All"), ("a&b", "A & B"), ("x", "<script>")],
            required=False,
            widget=widget,
        )

    return Form


def test_a_plain_select_writes_what_djangos_select_writes():
    for data in ({}, {"kind": "a&b"}, {"kind": "unknown"}):
        plain = choices_form(PlainSelect)(data)["kind"]
        django = choices_form(forms.Select)(data)["kind"]
        # The same elements and attributes, whitespace and order aside.
        assert parse_html(str(plain)) == parse_html(str(django))


def test_a_plain_select_escapes_values_and_labels():
    html = str(choices_form(PlainSelect)({"kind": "x"})["kind"])
    assert '<option value="x" selected>&lt;script&gt;</option>' in html
    assert '<option value="a&amp;b">A &amp; B</option>' in html
