"""Threads: connected through its OAuth, posted with the outbox's guarantees (container, publish, confirm),
checked at edit time, read for monev, its long-lived token renewed (real HTTP to the fake Threads API)."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import requests
from django.core.exceptions import ValidationError
from django.urls import reverse

from core import platform_rules
from publishers.social import health, outbox
from publishers.social.channels import channel_for
from publishers.social.models import DeliveryStatus, SocialAccount, SocialDelivery
from tests.support.factories import NewsPageFactory

S = DeliveryStatus


def published_item(court, users, photo, title="Sidang keliling di Kecamatan Maju"):
    page = NewsPageFactory(parent=court.news_index, title=title, live=False, social_image=photo,
                           social_caption=f"{title}.")
    page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    return page


@pytest.mark.django_db
def test_an_approved_item_is_posted_to_threads_with_its_image_id_and_link(court, users, threads_connected,
                                                                         platforms, photo):
    page = published_item(court, users, photo)
    row = SocialDelivery.objects.get(page=page, platform="threads")
    outbox.process(row.pk, now=platforms.clock.now())
    row.refresh_from_db()
    posts = platforms.threads.posts_containing("Sidang keliling")
    assert row.status == S.SENT and len(posts) == 1
    assert posts[0]["media_type"] == "IMAGE" and posts[0]["text"] == row.text
    assert page.full_url in posts[0]["text"]  # the link is part of the text (and counts)
    assert row.platform_post_id == posts[0]["id"] and row.permalink == posts[0]["permalink"]


@pytest.mark.django_db
@pytest.mark.parametrize("mode", ["500_after", "drop_after", "500", "drop"])
def test_unclear_publish_is_confirmed_never_doubled(court, users, threads_connected, platforms, photo, mode):
    platforms.threads.fail_next(mode, method="POST", path="/threads_publish")
    page = published_item(court, users, photo)
    row = SocialDelivery.objects.get(page=page, platform="threads")
    outbox.process(row.pk, now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.IN_FLIGHT
    for _ in range(4):
        platforms.clock.advance(120)
        outbox.run_due(now=platforms.clock.now())
    row.refresh_from_db()
    posts = platforms.threads.posts_containing("Sidang keliling")
    assert row.status == S.SENT and len(posts) == 1
    assert row.platform_post_id == posts[0]["id"] and row.permalink == posts[0]["permalink"]
    assert row.log.filter(outcome="confirmed" if mode.endswith("_after") else "not_posted").exists()


@pytest.mark.django_db
def test_threads_text_limit_counts_emoji_as_bytes_at_edit_time(court, users, threads_connected, photo):
    assert platform_rules.caption_length(platform_rules.THREADS, "Sidang 🎉") == 7 + 4
    page = NewsPageFactory.build(title="Sidang", social_image=photo, social_caption="🎉" * 120)
    page._parent_page_for_clean = court.news_index
    with pytest.raises(ValidationError) as problem:
        court.news_index.add_child(instance=page)
    assert "Teks untuk Threads terlalu panjang" in str(problem.value)


@pytest.mark.django_db
def test_threads_metrics_followers_and_token_renewal(court, users, threads_connected, platforms, photo):
    page = published_item(court, users, photo)
    row = SocialDelivery.objects.get(page=page, platform="threads")
    outbox.process(row.pk, now=platforms.clock.now())
    row.refresh_from_db()
    platforms.threads.insights_of[row.platform_post_id] = {"views": 40, "likes": 7, "replies": 2, "reposts": 1,
                                                           "quotes": 3}
    account = threads_connected.accounts["threads"]
    channel = channel_for(account, platforms.clock.now())
    assert channel.fetch_metrics(row) == {"views": 40, "reach": None, "reactions": 7, "comments": 2, "shares": 4,
                                          "saves": None, "clicks": None}
    assert channel.fetch_followers() == 321

    old_token = account.credentials["access_token"]
    account.token_expires_at = platforms.clock.now() + timedelta(days=5)
    account.save()
    health.check_account(account, now=platforms.clock.now())
    account.refresh_from_db()
    assert account.credentials["access_token"] != old_token
    assert account.token_expires_at > platforms.clock.now() + timedelta(days=59)
    assert account.health(platforms.clock.now()) == SocialAccount.HEALTH_OK


@pytest.mark.django_db
def test_kasubag_connects_threads_through_its_login(court, users, platforms, client_as, monkeypatch):
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the fake speaks plain HTTP on 127.0.0.1
    user_id = platforms.threads.add_profile("pnuji")
    client = client_as("kasubag")
    response = client.post(reverse("social_accounts:add"), {"provider": "threads"})
    assert response.status_code == 302 and response.url.startswith(platforms.threads.url + "/oauth/authorize")
    # The person approves at Threads, which sends the browser back with a code.
    answer = requests.get(response.url, allow_redirects=False, timeout=5)
    back = urlsplit(answer.headers["Location"])
    assert back.path == reverse("social_accounts:callback", args=["threads"])
    response = client.get(f"{back.path}?{back.query}")
    assert response.status_code == 302
    account = SocialAccount.objects.get(platform="threads")
    assert account.external_id == user_id and account.handle == "pnuji" and account.site == court.site
    assert account.token_expires_at is not None
    assert channel_for(account).check_token().valid
    # A code is used once: replaying the answer connects nothing more.
    assert client.get(f"{back.path}?{back.query}").status_code == 302
    assert SocialAccount.objects.filter(platform="threads").count() == 1


@pytest.mark.django_db
def test_the_admin_lets_the_connect_form_send_the_browser_to_the_login_windows(users, platforms, client_as,
                                                                               settings):
    settings.WARTA_FACEBOOK_DIALOG_URL = "https://www.facebook.com/v24.0/dialog/oauth"
    policy = client_as("kasubag").get(reverse("social_accounts:add")).headers["Content-Security-Policy"]
    form_action = next(part for part in policy.split(";") if part.strip().startswith("form-action"))
    assert form_action.split()[1:] == ["'self'", "https://www.facebook.com", platforms.x.url, platforms.threads.url]
    public = client_as("kasubag").get("/").headers.get("Content-Security-Policy", "")
    assert "facebook" not in public  # the public site's forms stay on the site
