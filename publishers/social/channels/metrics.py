"""One shape for every platform's post metrics: the names the channels' ``fetch_metrics()`` return.

Each channel maps its platform's answer onto these names (the table is in
docs/monev.md); a metric the platform does not give stays None, which is not zero.
An answer with nothing in it (Instagram's "no data yet") maps to an empty dict.
"""

METRICS = ("views", "reach", "reactions", "comments", "shares", "saves", "clicks")


def count(value):
    """A non-negative int from a platform's number, or None; a dict of counts (reactions by type) is summed."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dict):  # e.g. post_reactions_by_type_total: {"like": 3, "love": 1}
        return sum(count(v) or 0 for v in value.values())
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return None


def total(*values):
    """The sum of the counts present; None when none is."""
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def shaped(answer, **metrics):
    """Every metric name, with the ones given; {} when the platform answered nothing."""
    if not answer:
        return {}
    unknown = set(metrics) - set(METRICS)
    if unknown:
        raise ValueError(f"not metric names: {sorted(unknown)}")
    return {name: metrics.get(name) for name in METRICS}
