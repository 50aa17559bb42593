"""The month grid of the calendar's month view."""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

# The years the calendar's pages cover; outside them a URL is a 404, and the
# month navigation stops, so crawlers cannot walk through endless empty months.
MIN_YEAR = 1900
MAX_YEAR = 2199


def is_valid_year(year):
    return MIN_YEAR <= year <= MAX_YEAR


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)


@dataclass
class Month:
    """The weeks of one month, Monday first, each day with its events."""

    first_day: datetime.date
    weeks: list[list[Day]]

    @property
    def last_day(self):
        days = calendar.monthrange(self.first_day.year, self.first_day.month)[1]
        return self.first_day.replace(day=days)

    @property
    def previous(self):
        """The first day of the month before, or None at the calendar's start."""
        if self.first_day.year == MIN_YEAR and self.first_day.month == 1:
            return None
        return (self.first_day - datetime.timedelta(days=1)).replace(day=1)

    @property
    def next(self):
        """The first day of the month after, or None at the calendar's end."""
        if self.first_day.year == MAX_YEAR and self.first_day.month == 12:
            return None
        return self.last_day + datetime.timedelta(days=1)

    @property
    def event_count(self):
        return len(
            {event.pk for week in self.weeks for day in week for event in day.events}
        )


def month_bounds(year, month):
    """First and last day of a month; ValueError for one outside the calendar."""
    if not is_valid_year(year):
        raise ValueError(f"year {year} is outside the calendar")
    first_day = datetime.date(year, month, 1)
    last_day = first_day.replace(day=calendar.monthrange(year, month)[1])
    return first_day, last_day


def build_month(year, month, events, today):
    """Lay out the month with each event on every day it covers."""
    first_day, last_day = month_bounds(year, month)
    # Each event goes on each of its days in this month: work in proportion
    # to the events, not to events times days.
    by_day = defaultdict(list)
    for event in events:
        day = max(event.start_date, first_day)
        while day <= min(event.end_date, last_day):
            by_day[day].append(event)
            day += datetime.timedelta(days=1)
    weeks = [
        [
            Day(
                date=day,
                in_month=day.month == month,
                is_today=day == today,
                events=by_day.get(day, []) if day.month == month else [],
            )
            for day in week
        ]
        for week in calendar.Calendar(calendar.MONDAY).monthdatescalendar(year, month)
    ]
    return Month(first_day=first_day, weeks=weeks)
