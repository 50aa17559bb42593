from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from cluster_portal.widgets import PlainSelect

from .models import FederalState, Organization, OrganizationChange, Sector
from .validators import validate_logo


class OrganizationFilterForm(forms.Form):
    """The directory's search, filters and sorting, all from the query string."""

    SORTS = {
        "name": ("name",),
        "-name": ("-name",),
        "city": ("city", "name"),
        "newest": ("-created", "name"),
    }
    SORT_CHOICES = [
        ("name", _("Name (A–Z)")),
        ("-name", _("Name (Z–A)")),
        ("city", _("City")),
        ("newest", _("Newest entries")),
    ]
    MEMBER_CHOICES = [("", _("All")), ("yes", _("Members")), ("no", _("Non-members"))]

    q = forms.CharField(label=_("Search term"), max_length=100, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("All kinds")), *Organization.Kind.choices],
        required=False,
        widget=PlainSelect,
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=PlainSelect)
    state = forms.ChoiceField(
        label=_("Federal state"),
        choices=[("", _("All states")), *FederalState.choices],
        required=False,
        widget=PlainSelect,
    )
    member = forms.ChoiceField(
        label=_("Membership"),
        choices=MEMBER_CHOICES,
        required=False,
        widget=PlainSelect,
    )
    sort = forms.ChoiceField(
        label=_("Sort by"), choices=SORT_CHOICES, required=False, widget=PlainSelect
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["sector"].choices = [("", _("All sectors")), *Sector.slug_choices()]

    def filter(self, organizations):
        """The organisations that match the (valid) form, in the chosen order."""
        data = self.cleaned_data
        if data["q"]:
            organizations = organizations.search(data["q"])
        if data["kind"]:
            organizations = organizations.filter(kind=data["kind"])
        if data["sector"]:
            organizations = organizations.filter(sectors__slug=data["sector"])
        if data["state"]:
            organizations = organizations.filter(federal_state=data["state"])
        if data["member"]:
            organizations = organizations.filter(is_member=data["member"] == "yes")
        return organizations.order_by(*self.SORTS[data["sort"] or "name"])

    def apply(self, organizations):
        """What the directory shows for this form: everything by name while
        unbound, nothing for invalid input, else the filtered organisations."""
        if not self.is_bound:
            return organizations.order_by("name")
        if not self.is_valid():
            return organizations.none()
        return self.filter(organizations)

    def is_filtered(self):
        return any(value for name, value in self.cleaned_data.items() if name != "sort")


class OrganizationChangeForm(forms.ModelForm):
    """What a member may change of their own organisation's entry."""

    class Meta:
        model = OrganizationChange
        fields = [*OrganizationChange.FIELDS, "logo"]
        widgets = {
            "description_de": forms.Textarea(attrs={"rows": 8}),
            "description_en": forms.Textarea(attrs={"rows": 8}),
        }

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            validate_logo(logo)
        return logo
