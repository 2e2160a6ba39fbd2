"""What each channel reads for monev: a post's metrics under the shared names (fetch_metrics) and the
account's followers (fetch_followers), over real HTTP from the fake platforms' numbers."""

import pytest

from publishers.social import outbox
from publishers.social.channels import CHANNELS, METRICS, channel_for
from publishers.social.models import DeliveryStatus, SocialDelivery
from tests.support.factories import NewsPageFactory
from tests.support.fakes.insights_followers import instagram_not_ready, serve_followers

pytestmark = pytest.mark.django_db
FOLLOWERS = {"facebook": 1200, "instagram": 830, "x": 410, "telegram": 97}


@pytest.fixture
def sent(court, users, connected, platforms, photo):
    """One item delivered to the four channels: {platform: delivery}."""
    page = NewsPageFactory(parent=court.news_index, title="Sidang keliling di Kecamatan Maju", live=False,
                           social_image=photo, social_caption="Sidang keliling di Kecamatan Maju.")
    page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    outbox.run_due(now=platforms.clock.now())
    deliveries = {d.platform: d for d in SocialDelivery.objects.select_related("account")}
    assert {d.status for d in deliveries.values()} == {DeliveryStatus.SENT}
    serve_followers(platforms, connected, FOLLOWERS)
    return deliveries


def read(delivery, platforms):
    channel = channel_for(delivery.account, platforms.clock.now())
    return channel.fetch_metrics(delivery), channel.fetch_followers()


def test_facebook_reads_post_insights_and_page_followers(sent, platforms):
    delivery = sent["facebook"]
    platforms.facebook.insights_of[delivery.platform_post_id] = {
        "post_total_media_view_unique": 900, "post_reactions_by_type_total": {"like": 30, "love": 5},
        "post_clicks": 12}
    metrics, followers = read(delivery, platforms)
    assert metrics == {"views": None, "reach": 900, "reactions": 35, "comments": None, "shares": None,
                       "saves": None, "clicks": 12}
    assert followers == 1200


def test_instagram_reads_media_insights_and_followers_and_no_data_yet_is_empty(sent, platforms):
    delivery = sent["instagram"]
    platforms.instagram.insights_of[delivery.platform_post_id] = {
        "views": 400, "reach": 300, "likes": 20, "comments": 3, "shares": 1, "saved": 6}
    metrics, followers = read(delivery, platforms)
    assert metrics == {"views": 400, "reach": 300, "reactions": 20, "comments": 3, "shares": 1, "saves": 6,
                       "clicks": None}
    assert followers == 830
    restore = instagram_not_ready(platforms)
    assert read(delivery, platforms)[0] == {}  # an empty set is "no data yet", not zeros
    restore()


def test_x_reads_public_metrics_and_followers(sent, platforms):
    delivery = sent["x"]
    platforms.x.public_metrics_of[delivery.platform_post_id] = {
        "impression_count": 1500, "like_count": 40, "reply_count": 2, "retweet_count": 5, "quote_count": 1,
        "bookmark_count": 3}
    metrics, followers = read(delivery, platforms)
    assert metrics == {"views": 1500, "reach": None, "reactions": 40, "comments": 2, "shares": 6, "saves": 3,
                       "clicks": None}
    assert followers == 410


def test_telegram_has_no_post_metrics_but_counts_channel_members(sent, platforms):
    metrics, followers = read(sent["telegram"], platforms)
    assert metrics == {} and not CHANNELS["telegram"].has_post_metrics
    assert followers == 97


@pytest.mark.parametrize("platform, answer, expected", [
    ("facebook", {"post_total_media_view_unique": 900, "post_reactions_by_type_total": {"like": 30, "love": 5},
                  "post_clicks": 12, "comments": {"summary": {"total_count": 4}}, "shares": {"count": 2},
                  "post_impressions_unique": 999},
     {"views": None, "reach": 900, "reactions": 35, "comments": 4, "shares": 2, "saves": None, "clicks": 12}),
    ("instagram", {"views": 400, "reach": 300, "likes": 20, "comments": 3, "shares": 1, "saved": 6,
                   "impressions": 999, "plays": 5},
     {"views": 400, "reach": 300, "reactions": 20, "comments": 3, "shares": 1, "saves": 6, "clicks": None}),
    ("x", {"impression_count": 1500, "like_count": 40, "reply_count": 2, "retweet_count": 5, "quote_count": 1,
           "bookmark_count": 3},
     {"views": 1500, "reach": None, "reactions": 40, "comments": 2, "shares": 6, "saves": 3, "clicks": None}),
    ("instagram", {}, {}),
    ("telegram", {"anything": 1}, {}),
])
def test_each_platforms_answer_is_read_into_the_shared_names(platform, answer, expected):
    assert CHANNELS[platform].metrics_from(answer) == expected
    assert set(expected) <= set(METRICS)
