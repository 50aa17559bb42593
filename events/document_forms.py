from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cluster_portal.widgets import PlainSelect

from .document_files import validate_document_file
from .document_models import EventDocument
from .models import Event


class DocumentFilterForm(forms.Form):
    """The filters of the CKreihe page, read from the query string."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All"))] + list(EventDocument.Kind.choices),
        widget=PlainSelect,
        error_messages={"invalid_choice": _("“%(value)s” is not one of the choices.")},
    )
    year = forms.TypedChoiceField(
        label=_("Year"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=PlainSelect,
        error_messages={"invalid_choice": _("“%(value)s” is not one of the choices.")},
    )

    def __init__(self, data=None, *, years=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["year"].choices = [("", _("All"))] + [
            (str(year), str(year)) for year in years
        ]

    def filters(self):
        """Keyword arguments for ``EventDocumentQuerySet.filtered``."""
        if not self.is_bound:
            return {}
        data = self.cleaned_data
        return {
            "kind": data.get("kind") or None,
            "year": data.get("year"),
            "search": (data.get("q") or "").strip() or None,
        }

    @property
    def query_string(self):
        if not self.is_bound:
            return ""
        return self.data.urlencode() if hasattr(self.data, "urlencode") else ""


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; each is checked like a single upload."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class BulkUploadForm(forms.Form):
    """Upload several files at once as CKreihe documents of one event."""

    event = forms.ModelChoiceField(
        Event.objects.order_by("-start"), label=_("Event"), required=False
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=EventDocument.Kind.choices)
    language = forms.ChoiceField(
        label=_("Language of the document"), choices=EventDocument.Language.choices
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"), choices=EventDocument.Visibility.choices
    )
    publication_date = forms.DateField(
        label=_("Publication date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    files = MultipleFileField(
        label=_("Files"),
        help_text=_(
            "Each file becomes a document with the next free CKreihe number; its "
            "title is the file name and can be changed afterwards."
        ),
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        errors = []
        for upload in files:
            try:
                validate_document_file(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files
