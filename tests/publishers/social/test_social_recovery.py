"""The outbox under failure: crashes, unclear answers, rate limits, revoked tokens (real HTTP to the fakes).

The worker runs directly here with ``now`` taken from the fakes' clock, so
backoff and rate-limit waits are tested by advancing the clock, not sleeping.
"""

from datetime import timedelta

import pytest

from publishers.social import health, outbox
from publishers.social.models import DeliveryStatus, SocialAccount, SocialDelivery
from tests.support.factories import NewsPageFactory

S = DeliveryStatus


class WorkerKilled(BaseException):
    """Stands in for the process dying (SIGKILL, OOM): nothing in the worker catches it."""


def published_item(court, users, photo, title="Sidang keliling di Kecamatan Maju"):
    """Publish as the Kasubag; on_commit never fires inside the test transaction, so nothing is sent yet."""
    page = NewsPageFactory(parent=court.news_index, title=title, live=False, social_image=photo,
                           social_caption=f"{title}.")
    page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    return page


def delivery(page, platform):
    return SocialDelivery.objects.get(page=page, platform=platform)


def posts_on(platforms, platform, text):
    return {
        "facebook": platforms.facebook.posts_containing,
        "instagram": platforms.instagram.posts_containing,
        "x": platforms.x.tweets_containing,
        "telegram": platforms.telegram.messages_containing,
    }[platform](text)


@pytest.mark.django_db
@pytest.mark.parametrize("platform", ["facebook", "instagram", "x"])
def test_worker_killed_after_the_post_is_confirmed_not_reposted(court, users, connected, platforms, photo,
                                                               monkeypatch, platform):
    page = published_item(court, users, photo)
    row = delivery(page, platform)
    now = platforms.clock.now()

    def die(*args, **kwargs):
        raise WorkerKilled

    monkeypatch.setattr(outbox, "_mark_sent", die)
    with pytest.raises(WorkerKilled):
        outbox.process(row.pk, now=now)
    monkeypatch.undo()

    row.refresh_from_db()
    assert row.status == S.IN_FLIGHT and not row.platform_post_id
    assert len(posts_on(platforms, platform, "Sidang keliling")) == 1

    # A worker running right after leaves it alone: the dead worker's lease is not over yet.
    outbox.run_due(now=now + timedelta(minutes=1))
    row.refresh_from_db()
    assert row.status == S.IN_FLIGHT
    # After the lease, the row is confirmed with the platform, not sent again.
    platforms.clock.advance(11 * 60)
    outbox.run_due(now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.SENT
    found = posts_on(platforms, platform, "Sidang keliling")
    assert len(found) == 1
    assert row.platform_post_id == str(found[0].get("id") or found[0].get("message_id"))
    assert row.log.filter(outcome="confirmed").exists()


@pytest.mark.django_db
def test_x_post_without_image_is_found_by_its_text_though_x_wrapped_a_bare_domain(court, users, connected,
                                                                                 platforms, monkeypatch):
    """X stores every link it recognises, a bare domain too, as a t.co link; the text still matches."""
    others = [account.pk for platform, account in connected.accounts.items() if platform != "x"]
    page = NewsPageFactory(parent=court.news_index, title="Panduan e-Court", live=False,
                           social_caption="Info lengkap di ecourt.info/panduan", social_excluded_channels=others)
    page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    row = delivery(page, "x")
    monkeypatch.setattr(outbox, "_mark_sent", lambda *a, **k: (_ for _ in ()).throw(WorkerKilled))
    with pytest.raises(WorkerKilled):
        outbox.process(row.pk, now=platforms.clock.now())
    monkeypatch.undo()
    [tweet] = platforms.x.tweets_containing("Info lengkap di")
    assert not tweet["media_keys"] and "ecourt.info" not in tweet["text"] and "https://t.co/" in tweet["text"]

    platforms.clock.advance(11 * 60)
    outbox.run_due(now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.SENT and row.platform_post_id == tweet["id"]
    assert row.log.filter(outcome="confirmed").exists()
    assert len(platforms.x.tweets) == 1


@pytest.mark.django_db
def test_worker_killed_after_telegram_post_asks_a_person(court, users, connected, platforms, photo, monkeypatch):
    page = published_item(court, users, photo)
    row = delivery(page, "telegram")
    monkeypatch.setattr(outbox, "_mark_sent", lambda *a, **k: (_ for _ in ()).throw(WorkerKilled))
    with pytest.raises(WorkerKilled):
        outbox.process(row.pk, now=platforms.clock.now())
    monkeypatch.undo()
    platforms.clock.advance(11 * 60)
    outbox.run_due(now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.NEEDS_CHECK
    assert "Telegram tidak menyediakan cara memeriksa" in row.error_message
    assert len(platforms.telegram.messages_containing("Sidang keliling")) == 1  # never a blind repost


@pytest.mark.django_db
def test_worker_killed_while_preparing_sends_once_later(court, users, connected, platforms, photo, monkeypatch):
    page = published_item(court, users, photo)
    row = delivery(page, "instagram")
    from publishers.social.channels.instagram import InstagramChannel

    monkeypatch.setattr(InstagramChannel, "_wait_until_finished",
                        lambda self, prepared: (_ for _ in ()).throw(WorkerKilled))
    with pytest.raises(WorkerKilled):
        outbox.process(row.pk, now=platforms.clock.now())
    monkeypatch.undo()
    row.refresh_from_db()
    assert row.status == S.SENDING
    platforms.clock.advance(11 * 60)
    outbox.run_due(now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.SENT
    assert len(platforms.instagram.posts_containing("Sidang keliling")) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("platform,path", [("facebook", "/feed"), ("instagram", "/media_publish"),
                                           ("x", "/2/tweets")])
@pytest.mark.parametrize("mode", ["drop_after", "500_after", "drop", "500"])
def test_unclear_answer_is_confirmed_before_anything_is_resent(court, users, connected, platforms, photo,
                                                              platform, path, mode):
    fake = getattr(platforms, platform)
    fake.fail_next(mode, method="POST", path=path)
    page = published_item(court, users, photo)
    row = delivery(page, platform)
    outbox.process(row.pk, now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.IN_FLIGHT  # the post may exist: do not send again before asking
    assert "Warta akan memeriksa" in row.log.last().message

    platforms.clock.advance(120)
    for _ in range(3):
        outbox.run_due(now=platforms.clock.now())
        platforms.clock.advance(120)
    row.refresh_from_db()
    assert row.status == S.SENT
    posted = posts_on(platforms, platform, "Sidang keliling")
    assert len(posted) == 1
    expected = "confirmed" if mode.endswith("_after") else "not_posted"
    assert row.log.filter(outcome=expected).exists()
    # However it was settled, the row names the post on the platform.
    assert row.platform_post_id == str(posted[0]["id"]) and row.permalink.startswith("https://")


@pytest.mark.django_db
@pytest.mark.parametrize("mode", ["500_after", "500", "drop_after", "drop"])
def test_unclear_telegram_send_goes_to_a_person_at_once_with_what_is_known(court, users, connected, platforms,
                                                                          photo, mode):
    platforms.telegram.fail_next(mode, path="/sendPhoto")
    page = published_item(court, users, photo)
    row = delivery(page, "telegram")
    outbox.process(row.pk, now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.NEEDS_CHECK  # never retried blindly, not even after a 500
    assert "jawabannya tidak jelas" in row.error_message and "https://t.me/pnuji_info" in row.error_message
    for _ in range(3):
        platforms.clock.advance(600)
        outbox.run_due(now=platforms.clock.now())
    sent = platforms.telegram.messages_containing("Sidang keliling")
    assert len(sent) == (1 if mode.endswith("_after") else 0)
    row.refresh_from_db()
    assert row.status == S.NEEDS_CHECK


@pytest.mark.django_db
def test_telegram_sudah_terkirim_takes_the_message_link(court, users, connected, platforms, photo):
    platforms.telegram.fail_next("500_after", path="/sendPhoto")
    page = published_item(court, users, photo)
    row = delivery(page, "telegram")
    outbox.process(row.pk, now=platforms.clock.now())
    row.refresh_from_db()
    message_id = platforms.telegram.messages_containing("Sidang keliling")[0]["message_id"]
    with pytest.raises(outbox.ActionNotAllowed, match="bukan tautan kiriman"):
        outbox.mark_sent(row, users["kasubag"], permalink=f"https://t.me/kanal_lain/{message_id}")
    outbox.mark_sent(row, users["kasubag"], permalink=f"https://t.me/pnuji_info/{message_id}")
    row.refresh_from_db()
    assert row.status == S.SENT and row.platform_post_id == str(message_id)
    assert row.permalink == f"https://t.me/pnuji_info/{message_id}"


@pytest.mark.django_db
def test_telegram_sudah_terkirim_without_a_link_records_the_channel(court, users, connected, platforms, photo):
    platforms.telegram.fail_next("drop_after", path="/sendPhoto")
    page = published_item(court, users, photo)
    row = delivery(page, "telegram")
    outbox.process(row.pk, now=platforms.clock.now())
    row.refresh_from_db()
    outbox.mark_sent(row, users["kasubag"])
    row.refresh_from_db()
    assert row.status == S.SENT and row.permalink == "https://t.me/pnuji_info"
    assert "Tautan kiriman tidak diisi" in row.log.last().message


@pytest.mark.django_db
def test_instagram_confirmed_post_is_not_marked_sent_until_its_id_is_found(court, users, connected, platforms,
                                                                          photo):
    ig = platforms.instagram
    ig.fail_next("500_after", method="POST", path="/media_publish")
    ig.listing_lag = 900  # the account's media list shows a new post only after 15 minutes
    page = published_item(court, users, photo)
    row = delivery(page, "instagram")
    outbox.process(row.pk, now=platforms.clock.now())
    platforms.clock.advance(120)
    outbox.run_due(now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.IN_FLIGHT and row.platform_post_id == ""  # published, id not known yet: ask again
    assert "belum tampak" in row.log.last().message
    platforms.clock.advance(900)
    for _ in range(3):
        outbox.run_due(now=platforms.clock.now())
        platforms.clock.advance(300)
    row.refresh_from_db()
    media = ig.posts_containing("Sidang keliling")
    assert len(media) == 1
    assert row.status == S.SENT and row.platform_post_id == media[0]["id"]
    assert row.permalink == media[0]["permalink"]


@pytest.mark.django_db
def test_link_missing_after_posting_is_filled_in_later(court, users, connected, platforms, photo):
    platforms.instagram.media_read_errors = 1  # the read of the permalink right after publishing fails
    page = published_item(court, users, photo)
    row = delivery(page, "instagram")
    outbox.process(row.pk, now=platforms.clock.now())
    row.refresh_from_db()
    media = platforms.instagram.posts_containing("Sidang keliling")[0]
    assert row.status == S.SENT and row.platform_post_id == media["id"] and row.permalink == ""
    assert outbox.fill_missing_links(now=platforms.clock.now()) == 1
    row.refresh_from_db()
    assert row.permalink == media["permalink"]


@pytest.mark.django_db
def test_read_timeout_after_posting_is_confirmed(court, users, connected, platforms, photo):
    platforms.x.fail_next("slow_after", method="POST", path="/2/tweets")  # answers after the 1 s read timeout
    page = published_item(court, users, photo)
    row = delivery(page, "x")
    outbox.process(row.pk, now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.IN_FLIGHT
    platforms.clock.advance(120)
    outbox.run_due(now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.SENT and len(platforms.x.tweets_containing("Sidang keliling")) == 1


@pytest.mark.django_db
def test_x_rate_limit_waits_for_the_reset(court, users, connected, platforms, photo):
    platforms.x.fail_next("429", method="POST", path="/2/tweets")
    page = published_item(court, users, photo)
    row = delivery(page, "x")
    start = platforms.clock.now()
    outbox.process(row.pk, now=start)
    row.refresh_from_db()
    assert row.status == S.PENDING  # a 429 is a refusal: nothing was posted
    assert row.next_attempt_at >= start + timedelta(seconds=59)
    assert SocialAccount.objects.get(pk=row.account_id).paused_until >= start + timedelta(seconds=59)
    outbox.run_due(now=start + timedelta(seconds=30))  # the other platforms go out; X waits
    row.refresh_from_db()
    assert row.status == S.PENDING and not platforms.x.tweets
    platforms.clock.advance(70)
    outbox.run_due(now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.SENT and len(platforms.x.tweets_containing("Sidang keliling")) == 1


@pytest.mark.django_db
def test_telegram_retry_after_and_meta_usage_headers_are_honoured(court, users, connected, platforms, photo):
    platforms.telegram.fail_next("429", path="sendPhoto")
    platforms.facebook.fail_next("429", path="/feed")
    page = published_item(court, users, photo)
    start = platforms.clock.now()
    tg, fb = delivery(page, "telegram"), delivery(page, "facebook")
    outbox.process(tg.pk, now=start)
    outbox.process(fb.pk, now=start)
    tg.refresh_from_db()
    fb.refresh_from_db()
    assert tg.status == S.PENDING and tg.next_attempt_at >= start + timedelta(seconds=7)
    # Meta said "estimated_time_to_regain_access: 2" (minutes) in X-Business-Use-Case-Usage.
    assert fb.status == S.PENDING and fb.next_attempt_at >= start + timedelta(minutes=2)
    assert SocialAccount.objects.get(pk=fb.account_id).paused_until == start + timedelta(minutes=2)
    platforms.clock.advance(200)
    outbox.run_due(now=platforms.clock.now())
    assert set(SocialDelivery.objects.filter(page=page).values_list("status", flat=True)) == {S.SENT}


@pytest.mark.django_db
def test_backoff_grows_and_gives_up_after_too_many_failures(court, users, connected, platforms, photo, settings):
    settings.WARTA_SOCIAL_MAX_FAILURES = 3
    platforms.facebook.fail_next("500", path="/photos", times=10)
    page = published_item(court, users, photo)
    row = delivery(page, "facebook")
    delays = []
    for _ in range(4):
        now = platforms.clock.now()
        outbox.process(row.pk, now=now)
        row.refresh_from_db()
        if row.next_attempt_at:
            delays.append((row.next_attempt_at - now).total_seconds())
            platforms.clock.jump_to(row.next_attempt_at)
    assert row.status == S.FAILED
    assert row.error_message.startswith("Gagal setelah 4 percobaan berturut-turut")
    assert delays[0] >= 15 and delays[1] >= 30 and delays[2] >= 60  # 30 s, 60 s, 120 s with jitter
    assert not platforms.facebook.posts


@pytest.mark.django_db
def test_revoked_token_stops_at_once_and_asks_for_reconnect(court, users, connected, platforms, photo):
    account = connected.accounts["facebook"]
    platforms.meta.revoke(account.credentials["access_token"])
    page = published_item(court, users, photo)
    row = delivery(page, "facebook")
    outbox.process(row.pk, now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.FAILED and row.attempts == 1
    assert "Kasubag perlu menyambungkan ulang" in row.error_message
    account.refresh_from_db()
    assert account.needs_reconnect and account.health() == SocialAccount.HEALTH_RECONNECT
    # The others went out.
    for platform in ("instagram", "x", "telegram"):
        outbox.process(delivery(page, platform).pk, now=platforms.clock.now())
    assert SocialDelivery.objects.filter(page=page, status=S.SENT).count() == 2  # Instagram shares the page token

    # Reconnected with a fresh page token, a retry posts it.
    fresh = platforms.meta.issue("page", subject=account.external_id)
    platforms.facebook.pages[account.external_id]["token"] = fresh
    account.credentials = {"access_token": fresh}
    account.needs_reconnect = False
    account.save()
    outbox.retry(row, users["kasubag"])
    outbox.process(row.pk, now=platforms.clock.now())
    row.refresh_from_db()
    assert row.status == S.SENT and len(platforms.facebook.posts) == 1


@pytest.mark.django_db
def test_daily_check_marks_broken_accounts_and_warns_before_expiry(court, users, connected, platforms, mailoutbox):
    users["kasubag"].email = "kasubag@pn-uji.go.id"
    users["kasubag"].save()
    fb, x, tg = connected.accounts["facebook"], connected.accounts["x"], connected.accounts["telegram"]
    platforms.x.revoke(x.credentials["oauth_token"])
    platforms.telegram.chats[connected.chat_id]["admins"].clear()  # bot removed from the channel
    # A Meta token that expires in 5 days.
    token = fb.credentials["access_token"]
    platforms.meta.tokens[token]["expires_at"] = int(platforms.clock.time()) + 5 * 86400
    health.check_accounts(now=platforms.clock.now())
    fb.refresh_from_db()
    x.refresh_from_db()
    tg.refresh_from_db()
    assert fb.health(platforms.clock.now()) == SocialAccount.HEALTH_EXPIRING
    assert str(fb.health_label(platforms.clock.now())) == "tersambung, kedaluwarsa dalam 4 hari"
    assert x.needs_reconnect and tg.needs_reconnect
    subjects = sorted(m.subject for m in mailoutbox)
    assert any("berakhir dalam 4 hari" in s for s in subjects)
    assert any("x PN Uji perlu disambungkan ulang" in s for s in subjects)
    assert all(m.to == ["kasubag@pn-uji.go.id"] for m in mailoutbox)
    # The warning is sent once, not every day.
    count = len(mailoutbox)
    health.check_accounts(now=platforms.clock.now() + timedelta(days=1))
    assert len(mailoutbox) == count


@pytest.mark.django_db
def test_a_delivery_held_back_by_its_channels_pause_is_handed_on_for_when_the_pause_ends(
        court, users, connected, platforms, photo, settings, django_capture_on_commit_callbacks):
    """Two items for X; the first meets a 429 (X pauses the channel): the second is handed to the workers for
    the pause's end; the second, taken during the pause anyway, is postponed to its end and handed on for then (not
    left to the minute job)."""
    from django_tasks import task_backends

    first = delivery(published_item(court, users, photo), "x")
    second = delivery(published_item(court, users, photo, title="Pelayanan keliling"), "x")
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend",
                                  "QUEUES": ["default", "notifications", "delivery"]}}
    backend = task_backends["default"]
    backend.clear()
    platforms.x.fail_next("429", method="POST", path="/2/tweets")
    start = platforms.clock.now()
    with django_capture_on_commit_callbacks(execute=True):
        outbox.process(first.pk, now=start)
    paused_until = SocialAccount.objects.get(pk=first.account_id).paused_until
    # The pause hands on every other row of the channel due before its end (the first is held by its worker,
    # which schedules its own next step).
    handed = {result.args[0]: result.task.run_after for result in backend.results}
    assert handed == {second.pk: paused_until}
    backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.process(second.pk, now=start + timedelta(seconds=1)) is None
    second.refresh_from_db()
    assert second.status == S.PENDING and second.next_attempt_at == paused_until
    assert [(result.args, result.task.run_after) for result in backend.results] == [([second.pk], paused_until)]
