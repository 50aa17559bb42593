import datetime
import itertools

from django.core.cache import cache
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from cluster_portal import cache as portal_cache
from cluster_portal import regions

from . import ical
from .document_access import may_download_members_only
from .forms import EventFilterForm
from .models import Category, Event
from .month import build_month, is_valid_year, month_bounds
from .structured_data import event_data, json_ld

PAGE_SIZE = 20
# The calendar's list, a region of its page (cluster_portal/regions.py).
UPCOMING_TEMPLATE = "events/includes/upcoming.html"
FEED_CACHE_SECONDS = 15 * 60


def filter_form(request):
    """The bound filter form; an unknown filter value is a 404 whose page
    says what was wrong (in the visitor's language) and keeps the form."""
    form = EventFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, False
    return form, True


def archive_years(now):
    """The years with past events, latest first, read once per content
    version (an event that ends is a change: see events/signals.py)."""
    return portal_cache.kept(
        "events:archive-years",
        lambda: Event.objects.published(now).archive_years(now),
    )


def active_filters(form):
    return form.filters() if form.is_bound else {}


def paginate(request, events):
    paginator = Paginator(events, PAGE_SIZE)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error


def render_invalid_filters(request, template, form, context):
    context = {"form": form, "invalid_filters": True, **context}
    return render(request, template, context, status=404)


def upcoming_context(request):
    """What the calendar's list shows for the query string, and whether its
    filters are valid; Http404 for a page out of range."""
    form, valid = filter_form(request)
    now = timezone.now()
    context = {
        "view_name": "list",
        "today": timezone.localdate(now),
        "archive_years": archive_years(now),
        "form": form,
    }
    if valid:
        # Only what the list needs: the cards come from the cache ({% cards %}).
        events = (
            Event.objects.published(now)
            .upcoming(now)
            .filtered(**active_filters(form))
            .values_list("pk", "start_date", named=True)
        )
        page = paginate(request, events)
        context |= {
            "page_obj": page,
            "events": page.object_list,
            "months": months_of(page.object_list),
            "card_source": Event.objects.with_related(),
        }
    return context, valid


def months_of(events):
    """The months of a page of events in date order: the first day of each
    and the slice of the page's cards that falls in it (``"3:7"``)."""
    months, start = [], 0
    for (year, month), group in itertools.groupby(
        events, key=lambda event: (event.start_date.year, event.start_date.month)
    ):
        stop = start + len(list(group))
        months.append(
            {"first_day": datetime.date(year, month, 1), "cards": f"{start}:{stop}"}
        )
        start = stop
    return months


@require_safe
def event_list(request):
    """The upcoming events, soonest first: the calendar's main view."""
    context, valid = upcoming_context(request)
    if not valid:
        return render_invalid_filters(
            request, "events/event_list.html", context["form"], context
        )
    return render(request, "events/event_list.html", context)


# The calendar's list alone, for a visitor's miss on its page.
render_upcoming = regions.template_renderer(UPCOMING_TEMPLATE, upcoming_context)


@require_safe
def event_archive(request, year):
    """The events of a past year, latest first."""
    year = int(year)  # django CMS's apphook resolver passes path converters' strings
    now = timezone.now()
    years = archive_years(now)
    if year not in years:
        raise Http404(gettext("There are no past events in this year."))
    form, valid = filter_form(request)
    context = {"view_name": "archive", "year": year, "archive_years": years}
    if not valid:
        return render_invalid_filters(
            request, "events/event_archive.html", form, context
        )
    events = (
        Event.objects.published(now)
        .past(now)
        .in_year(year)
        .filtered(**active_filters(form))
        .with_related()
    )
    page = paginate(request, events)
    context |= {"form": form, "page_obj": page, "events": page.object_list}
    return render(request, "events/event_archive.html", context)


@require_safe
def event_month(request, year, month):
    """A month as a calendar table, each event on every day it covers."""
    year, month = int(year), int(month)
    if not is_valid_year(year) or not 1 <= month <= 12:
        raise Http404(gettext("There is no such month in the calendar."))
    first_day, last_day = month_bounds(year, month)
    form, valid = filter_form(request)
    today = timezone.localdate()
    context = {
        "view_name": "month",
        "archive_years": archive_years(timezone.now()),
    }
    events = []
    if valid:
        events = list(
            Event.objects.published()
            .overlapping(first_day, last_day)
            .filtered(**active_filters(form))
            .with_related()
        )
    context |= {
        "form": form,
        "month": build_month(year, month, events, today),
        "current_month": today.replace(day=1),
    }
    if not valid:
        return render_invalid_filters(request, "events/event_month.html", form, context)
    return render(request, "events/event_month.html", context)


def visible_event(request, slug, events=None):
    """The event, if the visitor may see it: published events for everyone,
    unpublished ones as a preview for the editors."""
    if events is None:
        events = Event.objects.with_related()
    event = get_object_or_404(events, slug=slug)
    if event.is_visible():
        return event, False
    if request.user.has_perm("events.change_event"):
        return event, True
    raise Http404(gettext("No such event."))


@require_safe
def event_detail(request, slug):
    event, is_preview = visible_event(request, slug, Event.objects.with_dossier())
    context = {
        "event": event,
        "translated_object": event,
        "is_preview": is_preview,
        "json_ld": json_ld(event_data(event, request)),
        "may_download_members": may_download_members_only(request.user),
    }
    response = render(request, "events/event_detail.html", context)
    if is_preview:
        # A preview must never land in a shared cache.
        add_never_cache_headers(response)
    return response


def ical_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def event_ical(request, slug):
    """One event as an .ics file, to add to one's own calendar."""
    event, is_preview = visible_event(request, slug)
    content = ical.build_calendar([event], request, name=event.title)
    response = ical_response(content, f"{event.slug}.ics")
    if is_preview:
        add_never_cache_headers(response)
    return response


@require_safe
def event_feed(request, category=None):
    """All upcoming events (or those of one category) as a calendar to
    subscribe to."""
    events = Event.objects.published().upcoming().with_related()
    name = gettext("Dates of the Chemistry/Plastics Cluster")
    filename = gettext("upcoming-events") + ".ics"  # a file name, no spaces
    if category is not None:
        category = get_object_or_404(Category, slug=category)
        events = events.filter(category=category)
        name = f"{name}: {category.name}"
        filename = f"{filename[:-4]}-{category.slug}.ics"
    # Serialising hundreds of events takes a while and calendar apps poll
    # often: keep each feed until the calendar changes (signals.py) or for a
    # quarter of an hour, after which ended events drop out.
    key = ical.feed_cache_key(request, category)
    content = cache.get(key)
    if content is None:
        content = ical.build_calendar(events, request, name=name)
        cache.set(key, content, FEED_CACHE_SECONDS)
    return ical_response(content, filename)
