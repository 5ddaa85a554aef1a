import random
import unittest
from datetime import date, timedelta

from bookings.availability import booked_ranges, free_days, occupancy
from bookings.ranges import DateRange, merge_ranges


def d(day, month=5):
    return date(2024, month, day)


class MergeRangesTest(unittest.TestCase):
    def test_overlapping_ranges_merge(self):
        merged = merge_ranges([DateRange(d(1), d(5)), DateRange(d(4), d(8))])
        self.assertEqual(merged, [DateRange(d(1), d(8))])

    def test_separate_ranges_stay_apart(self):
        ranges = [DateRange(d(1), d(2)), DateRange(d(10), d(12))]
        self.assertEqual(merge_ranges(ranges), ranges)

    def test_empty_input(self):
        self.assertEqual(merge_ranges([]), [])

    def test_rejects_backwards_range(self):
        with self.assertRaises(ValueError):
            DateRange(d(5), d(1))

    def test_unsorted_input_is_sorted_and_merged(self):
        ranges = [DateRange(d(20), d(22)), DateRange(d(1), d(3)), DateRange(d(2), d(6))]
        self.assertEqual(merge_ranges(ranges), [DateRange(d(1), d(6)), DateRange(d(20), d(22))])

    def test_contained_range_does_not_shorten(self):
        merged = merge_ranges([DateRange(d(1), d(10)), DateRange(d(3), d(5))])
        self.assertEqual(merged, [DateRange(d(1), d(10))])

    def test_adjacent_ranges_merge(self):
        merged = merge_ranges([DateRange(d(1), d(3)), DateRange(d(4), d(6))])
        self.assertEqual(merged, [DateRange(d(1), d(6))])

    def test_a_one_day_gap_is_kept(self):
        ranges = [DateRange(d(1), d(3)), DateRange(d(5), d(6))]
        self.assertEqual(merge_ranges(ranges), ranges)

    def test_adjacent_across_month_end(self):
        merged = merge_ranges([DateRange(d(1, 6), d(3, 6)), DateRange(d(28), d(31))])
        self.assertEqual(merged, [DateRange(d(28), d(3, 6))])

    def test_single_day_ranges_and_duplicates(self):
        ranges = [DateRange(d(7), d(7)), DateRange(d(7), d(7)), DateRange(d(8), d(8))]
        self.assertEqual(merge_ranges(ranges), [DateRange(d(7), d(8))])

    def test_input_is_not_modified(self):
        ranges = [DateRange(d(9), d(10)), DateRange(d(1), d(2))]
        merge_ranges(ranges)
        self.assertEqual(ranges, [DateRange(d(9), d(10)), DateRange(d(1), d(2))])

    def test_matches_day_by_day_union_on_random_input(self):
        rng = random.Random(2024)
        base = date(2024, 1, 1)
        for _ in range(200):
            ranges = []
            for _ in range(rng.randint(0, 8)):
                start = base + timedelta(days=rng.randint(0, 60))
                ranges.append(DateRange(start, start + timedelta(days=rng.randint(0, 6))))
            merged = merge_ranges(ranges)
            want = {r.start + timedelta(days=i) for r in ranges for i in range(r.days())}
            got = [r.start + timedelta(days=i) for r in merged for i in range(r.days())]
            self.assertEqual(sorted(want), got)
            for a, b in zip(merged, merged[1:]):
                self.assertGreater(b.start, a.end + timedelta(days=1))


class FreeDaysTest(unittest.TestCase):
    def test_free_days_around_one_booking(self):
        free = free_days(2024, 2, [(d(2, 2), d(27, 2))])
        self.assertEqual(free, [d(1, 2), d(28, 2), d(29, 2)])

    def test_late_booking_for_an_early_date(self):
        bookings = [(d(10), d(31)), (d(1), d(9))]
        self.assertEqual(free_days(2024, 5, bookings), [])
        self.assertEqual(occupancy(2024, 5, bookings), 1.0)

    def test_contained_booking_keeps_days_booked(self):
        bookings = [(d(1), d(10)), (d(3), d(5))]
        self.assertEqual(free_days(2024, 5, bookings)[0], d(11))

    def test_back_to_back_stays_are_one_booked_period(self):
        self.assertEqual(booked_ranges([(d(1), d(3)), (d(4), d(6))]), [DateRange(d(1), d(6))])


if __name__ == "__main__":
    unittest.main()
