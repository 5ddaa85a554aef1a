"""Which days of a month are free, given the bookings."""

import calendar
from datetime import date

from .ranges import DateRange, merge_ranges, one_day


def booked_ranges(bookings):
    """The booked periods: `bookings` is a list of (start, end) date pairs, ends included."""
    return merge_ranges([DateRange(start, end) for start, end in bookings])


def free_days(year, month, bookings):
    """The days of the month not covered by any booking, in order."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    booked = booked_ranges(bookings)
    days = []
    day = first
    while day <= last:
        if not any(day in r for r in booked):
            days.append(day)
        day += one_day()
    return days


def occupancy(year, month, bookings):
    """The fraction of the month's days that are booked, between 0 and 1."""
    total = calendar.monthrange(year, month)[1]
    return (total - len(free_days(year, month, bookings))) / total
