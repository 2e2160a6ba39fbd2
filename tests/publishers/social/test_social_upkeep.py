"""The outbox's housekeeping: pauses from usage headers, the periodic jobs, missed publishes,
items taken down before they went out, and two workers racing for one row (PostgreSQL)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection

from cms.models import NewsPage
from core.scheduling import JOBS, run_job
from publishers.social import outbox
from publishers.social.models import DeliveryStatus, SocialAccount, SocialDelivery
from tests.support.factories import NewsPageFactory

S = DeliveryStatus


def published(court, users, photo, title="Sidang keliling di Kecamatan Maju"):
    page = NewsPageFactory(parent=court.news_index, title=title, live=False, social_image=photo,
                           social_caption=f"{title}.")
    page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    return NewsPage.objects.get(pk=page.pk)


@pytest.mark.django_db
def test_item_unpublished_before_it_went_out_is_not_posted(court, users, connected, platforms, photo):
    page = published(court, users, photo)
    page.unpublish(user=users["kasubag"])
    outbox.run_due(now=platforms.clock.now())
    assert set(SocialDelivery.objects.values_list("status", flat=True)) == {S.CANCELLED}
    assert SocialDelivery.objects.first().error_message == "Konten tidak tayang lagi, jadi tidak dikirim."
    assert not platforms.facebook.posts and not platforms.telegram.messages


@pytest.mark.django_db
def test_meta_usage_above_90_percent_pauses_the_account(court, users, connected, platforms, photo):
    platforms.facebook.usage_percent = 95
    first = published(court, users, photo, "Berita pertama")
    second = published(court, users, photo, "Berita kedua")
    now = platforms.clock.now()
    outbox.run_due(now=now)
    statuses = dict(SocialDelivery.objects.filter(platform="facebook").values_list("page_id", "status"))
    assert statuses == {first.pk: S.SENT, second.pk: S.PENDING}  # the first call said "slow down"
    account = SocialAccount.objects.get(platform="facebook")
    assert account.paused_until == now + timedelta(minutes=10)
    platforms.facebook.usage_percent = 5
    outbox.run_due(now=now + timedelta(minutes=11))
    assert SocialDelivery.objects.get(page=second, platform="facebook").status == S.SENT


@pytest.mark.django_db
def test_periodic_jobs_pick_up_due_deliveries(court, users, connected, platforms, photo):
    assert {"social_delivery_due", "social_reconcile", "social_daily_upkeep"} <= set(JOBS)
    page = published(court, users, photo)  # on_commit does not fire in a test transaction: nothing sent yet
    assert not platforms.x.tweets
    run_job("social_delivery_due")  # enqueues each due delivery; the test backend runs them at once
    assert SocialDelivery.objects.filter(page=page, status=S.SENT).count() == 4


@pytest.mark.django_db
def test_reconcile_recreates_deliveries_lost_with_a_crashed_publish(court, users, connected, platforms, photo):
    page = published(court, users, photo)
    SocialDelivery.objects.all().delete()  # as if the process died between the page save and our rows
    created = outbox.reconcile_missed()
    assert {d.platform for d in created} == {"facebook", "instagram", "x", "telegram"}
    assert outbox.reconcile_missed() == []  # once
    # A republished correction is not a first publish: nothing is recreated for it.
    SocialDelivery.objects.all().delete()
    page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    assert outbox.reconcile_missed() == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks with SKIP LOCKED need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_never_claim_the_same_delivery(court, users, connected, platforms, photo):
    published(court, users, photo)  # committed: the deliveries already went out on commit
    row = SocialDelivery.objects.get(platform="telegram")
    now = platforms.clock.now()
    SocialDelivery.objects.filter(pk=row.pk).update(status=S.PENDING, next_attempt_at=now, claim_token=None,
                                                    attempts=0)
    barrier = threading.Barrier(4)
    results = []

    def worker():
        from django.db import connection as thread_connection

        barrier.wait()
        try:
            results.append(outbox.claim(row.pk, now))
        finally:
            thread_connection.close()

    workers = [threading.Thread(target=worker) for _ in range(4)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    assert sum(1 for result in results if result is not None) == 1
    row.refresh_from_db()
    assert row.status == S.SENDING and row.attempts == 1
