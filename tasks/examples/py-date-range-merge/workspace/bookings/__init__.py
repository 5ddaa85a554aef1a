"""Date-range helpers for a holiday-flat booking calendar."""
