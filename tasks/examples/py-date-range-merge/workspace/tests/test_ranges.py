import unittest
from datetime import date

from bookings.availability import free_days
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


class FreeDaysTest(unittest.TestCase):
    def test_free_days_around_one_booking(self):
        free = free_days(2024, 2, [(d(2, 2), d(27, 2))])
        self.assertEqual(free, [d(1, 2), d(28, 2), d(29, 2)])


if __name__ == "__main__":
    unittest.main()
