"""Publishing an item posts it once to every connected account, through real HTTP to fakes."""

import logging

import pytest

from publishers.social import outbox
from publishers.social.models import DeliveryStatus, SocialAccount, SocialDelivery
from tests.support.factories import NewsPageFactory

S = DeliveryStatus


def draft_news(court, title="Sidang keliling di Kecamatan Maju", **kwargs):
    kwargs.setdefault("social_caption", f"{title}: layanan sidang keliling hari ini.")
    return NewsPageFactory(parent=court.news_index, title=title, live=False, **kwargs)


def publish(page, user, capture):
    with capture(execute=True):
        revision = page.save_revision(user=user)
        revision.publish(user=user)
    page.refresh_from_db()
    return page


@pytest.mark.django_db
def test_first_publish_posts_once_to_every_platform(court, users, connected, platforms, photo,
                                                    django_capture_on_commit_callbacks):
    page = draft_news(court, social_image=photo, social_hashtags="#PNUji")
    publish(page, users["kasubag"], django_capture_on_commit_callbacks)

    deliveries = {d.platform: d for d in SocialDelivery.objects.filter(page=page)}
    assert set(deliveries) == {"facebook", "instagram", "x", "telegram"}
    assert {d.status for d in deliveries.values()} == {S.SENT}

    fb_posts = platforms.facebook.posts_containing("Sidang keliling di Kecamatan Maju")
    assert len(fb_posts) == 1 and fb_posts[0]["photos"]
    assert deliveries["facebook"].permalink == platforms.facebook.permalink(fb_posts[0]["id"])
    ig_posts = platforms.instagram.posts_containing("Sidang keliling di Kecamatan Maju")
    assert len(ig_posts) == 1 and "#PNUji" in ig_posts[0]["caption"]
    assert "http" not in ig_posts[0]["caption"]  # Instagram captions carry no link
    assert deliveries["instagram"].permalink == ig_posts[0]["permalink"]
    tweets = platforms.x.tweets_containing("Sidang keliling di Kecamatan Maju")
    assert len(tweets) == 1 and tweets[0]["media_keys"]
    assert deliveries["x"].permalink == f"https://x.com/PNUji/status/{tweets[0]['id']}"
    messages = platforms.telegram.messages_containing("Sidang keliling di Kecamatan Maju")
    assert len(messages) == 1 and messages[0]["photo"]
    assert deliveries["telegram"].permalink == f"https://t.me/pnuji_info/{messages[0]['message_id']}"

    # A correction republished later does not post again.
    page.social_caption = "Ralat: sidang keliling dimulai pukul 09.00."
    publish(page, users["kasubag"], django_capture_on_commit_callbacks)
    assert SocialDelivery.objects.filter(page=page).count() == 4
    assert len(platforms.facebook.posts_containing("Sidang keliling")) == 1
    assert not platforms.x.tweets_containing("Ralat")


@pytest.mark.django_db
def test_one_channel_failing_leaves_the_others_sent(court, users, connected, platforms, photo,
                                                    django_capture_on_commit_callbacks):
    platforms.x.fail_next("invalid_media", path="/2/media/upload")
    page = draft_news(court, social_image=photo)
    publish(page, users["kasubag"], django_capture_on_commit_callbacks)

    statuses = dict(SocialDelivery.objects.filter(page=page).values_list("platform", "status"))
    assert statuses == {"facebook": S.SENT, "instagram": S.SENT, "x": S.FAILED, "telegram": S.SENT}
    failed = SocialDelivery.objects.get(page=page, platform="x")
    assert failed.error_message.startswith("X menolak kiriman ini")


@pytest.mark.django_db
def test_tokens_never_reach_the_logs(court, users, connected, platforms, photo, caplog,
                                     django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)
    platforms.telegram.fail_next("500", path="sendPhoto")  # error paths log too
    platforms.x.fail_next("expired_token", path="/2/tweets")
    page = draft_news(court, social_image=photo)
    publish(page, users["kasubag"], django_capture_on_commit_callbacks)
    outbox.run_due(now=platforms.clock.now().replace(year=2100))
    assert caplog.records, "the delivery should have logged something"
    stored = " ".join(
        f"{d.error_message} {d.error_detail} {d.permalink} {d.prepared}" for d in SocialDelivery.objects.all())
    stored += " ".join(a.last_error + a.credentials_encrypted for a in SocialAccount.objects.all())
    for secret in connected.secrets:
        assert secret not in caplog.text
        assert secret not in stored
