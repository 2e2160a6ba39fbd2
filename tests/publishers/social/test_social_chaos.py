"""200 items, five platforms that fail 30% of calls at random: in the end every item is posted exactly once
on every platform, counted on the fake servers.

The failures are the realistic ones: server errors, rate limits with retry headers, connections dropped
before the platform handled the call and - the dangerous ones - after it did (the post exists, the answer
is lost, or is a server error). The worker runs on the fakes' clock, which jumps to the next due retry
instead of sleeping.
"""

from collections import Counter

import pytest

from publishers.social import outbox
from publishers.social.models import OPEN_STATUSES, DeliveryStatus, SocialDelivery
from tests.support.factories import NewsPageFactory

S = DeliveryStatus
ITEMS = 200
MODES = ("500", "500_after", "429", "drop", "drop_after")
# Answers that leave the sender unable to tell whether the call was handled.
UNCLEAR = {"500", "500_after", "drop", "drop_after"}
PLATFORMS = ("facebook", "instagram", "x", "telegram", "threads")


def run_until_settled(platforms, max_rounds=300):
    """Run the worker, then move the clock to the next due retry (plus a little, to batch them)."""
    clock = platforms.clock
    for _round in range(max_rounds):
        outbox.run_due(now=clock.now(), limit=5000)
        due = outbox.next_due()
        if due is None:
            return
        clock.jump_to(due)
        clock.advance(20)
    open_rows = SocialDelivery.objects.filter(status__in=OPEN_STATUSES)
    sample = open_rows.first()
    raise AssertionError(f"{open_rows.count()} deliveries still open after {max_rounds} rounds, e.g. "
                         f"{sample.platform} {sample.status} at {sample.next_attempt_at} (clock {clock.now()}): "
                         f"{[(entry.outcome, entry.message) for entry in sample.log.all()]}")


@pytest.mark.slow
@pytest.mark.django_db
def test_every_item_exactly_once_on_every_platform_despite_30_percent_failures(court, users, threads_connected,
                                                                             platforms, photo, settings):
    # Wagtail's own background work on each publish (search and reference index) is not under test here.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend",
                                  "QUEUES": ["default", "notifications", "delivery"]}}
    settings.WARTA_SOCIAL_CONFIRM_DELAY_SECONDS = 30
    # With 30 % of every call failing, a confirmation that needs three calls (container, post list, link) fails
    # two times in three; the default limit of 12 in a row then sends a few confirmable rows to a person in some
    # runs. The limit is not under test here (test_social_recovery holds it); exactly-once is.
    settings.WARTA_SOCIAL_MAX_FAILURES = 40
    platforms.instagram.quota_total = 1000
    platforms.instagram.processing_polls = 0
    for seed, fake in enumerate([platforms.facebook, platforms.instagram, platforms.x, platforms.telegram,
                                 platforms.threads]):
        fake.chaos(0.3, MODES, seed=seed)

    titles = [f"Kabar-{number:03d}." for number in range(ITEMS)]
    for title in titles:
        page = NewsPageFactory(parent=court.news_index, title=title, slug=title.lower().rstrip("."), live=False,
                               social_image=photo, social_caption=title)
        page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    assert SocialDelivery.objects.count() == ITEMS * len(PLATFORMS)

    run_until_settled(platforms)

    # Telegram cannot be asked whether an unclear post went out: those wait for a person, who looks at the
    # channel and says "already there" or "send again" (what the status page offers). A resend can be
    # unclear again, hence the loop.
    perlu_dicek = []
    while unsure := list(SocialDelivery.objects.filter(status=S.NEEDS_CHECK)):
        for delivery in unsure:
            perlu_dicek.append((delivery.platform, delivery.page_title, delivery.log.filter(
                outcome="unsure").values_list("message", flat=True).last()))
            assert delivery.platform == "telegram", perlu_dicek[-1]
            assert "t.me/pnuji_info" in delivery.error_message  # where to look
            found = platforms.telegram.messages_containing(delivery.text.split("\n")[0])
            if found:
                # The person opens the channel, finds the message and pastes its link.
                outbox.mark_sent(delivery, users["kasubag"],
                                 permalink=f"https://t.me/pnuji_info/{found[0]['message_id']}")
            else:
                outbox.retry(delivery, users["kasubag"])
        run_until_settled(platforms)
    print("\nperlu dicek:", *perlu_dicek, sep="\n  ")

    assert set(SocialDelivery.objects.values_list("status", flat=True)) == {S.SENT}
    # However each was settled (sent, confirmed, or by a person), it records the post's id and link.
    assert not SocialDelivery.objects.filter(platform_post_id="").exists()
    # A link the platform did not give right after posting (the read after it failed) is asked for again by the
    # periodic upkeep, without chaos here so that one pass settles it.
    for name in PLATFORMS:
        getattr(platforms, name).calm()
    outbox.fill_missing_links(now=platforms.clock.now())
    assert not SocialDelivery.objects.filter(permalink="").exists()
    first_lines = {
        "facebook": [post["message"] for post in platforms.facebook.posts],
        "instagram": [post["caption"] for post in platforms.instagram.media],
        "x": [tweet["sent_text"] for tweet in platforms.x.tweets],
        "telegram": [message["caption"] for message in platforms.telegram.messages],
        "threads": [post["text"] for post in platforms.threads.posts],
    }
    counts = {platform: Counter(text.split("\n")[0] for text in texts) for platform, texts in first_lines.items()}
    for platform, seen in counts.items():
        assert seen == {title: 1 for title in titles}, platform

    # The chaos really happened, including server errors and lost answers after the post was made.
    figures = {}
    for name in PLATFORMS:
        fake = getattr(platforms, name)
        assert len(fake.injected) > ITEMS * 0.2, name
        assert {mode for mode, _method, _path in fake.injected} == set(MODES), name
        confirmed = SocialDelivery.objects.filter(platform=name, log__outcome="confirmed").distinct().count()
        asked = sum(1 for platform, _title, _message in perlu_dicek if platform == name)
        figures[name] = {"calls": len(fake.calls), "confirmed": confirmed, "perlu_dicek": asked}
    print("chaos figures:", figures)
    for name in ("facebook", "instagram", "x", "threads"):
        assert figures[name]["confirmed"] > 5, name  # unclear answers settled by asking the platform
    # Telegram: every unclear answer to a send went to a person, and nothing else did.
    unclear_sends = [mode for mode, _method, path in platforms.telegram.injected
                     if mode in UNCLEAR and path.endswith(("/sendPhoto", "/sendMessage"))]
    assert "500_after" in unclear_sends
    assert figures["telegram"]["perlu_dicek"] == len(unclear_sends)
    assert figures["telegram"]["confirmed"] == 0
