import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cluster_portal import cache as portal_cache
from cluster_portal.widgets import PlainSelect, ReadyChoices
from members.models import FederalState, Organization

from .models import Category, Event, FieldOfAction


class SlugChoiceField(forms.ModelChoiceField):
    """A choice by slug, with an error message that names the bad value."""

    default_error_messages = {
        "invalid_choice": _("“%(value)s” is not one of the choices."),
    }

    widget = PlainSelect

    def __init__(self, queryset, **kwargs):
        kwargs.setdefault("empty_label", _("All"))
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)


def organizer_choices():
    """(slug, name) of the organisations with visible events, by name: a
    thousand of them are too many to load on every visit."""
    return portal_cache.kept(
        "events:organizer-choices",
        lambda: list(
            Organization.objects.filter(
                pk__in=Event.objects.published().values("organizer")
            )
            .order_by("name")
            .values_list("slug", "name")
        ),
    )


class EventFilterForm(forms.Form):
    """The filters of the calendar pages, read from the query string.

    The parameter names are part of shareable URLs: keep them stable.
    """

    category = SlugChoiceField(Category.objects.all(), label=_("Category"))
    field = SlugChoiceField(FieldOfAction.objects.all(), label=_("Field of action"))
    state = forms.ChoiceField(
        label=_("Federal state"),
        required=False,
        choices=[("", _("All"))] + list(FederalState.choices),
        widget=PlainSelect,
        error_messages={"invalid_choice": _("“%(value)s” is not one of the choices.")},
    )
    organizer = forms.ChoiceField(
        label=_("Organiser"),
        required=False,
        widget=PlainSelect,
        error_messages={"invalid_choice": _("“%(value)s” is not one of the choices.")},
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        # Only organisations with visible events are worth offering.
        self.fields["organizer"].choices = ReadyChoices(
            [("", _("All")), *organizer_choices()]
        )
        # Offered from the cache; only a chosen slug is looked up.
        for name, model in (("category", Category), ("field", FieldOfAction)):
            self.fields[name].choices = [("", _("All")), *model.slug_choices()]

    def filters(self):
        """Keyword arguments for ``EventQuerySet.filtered``."""
        data = self.cleaned_data
        return {
            "category": data.get("category"),
            "field_of_action": data.get("field"),
            "state": data.get("state") or None,
            "organizer": data.get("organizer") or None,
        }

    def is_filtering(self):
        return any(value for value in self.filters().values())

    def query_string(self):
        """The active filters as a query string, without the page number, for
        links that keep them (pagination, month navigation, feeds)."""
        query = QueryDict(mutable=True)
        for name in self.fields:
            value = self.data.get(name)
            if value and name not in self.errors:
                query[name] = value
        return query.urlencode()


class EventAdminForm(forms.ModelForm):
    """The event as editors enter it: days and local times.

    An all-day event needs only its days; a timed one gets a start and end
    time too. Times are local (Europe/Berlin); the model stores the aware
    moments they stand for.
    """

    start_time = forms.TimeField(
        label=_("start time"),
        required=False,
        help_text=_("Local time; leave empty for all-day events."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_time = forms.TimeField(
        label=_("end time"),
        required=False,
        help_text=_("Local time; leave empty for all-day events."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )

    class Meta:
        model = Event
        fields = [
            "title_de",
            "title_en",
            "slug",
            "teaser_de",
            "teaser_en",
            "description_de",
            "description_en",
            "category",
            "fields_of_action",
            "organizer",
            "is_all_day",
            "start_date",
            "end_date",
            "venue_name",
            "street",
            "postcode",
            "city",
            "federal_state",
            "online_url",
            "registration_url",
            "registration_deadline",
            "image",
            "image_alt_de",
            "image_alt_en",
            "is_published",
            "is_featured",
            "publish_from",
            "publish_until",
            "is_cancelled",
            "is_sample",
        ]
        widgets = {
            "fields_of_action": forms.CheckboxSelectMultiple,
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        if event.pk and not event.is_all_day:
            self.initial.setdefault("start_time", event.local_start.time())
            self.initial.setdefault("end_time", event.local_end.time())

    def clean(self):
        data = super().clean()
        start_date, end_date = data.get("start_date"), data.get("end_date")
        if data.get("is_all_day"):
            data["start_time"] = data["end_time"] = None
        else:
            for name in ("start_time", "end_time"):
                if data.get(name) is None and name not in self.errors:
                    self.add_error(
                        name, ValidationError(_("Enter a time or tick “all day”."))
                    )
            if start_date and end_date and not self.errors:
                self.instance.start = _local(start_date, data["start_time"])
                self.instance.end = _local(end_date, data["end_time"])
        return data


def _local(day, time):
    return timezone.make_aware(datetime.datetime.combine(day, time))
