"""Several schedulers and workers on one PostgreSQL database, as a many-court deployment runs them.

Each scheduler is a thread with its own database connection (Django gives every thread its own), started
together behind a barrier, so their claims really race on the database. A scheduler started twice by mistake,
or two with clocks a minute apart, must not remind anyone twice, run a job's slot twice or store a metric twice.
"""

import threading

import pytest
from django.core import mail
from django.db import connection, connections

from core.models import JobRun
from core.scheduling import JOBS, register_job, run_job
from editorial.models import StepRecord
from tests.support.admin_forms import wib
from tests.support.factories import NewsPageFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the race needs PostgreSQL's row locks"),
]

SCHEDULERS = 6


def race(work, count=SCHEDULERS):
    """Run work(i) in `count` threads released together; return their results in order."""
    barrier = threading.Barrier(count)
    results = [None] * count
    errors = []

    def run(i):
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


def test_one_slot_of_a_job_runs_once_however_many_schedulers_start_it():
    runs = []
    register_job("uji_hitung", lambda: runs.append(1), minute="*")
    try:
        slot = wib(2, 10, 0)
        answers = race(lambda i: run_job("uji_hitung", slot))
    finally:
        JOBS.pop("uji_hitung")
    assert answers.count(True) == 1
    assert len(runs) == 1
    assert JobRun.objects.filter(job="uji_hitung").count() == 1


def test_racing_schedulers_send_each_overdue_reminder_once(court, users, time_machine):
    time_machine.move_to(wib(2, 9, 0), tick=False)
    pages = [NewsPageFactory(parent=court.news_index, title=f"Lama menunggu {n}", live=False) for n in range(4)]
    for page in pages:
        page.save_revision(user=users["admin"])
        page.get_workflow().start(page, users["admin"])
    mail.outbox.clear()
    time_machine.move_to(wib(2, 10, 5), tick=False)
    # Half the schedulers are a minute behind: their slot differs, so only the per-step claim stops a repeat.
    results = race(lambda i: run_job("editorial_overdue_reminders", wib(2, 10, i % 2)))
    assert results.count(True) == 2  # one run per slot
    assert sorted(m.to[0] for m in mail.outbox) == [users["redaktur"].email] * len(pages)
    assert not StepRecord.objects.filter(page__in=pages, step="koreksi", reminder_sent_at__isnull=True).exists()


def test_racing_metric_collectors_store_each_snapshot_once(court):
    from monev import social_metrics
    from monev.models import MetricSnapshot
    from publishers.social.models import SocialAccount, SocialDelivery

    page = NewsPageFactory(parent=court.news_index, title="Terbit")
    account = SocialAccount.objects.create(site=court.site, platform="telegram", name="Kanal", external_id="-1")
    delivery = SocialDelivery.objects.create(site=court.site, page=page, account=account, platform="telegram",
                                             status="sent", platform_post_id="7", sent_at=wib(1, 9, 0))

    def collect(i):
        social_metrics.store([social_metrics.snapshot_for(delivery, 1, {"views": 10 + i}, wib(2, 10, 0))])

    race(collect)
    assert MetricSnapshot.objects.filter(delivery=delivery, day=1).count() == 1
    assert MetricSnapshot.objects.filter(delivery=delivery, latest=True).count() == 1
