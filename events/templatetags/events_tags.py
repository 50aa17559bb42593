from django import template
from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


def _time_element(value, text):
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), text)


def _day(day):
    return _time_element(day, date_format(day, "DATE_FORMAT"))


def _moment(moment, format_name):
    local = timezone.localtime(moment)
    return _time_element(local, date_format(local, format_name))


@register.simple_tag
def event_when(event):
    """When the event takes place, as the visitor's language writes it, with
    machine-readable <time> elements."""
    start, end = event.start, event.end
    if event.is_all_day:
        if not event.is_multi_day:
            return _day(event.start_date)
        pattern = gettext("%(start_date)s to %(end_date)s")
        values = {
            "start_date": _day(event.start_date),
            "end_date": _day(event.end_date),
        }
    elif not event.is_multi_day:
        pattern = gettext("%(date)s, %(start)s to %(end)s")
        values = {
            "date": _day(event.start_date),
            "start": _moment(start, "TIME_FORMAT"),
            "end": _moment(end, "TIME_FORMAT"),
        }
    else:
        pattern = gettext("%(start_date)s, %(start)s to %(end_date)s, %(end)s")
        values = {
            "start_date": _day(event.start_date),
            "start": _moment(start, "TIME_FORMAT"),
            "end_date": _day(event.end_date),
            "end": _moment(end, "TIME_FORMAT"),
        }
    return _fill(pattern, **values)


@register.simple_tag
def event_time_on(event, day):
    """What a day cell of the month view says about the event's time."""
    if event.is_all_day:
        return gettext("all day")
    start, end = _moment(event.start, "TIME_FORMAT"), _moment(event.end, "TIME_FORMAT")
    if day == event.start_date == event.end_date:
        return _fill(gettext("%(start)s to %(end)s"), start=start, end=end)
    if day == event.start_date:
        return _fill(gettext("from %(time)s"), time=start)
    if day == event.end_date:
        return _fill(gettext("until %(time)s"), time=end)
    return gettext("continued")


def _fill(pattern, **values):
    return mark_safe(escape(pattern) % values)


@register.simple_tag
def query_with(query_string, **params):
    """A query string: the active filters plus the given parameters."""
    query = QueryDict(query_string, mutable=True)
    for name, value in params.items():
        if value in (None, ""):
            query.pop(name, None)
        else:
            query[name] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""
