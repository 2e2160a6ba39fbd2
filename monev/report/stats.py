"""Median, 90th percentile and shares, computed in Python from one sorted list per group.

Percentiles are not portable SQL (PostgreSQL has percentile_cont, SQLite has
nothing), and the lists are small (one value per step of each item in the
period), so the report fetches the values in one query and works here.
"""

import statistics


def median(values):
    return statistics.median(values) if values else None


def p90(values):
    """90th percentile with linear interpolation between the closest ranks (Excel's PERCENTILE.INC)."""
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def share(part, whole):
    """part / whole as a fraction, or None when there is nothing to divide by."""
    return part / whole if whole else None


def change(current, previous):
    """Relative change against the previous period, or None when the previous period had nothing."""
    if current is None or not previous:
        return None
    return (current - previous) / previous
