"""Social media metrics in one table: storing day 1 / 7 / 28 snapshots of each delivered post.

The numbers come from each channel's ``fetch_metrics()`` (publishers.social.channels), already under
the names of MetricSnapshot.METRICS: the channel knows its platform's answer (the table of what
each platform gives is in docs/monev.md). Telegram's Bot API has no statistics for channel posts.
"""

from django.db import transaction

from publishers.social.channels import CHANNELS

from .models import MetricSnapshot

# Platforms whose posts have no statistics: no snapshot is ever due for them.
NO_METRICS = frozenset(platform for platform, channel in CHANNELS.items() if not channel.has_post_metrics)


def has_data(metrics):
    """Whether a channel's answer holds any number (an empty one is "no data yet", not zeros)."""
    return any(metrics.get(name) is not None for name in MetricSnapshot.METRICS)


def snapshot_for(delivery, day, metrics, taken_at):
    """An unsaved MetricSnapshot of one delivery for day 1, 7 or 28, from a channel's fetch_metrics()."""
    return MetricSnapshot(
        delivery=delivery, site_id=delivery.site_id, platform=delivery.platform, account_name=delivery.account_name,
        posted_at=delivery.sent_at, day=day, taken_at=taken_at,
        **{name: metrics.get(name) for name in MetricSnapshot.METRICS},
    )


def store(snapshots):
    """Save snapshots (new ones; a day already taken is left alone) and keep `latest` on each post's newest one."""
    if not snapshots:
        return []
    with transaction.atomic():
        saved = MetricSnapshot.objects.bulk_create(snapshots, ignore_conflicts=True, batch_size=500)
        deliveries = {s.delivery_id for s in snapshots}
        rows = MetricSnapshot.objects.filter(delivery_id__in=deliveries).values_list("delivery_id", "day", "pk")
        newest = {}
        for delivery_id, day, pk in rows:
            if day > newest.get(delivery_id, (0, None))[0]:
                newest[delivery_id] = (day, pk)
        keep = [pk for _day, pk in newest.values()]
        MetricSnapshot.objects.filter(delivery_id__in=deliveries, latest=True).exclude(pk__in=keep).update(
            latest=False)
        MetricSnapshot.objects.filter(pk__in=keep, latest=False).update(latest=True)
    return saved


def as_text(snapshot):
    """One snapshot in words: "hari ke-28: tayangan 120, reaksi/suka 4, ..." (the metrics the platform gives)."""
    parts = [f"{MetricSnapshot._meta.get_field(name).verbose_name} {getattr(snapshot, name)}"
             for name in MetricSnapshot.METRICS if getattr(snapshot, name) is not None]
    return f"{snapshot.get_day_display()}: {', '.join(parts)}"


def latest_as_text(deliveries):
    """{delivery id: its latest snapshot as text} for a queryset of deliveries (one query)."""
    rows = MetricSnapshot.objects.filter(delivery__in=deliveries.values("pk"), latest=True)
    return {snapshot.delivery_id: as_text(snapshot) for snapshot in rows}
