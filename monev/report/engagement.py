"""Engagement: website views (daily counters) and social media metrics (normalised snapshots), per account,
with the most active account (posts) and the most popular one (engagement within 24 hours)."""

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from monev.models import FollowerCount, MetricSnapshot, PageViewDaily
from publishers.social.models import DeliveryStatus, SocialDelivery

from . import stats
from .publication import PLATFORM_LABELS

INTERACTION_FIELDS = ["reactions", "comments", "shares", "saves"]
INTERACTIONS = sum((Coalesce(name, 0) for name in INTERACTION_FIELDS[1:]), Coalesce(INTERACTION_FIELDS[0], 0))
# The base of the engagement rate: people reached where the platform says, otherwise views.
AUDIENCE = Coalesce("reach", "views")
TOP_ITEMS = 10


def website(site, period, previous, buckets, previous_buckets):
    def per_day(p):
        return dict(PageViewDaily.objects.filter(site=site, date__gte=p.start, date__lte=p.end)
                    .values("date").annotate(n=Sum("views")).order_by().values_list("date", "n"))

    current, before = per_day(period), per_day(previous)
    top = (PageViewDaily.objects.filter(site=site, date__gte=period.start, date__lte=period.end)
           .values("page_id", "page__title", "page__url_path").annotate(n=Sum("views"))
           .order_by("-n", "page__title")[:TOP_ITEMS])
    root = site.root_page.url_path
    return {
        "total": sum(current.values()),
        "previous_total": sum(before.values()),
        "by_bucket": [sum(n for day, n in current.items() if first <= day <= last) for _l, first, last in buckets],
        "previous_by_bucket": [sum(n for day, n in before.items() if first <= day <= last)
                               for _l, first, last in previous_buckets],
        "top_items": [{"title": row["page__title"], "path": "/" + row["page__url_path"][len(root):],
                       "views": row["n"]} for row in top],
    }


def _account(platform, name):
    return {"platform": platform, "platform_label": str(PLATFORM_LABELS.get(platform, platform)), "account": name}


def social(site, window, previous_window):
    sent = Q(status__in=[DeliveryStatus.SENT, DeliveryStatus.REMOVED])
    posts = {
        (row["platform"], row["account_name"]): row["n"]
        for row in SocialDelivery.objects.filter(sent, site=site, sent_at__gte=window.start, sent_at__lt=window.end)
        .values("platform", "account_name").annotate(n=Count("id")).order_by()
    }
    latest = MetricSnapshot.objects.filter(site=site, latest=True, posted_at__gte=window.start,
                                           posted_at__lt=window.end)
    totals = {
        (row["platform"], row["account_name"]): row
        for row in latest.values("platform", "account_name").annotate(
            measured=Count("id"), interactions=Sum(INTERACTIONS), audience=Sum(AUDIENCE),
            **{name: Sum(name) for name in MetricSnapshot.METRICS},
        ).order_by()
    }
    first_day = {
        (row["platform"], row["account_name"]): row["n"]
        for row in MetricSnapshot.objects.filter(site=site, day=MetricSnapshot.DAY_1, posted_at__gte=window.start,
                                                 posted_at__lt=window.end)
        .values("platform", "account_name").annotate(n=Sum(INTERACTIONS)).order_by()
    }
    followers = follower_change(site, window)

    channels = []
    keys = set(posts) | set(totals) | set(followers)
    for key in sorted(keys, key=lambda k: (str(PLATFORM_LABELS.get(k[0], k[0])), k[1])):
        row = totals.get(key, {})
        entry = _account(*key)
        entry.update(
            posts=posts.get(key, 0), measured=row.get("measured", 0),
            interactions=row.get("interactions") if row else None,
            rate=stats.share(row.get("interactions") or 0, row.get("audience")) if row else None,
            first_day_interactions=first_day.get(key),
            followers=followers.get(key, {}).get("end"), followers_change=followers.get(key, {}).get("change"),
            **{name: row.get(name) for name in MetricSnapshot.METRICS},
        )
        channels.append(entry)

    previous_posts = SocialDelivery.objects.filter(sent, site=site, sent_at__gte=previous_window.start,
                                                   sent_at__lt=previous_window.end).count()
    previous_interactions = MetricSnapshot.objects.filter(
        site=site, latest=True, posted_at__gte=previous_window.start, posted_at__lt=previous_window.end,
    ).aggregate(n=Sum(INTERACTIONS))["n"] or 0
    active = max(channels, key=lambda c: (c["posts"], c["account"]), default=None)
    popular = max((c for c in channels if c["first_day_interactions"] is not None),
                  key=lambda c: (c["first_day_interactions"], c["account"]), default=None)
    return {
        "channels": channels,
        "posts": sum(c["posts"] for c in channels),
        "previous_posts": previous_posts,
        "interactions": sum(c["interactions"] or 0 for c in channels),
        "previous_interactions": previous_interactions,
        "most_active": _pick(active, "posts"),
        "most_popular": _pick(popular, "first_day_interactions"),
    }


def _pick(channel, figure):
    if channel is None or not channel[figure]:
        return None
    return {key: channel[key] for key in ("platform", "platform_label", "account", figure)}


def follower_change(site, window):
    """Followers per account at the last count in the window, and the change since the first count in it."""
    result = {}
    rows = (FollowerCount.objects.filter(site=site, date__gte=window.start_date, date__lte=window.end_date)
            .order_by("date").values_list("platform", "account_name", "followers"))
    for platform, name, followers in rows:
        entry = result.setdefault((platform, name), {"start": followers})
        entry["end"] = followers
        entry["change"] = followers - entry["start"]
    return result
