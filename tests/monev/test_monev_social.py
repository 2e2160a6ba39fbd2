"""Social media metrics for monev: day 1 / 7 / 28 snapshots and follower counts, through the channels over real
HTTP to the fake platforms, normalised into one table and read by the report."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from core.scheduling import JOBS
from monev import report, social_collect
from monev.models import FollowerCount, MetricSnapshot
from monev.periods import Period
from publishers.social.models import DeliveryStatus, SocialDelivery
from tests.support.factories import NewsPageFactory
from tests.support.fakes.insights_followers import instagram_not_ready, serve_followers

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def published_item(court, users, photo, capture):
    page = NewsPageFactory(parent=court.news_index, title="Sidang keliling di Desa Maju", live=False,
                           social_image=photo, social_caption="Sidang keliling hari ini.")
    with capture(execute=True):
        page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    deliveries = {d.platform: d for d in SocialDelivery.objects.filter(page=page)}
    assert {d.status for d in deliveries.values()} == {DeliveryStatus.SENT}
    return deliveries


def snapshots():
    return {(s.platform, s.day): s for s in MetricSnapshot.objects.all()}


def test_snapshots_at_day_1_7_and_28_with_instagram_at_48_hours_and_none_for_telegram(
        court, users, connected, platforms, photo, django_capture_on_commit_callbacks):
    deliveries = published_item(court, users, photo, django_capture_on_commit_callbacks)
    sent = max(d.sent_at for d in deliveries.values())

    assert social_collect.collect(now=sent + 2 * HOUR) == 0  # nothing is due in the first day
    assert social_collect.collect(now=sent + DAY + HOUR) == 2  # Facebook and X
    taken = snapshots()
    assert set(taken) == {("facebook", 1), ("x", 1)}
    facebook, x = taken[("facebook", 1)], taken[("x", 1)]
    # The fake Graph API answers 7 for every insight asked; the fake X its public_metrics.
    assert (facebook.reach, facebook.reactions, facebook.clicks, facebook.views) == (7, 7, 7, None)
    assert (x.views, x.reactions, x.comments, x.shares, x.saves, x.reach) == (120, 4, 0, 1, 0, None)
    assert social_collect.collect(now=sent + DAY + 2 * HOUR) == 0  # taken once

    # Instagram's data lags: at 48 hours an empty answer is not stored, the snapshot stays due.
    restore = instagram_not_ready(platforms)
    assert social_collect.collect(now=sent + 2 * DAY + HOUR) == 0
    restore()
    assert social_collect.collect(now=sent + 2 * DAY + 2 * HOUR) == 1
    instagram = snapshots()[("instagram", 1)]
    assert (instagram.views, instagram.reach, instagram.reactions, instagram.saves) == (11, 11, 11, 11)

    # A platform error leaves the snapshot due for the next run.
    platforms.x.fail_next("500", path="/2/tweets")
    assert social_collect.collect(now=sent + 7 * DAY + HOUR) == 2
    assert social_collect.collect(now=sent + 7 * DAY + 2 * HOUR) == 1
    taken = snapshots()
    assert {day for (platform, day) in taken if platform == "x"} == {1, 7}
    assert MetricSnapshot.objects.filter(latest=True).count() == 3
    assert not MetricSnapshot.objects.filter(day=1, latest=True).exists()

    # Day 28 is taken late if a run was missed, but not once its window has closed.
    assert social_collect.collect(now=sent + 43 * DAY) == 0
    assert social_collect.collect(now=sent + 30 * DAY) == 3
    assert not MetricSnapshot.objects.filter(platform="telegram").exists()
    assert set(MetricSnapshot.objects.filter(latest=True).values_list("day", flat=True)) == {28}

    period = Period.containing("bulan", timezone.localtime(sent).date())
    channels = {c["platform"]: c for c in report.compute(court.site, period)["social"]["channels"]}
    assert channels["x"]["views"] == 120 and channels["x"]["interactions"] == 4 + 0 + 1 + 0
    assert channels["facebook"]["interactions"] == 7 and channels["facebook"]["rate"] == pytest.approx(1.0)
    assert channels["facebook"]["first_day_interactions"] == 7
    assert channels["telegram"]["posts"] == 1 and channels["telegram"]["interactions"] is None


def test_follower_counts_once_a_day(court, users, connected, platforms):
    counts = {"facebook": 1200, "instagram": 830, "x": 410, "telegram": 95}
    serve_followers(platforms, connected, counts)
    today = timezone.now()
    assert social_collect.record_followers(now=today) == 4
    counts["telegram"] = 97
    assert social_collect.record_followers(now=today) == 4  # the same day: updated, not added
    assert social_collect.record_followers(now=today + DAY) == 4
    rows = FollowerCount.objects.filter(date=timezone.localdate(today))
    assert {r.platform: r.followers for r in rows} == {"facebook": 1200, "instagram": 830, "x": 410, "telegram": 97}
    assert FollowerCount.objects.count() == 8

    period = Period.custom(timezone.localdate(today), timezone.localdate(today + DAY))
    channels = {c["platform"]: c for c in report.compute(court.site, period)["social"]["channels"]}
    assert {p: (c["followers"], c["followers_change"], c["posts"]) for p, c in channels.items()} == {
        "facebook": (1200, 0, 0), "instagram": (830, 0, 0), "x": (410, 0, 0), "telegram": (97, 0, 0)}
    connected.accounts["x"].needs_reconnect = True
    connected.accounts["x"].save()
    assert social_collect.record_followers(now=today + 2 * DAY) == 3  # a broken connection is skipped


def test_the_collection_jobs_are_scheduled():
    assert JOBS["monev_social_metrics"].func is social_collect.collect
    assert JOBS["monev_followers"].func is social_collect.record_followers


def test_the_social_report_export_shows_each_posts_latest_snapshot(
        court, users, connected, platforms, photo, client_as, django_capture_on_commit_callbacks):
    deliveries = published_item(court, users, photo, django_capture_on_commit_callbacks)
    sent = max(d.sent_at for d in deliveries.values())
    assert social_collect.collect(now=sent + DAY + HOUR) == 2
    response = client_as("sekretaris").get(reverse("social_report:index"), {"export": "csv"})
    rows = {row["Platform"]: row["Metrik"] for row in csv.DictReader(io.StringIO(response.getvalue().decode()))}
    assert rows["X"] == "hari ke-1: tayangan 120, reaksi/suka 4, komentar/balasan 0, bagikan/repost 1, simpan 0"
    assert rows["Facebook"].startswith("hari ke-1: jangkauan 7") and rows["Telegram"] == ""
