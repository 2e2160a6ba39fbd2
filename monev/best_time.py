"""A channel's "best time to post", from its own engagement history: the hours of the day (the court's
time) whose posts drew the most engagement per post, by the newest snapshot of each post. Shown beside the
channel's posting slots (publishers.social's hook social_best_time_hint)."""

from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import MetricSnapshot

MIN_POSTS = 10  # fewer posts than this say nothing about hours
MIN_PER_HOUR = 3
ENGAGEMENT = ("reactions", "comments", "shares", "saves", "clicks")


def best_hours(account, top=2):
    """[(hour, average engagement, posts)] of the best hours, or [] when the history is too thin."""
    from editorial.models import WorkingHours

    if account.pk is None:
        return []
    zone = ZoneInfo(WorkingHours.for_site(account.site).timezone)
    rows = MetricSnapshot.objects.filter(delivery__account=account, latest=True).values_list(
        "posted_at", *ENGAGEMENT)
    per_hour = {}
    total = 0
    for posted_at, *values in rows:
        hour = timezone.localtime(posted_at, zone).hour
        per_hour.setdefault(hour, []).append(sum(value or 0 for value in values))
        total += 1
    if total < MIN_POSTS:
        return []
    ranked = sorted(((sum(scores) / len(scores), hour, len(scores)) for hour, scores in per_hour.items()
                     if len(scores) >= MIN_PER_HOUR), reverse=True)
    return [(hour, average, count) for average, hour, count in ranked[:top]]


def hint(account):
    hours = best_hours(account)
    if not hours:
        return None
    parts = [_("%(start)02d.00–%(end)02d.00 (rata-rata %(average).0f keterlibatan dari %(posts)d kiriman)") % {
        "start": hour, "end": (hour + 1) % 24, "average": average, "posts": count} for hour, average, count in hours]
    return _("Waktu terbaik menurut riwayat kanal ini: %(hours)s.") % {"hours": "; ".join(parts)}
