"""Inclusive date ranges and their union."""

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class DateRange:
    """The days from `start` to `end`, both included."""

    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError(f"range ends before it starts: {self.start} > {self.end}")

    def days(self):
        """Number of days in the range."""
        return (self.end - self.start).days + 1

    def __contains__(self, day):
        return self.start <= day <= self.end


def merge_ranges(ranges):
    """The union of `ranges` as a sorted list of non-overlapping, non-adjacent ranges."""
    merged = []
    for r in sorted(ranges, key=lambda r: (r.start, r.end)):
        # Ends are inclusive, so a range starting the day after the last one ends touches it.
        if merged and r.start <= merged[-1].end + one_day():
            merged[-1] = DateRange(merged[-1].start, max(merged[-1].end, r.end))
        else:
            merged.append(r)
    return merged


def one_day():
    return timedelta(days=1)
