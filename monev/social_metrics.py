"""Social media metrics in one shape: normalising each platform's answer, and storing day 1 / 7 / 28 snapshots.

What each platform gives for one post (from its API documentation) and where it
goes (the table is in docs/monev.md):

- Facebook: reach ← post_total_media_view_unique, reactions ← post_reactions_by_type_total
  (summed over types), clicks ← post_clicks, comments/shares ← the post's fields*; no views.
- Instagram: views, reach, reactions ← likes, comments, shares, saves ← saved.
- X (public_metrics): views ← impression_count, reactions ← like_count, comments ← reply_count,
  shares ← retweet_count + quote_count, saves ← bookmark_count; no reach.
- Telegram: nothing; the Bot API has no statistics for channel posts.

(*) Facebook post fields, not insights: taken when the channel includes them.
Metrics Meta removed (impressions, page_impressions*, post_impressions*,
plays, video_views) are never asked for and are ignored if present.
"""

from django.db import transaction

from core import platform_rules

from .models import MetricSnapshot

FACEBOOK, INSTAGRAM, X, TELEGRAM = (platform_rules.FACEBOOK, platform_rules.INSTAGRAM, platform_rules.X,
                                    platform_rules.TELEGRAM)
NO_METRICS = {TELEGRAM}


def _int(value):
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dict):  # e.g. post_reactions_by_type_total: {"like": 3, "love": 1}
        return sum(_int(v) or 0 for v in value.values())
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return None


def _sum(*values):
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _facebook_count(raw, name):
    value = raw.get(name)
    if isinstance(value, dict):  # {"count": 3} for shares, {"summary": {"total_count": 5}} for comments
        return _int(value.get("count", (value.get("summary") or {}).get("total_count")))
    return _int(value)


def normalise(platform, raw):
    """A dict of the MetricSnapshot metrics from one platform's answer; None where the platform gives nothing."""
    raw = raw or {}
    out = dict.fromkeys(MetricSnapshot.METRICS)
    if platform == FACEBOOK:
        out.update(reach=_int(raw.get("post_total_media_view_unique")),
                   reactions=_int(raw.get("post_reactions_by_type_total")),
                   clicks=_int(raw.get("post_clicks")),
                   comments=_facebook_count(raw, "comments"), shares=_facebook_count(raw, "shares"))
    elif platform == INSTAGRAM:
        out.update(views=_int(raw.get("views")), reach=_int(raw.get("reach")), reactions=_int(raw.get("likes")),
                   comments=_int(raw.get("comments")), shares=_int(raw.get("shares")),
                   saves=_int(raw.get("saved")))
    elif platform == X:
        out.update(views=_int(raw.get("impression_count")), reactions=_int(raw.get("like_count")),
                   comments=_int(raw.get("reply_count")),
                   shares=_sum(_int(raw.get("retweet_count")), _int(raw.get("quote_count"))),
                   saves=_int(raw.get("bookmark_count")))
    return out


def snapshot_for(delivery, day, raw, taken_at):
    """An unsaved MetricSnapshot of one delivery for day 1, 7 or 28."""
    return MetricSnapshot(
        delivery=delivery, site_id=delivery.site_id, platform=delivery.platform, account_name=delivery.account_name,
        posted_at=delivery.sent_at, day=day, taken_at=taken_at, raw=raw or {},
        **normalise(delivery.platform, raw),
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
