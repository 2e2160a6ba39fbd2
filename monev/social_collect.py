"""Periodic collection of social media metrics: post snapshots at day 1, 7 and 28, and daily follower counts.

Post metrics come from each channel's own `fetch_metrics(delivery)` and follower
counts from its `fetch_followers()` (publishers.social.channels): the channel
knows its platform's endpoints and asks only for metrics the platform still
has. This is the only place Warta reads them, so the platforms' quotas are
spent once; MetricSnapshot is where every reader finds them. A
snapshot is due once its day has passed since posting, and stays due for a
while (a missed run, an unreachable platform) but not for ever: a "day 1"
figure read three weeks later would not be a day 1 figure.

Instagram's insights can lag by up to 48 hours, so its day 1 snapshot is taken
at 48 hours; an empty answer (Instagram's "no data yet") is not stored, the
snapshot stays due. Telegram's Bot API has no statistics for channel posts,
so Telegram deliveries get no snapshots (only the channel's member count).
"""

import datetime
import logging

from django.utils import timezone

from core import crypto, platform_rules
from publishers.social.channels import CHANNELS, DeliveryError, channel_for
from publishers.social.models import DeliveryStatus, SocialAccount, SocialDelivery

from . import social_metrics
from .models import FollowerCount, MetricSnapshot

logger = logging.getLogger(__name__)

DAY = datetime.timedelta(days=1)
# (day, due after posting, still taken until) for each snapshot
SCHEDULE = [(1, DAY, 7 * DAY), (7, 7 * DAY, 28 * DAY), (28, 28 * DAY, 42 * DAY)]
INSTAGRAM_DELAY = datetime.timedelta(hours=48)
BATCH = 500  # deliveries per run: a backlog is worked off over the next hourly runs


def due_at(delivery, day, after):
    if delivery.platform == platform_rules.INSTAGRAM and day == 1:
        return delivery.sent_at + max(after, INSTAGRAM_DELAY)
    return delivery.sent_at + after


def due(now, limit=BATCH):
    """[(delivery, day)] of snapshots to take now, oldest posts first; one (the latest due) per delivery."""
    oldest = now - SCHEDULE[-1][2]
    candidates = list(
        SocialDelivery.objects.filter(status=DeliveryStatus.SENT, sent_at__gte=oldest, sent_at__lte=now - DAY,
                                      account__isnull=False)
        .exclude(platform_post_id="").exclude(platform__in=social_metrics.NO_METRICS)
        .select_related("account").order_by("sent_at", "pk")
    )
    taken = set(MetricSnapshot.objects.filter(delivery__in=[d.pk for d in candidates])
                .values_list("delivery_id", "day"))
    result = []
    for delivery in candidates:
        for day, after, until in reversed(SCHEDULE):
            if due_at(delivery, day, after) <= now < delivery.sent_at + until:
                if (delivery.pk, day) not in taken:
                    result.append((delivery, day))
                break
        if len(result) >= limit:
            break
    return result


def collect(now=None, limit=BATCH):
    """Take the due snapshots through the channels; returns how many were stored."""
    now = now or timezone.now()
    snapshots, channels, skipped = [], {}, set()
    for delivery, day in due(now, limit):
        account = delivery.account
        if account.pk in skipped or not account.active or account.needs_reconnect or (
                account.paused_until and account.paused_until > now):
            continue
        channel = channels.get(account.pk)
        try:
            if channel is None:
                channel = channels[account.pk] = channel_for(account, now)
            metrics = channel.fetch_metrics(delivery)
        except crypto.TokenDecryptionError:
            skipped.add(account.pk)
            continue
        except DeliveryError as error:
            logger.info("metrics of delivery %s (day %s) not available: %s", delivery.pk, day, error.message)
            if error.reconnect or error.retry_after or channel.pause_for is not None:
                skipped.add(account.pk)  # leave this account alone until the next run
            continue
        if channel.pause_for is not None:
            skipped.add(account.pk)  # the platform asked to slow down: the rest waits for the next run
        if not social_metrics.has_data(metrics):
            continue  # no data yet (Instagram answers an empty set): stays due
        snapshots.append(social_metrics.snapshot_for(delivery, day, metrics, now))
    social_metrics.store(snapshots)
    return len(snapshots)


# --- follower counts -------------------------------------------------------------------------------------

def record_followers(now=None):
    """Today's follower count of every active account (one row per account and day; a re-run updates it)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    recorded = 0
    for account in SocialAccount.objects.usable().filter(needs_reconnect=False, platform__in=list(CHANNELS)):
        if account.paused_until and account.paused_until > now:
            continue
        try:
            count = channel_for(account, now).fetch_followers()
        except (DeliveryError, crypto.TokenDecryptionError) as error:
            logger.info("followers of account %s not available: %s", account.pk, error)
            continue
        if count is None:
            continue
        FollowerCount.objects.update_or_create(
            account=account, date=today,
            defaults={"site_id": account.site_id, "platform": account.platform, "account_name": account.name,
                      "followers": count},
        )
        recorded += 1
    return recorded
