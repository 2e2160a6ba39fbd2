"""The outbox core (core.outbox) on a real table of its own: due(), claim(), owned_update(), backoff, tasks.

The model below exists only for these tests: it is registered in an app registry of its own (so migrations
never see it) and its table is created for this module and dropped after it.
"""

import random
import threading
from datetime import timedelta

import pytest
from django.db import connection, models, transaction
from django.db.models import F
from django.test.utils import isolate_apps
from django.utils import timezone
from django_tasks import task, task_backends

from core import outbox
from core.outbox import OutboxDelivery, OutboxPolicy

LEASE = timedelta(minutes=10)

with isolate_apps("core"):
    class Parcel(OutboxDelivery):
        OPEN_STATUSES = ["pending", "sending", "checking"]

        label = models.CharField(max_length=50)

        class Meta:
            app_label = "core"
            db_table = "core_test_outbox_parcel"


@pytest.fixture(scope="module")
def parcels(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with connection.schema_editor() as editor:
            editor.create_model(Parcel)
        try:
            yield Parcel
        finally:
            with connection.schema_editor() as editor:
                editor.delete_model(Parcel)


@pytest.fixture
def now():
    return timezone.now().replace(microsecond=0)


def parcel(label, at, status="pending", **fields):
    return Parcel.objects.create(label=label, status=status, next_attempt_at=at, **fields)


def sending(row):
    return {"status": "sending", "attempts": F("attempts") + 1}


# due() ----------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_due_lists_open_rows_whose_time_has_come_oldest_first(parcels, now):
    second = parcel("kedua", now - timedelta(minutes=5))
    first = parcel("pertama", now - timedelta(minutes=20))
    tie = parcel("seri", now - timedelta(minutes=5))  # same time as "kedua": the older row first
    crashed = parcel("lease habis", now - timedelta(seconds=1), status="sending")  # its worker died
    checking = parcel("dicek", now, status="checking")  # the model's own open state, due exactly now
    parcel("nanti", now + timedelta(seconds=1))
    parcel("terkirim", now - timedelta(hours=1), status="sent")
    parcel("gagal", now - timedelta(hours=1), status="failed")
    parcel("tanpa waktu", None)

    assert list(Parcel.objects.due(now)) == [first, second, tie, crashed, checking]
    assert Parcel.objects.open().count() == 7


@pytest.mark.django_db
def test_a_retry_after_a_failure_is_due_only_once_its_backoff_has_passed(parcels, now):
    row = parcel("paket", now)
    claimed = Parcel.objects.claim(row.pk, now, LEASE, admit=sending)
    wait = outbox.backoff(1, rng=random.Random(3))
    assert Parcel.objects.owned_update(claimed, status="pending", failures_in_row=1, next_attempt_at=now + wait)

    assert row not in Parcel.objects.due(now + wait - timedelta(seconds=1))
    assert list(Parcel.objects.due(now + wait)) == [row]


# claim() --------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_claim_takes_the_row_for_one_lease(parcels, now):
    row = parcel("paket", now - timedelta(minutes=1))
    claimed = Parcel.objects.claim(row.pk, now, LEASE, admit=sending)

    assert claimed.claim_token is not None and claimed.claimed_at == now
    assert claimed.status == "sending" and claimed.attempts == 1 and claimed.next_attempt_at == now + LEASE
    row.refresh_from_db()
    assert (row.status, row.attempts, row.claim_token, row.next_attempt_at) == (
        "sending", 1, claimed.claim_token, now + LEASE)
    # Nobody else takes it while the lease runs ...
    assert Parcel.objects.claim(row.pk, now + LEASE - timedelta(seconds=1), LEASE, admit=sending) is None
    # ... and it comes back by itself when the worker died: the lease ran out.
    again = Parcel.objects.claim(row.pk, now + LEASE, LEASE, admit=sending)
    assert again.claim_token != claimed.claim_token and again.attempts == 2


@pytest.mark.django_db
def test_two_claims_never_get_the_same_row(parcels, now):
    row = parcel("paket", now)
    first = Parcel.objects.claim(row.pk, now, LEASE, admit=sending)
    second = Parcel.objects.claim(row.pk, now, LEASE, admit=sending)
    assert first is not None and second is None
    row.refresh_from_db()
    assert row.attempts == 1 and row.claim_token == first.claim_token


@pytest.mark.django_db
def test_a_claim_of_a_row_that_is_not_due_or_not_open_takes_nothing(parcels, now):
    later = parcel("nanti", now + timedelta(seconds=1))
    sent = parcel("terkirim", now, status="sent")
    assert Parcel.objects.claim(later.pk, now, LEASE) is None
    assert Parcel.objects.claim(sent.pk, now, LEASE) is None
    assert Parcel.objects.claim(123456789, now, LEASE) is None
    assert set(Parcel.objects.values_list("claim_token", flat=True)) == {None}


@pytest.mark.django_db
def test_the_apps_rules_may_settle_a_row_instead_of_taking_it(parcels, now):
    row = parcel("kanal mati", now)

    def admit(locked):
        Parcel.objects.filter(pk=locked.pk).update(status="cancelled", next_attempt_at=None)
        return None

    assert Parcel.objects.claim(row.pk, now, LEASE, admit=admit) is None
    row.refresh_from_db()
    assert (row.status, row.claim_token, row.attempts) == ("cancelled", None, 0)


@pytest.mark.django_db
def test_a_claim_without_changes_of_its_own_keeps_the_status(parcels, now):
    row = parcel("periksa", now, status="checking", attempts=3)
    claimed = Parcel.objects.claim(row.pk, now, LEASE)
    row.refresh_from_db()
    assert (row.status, row.attempts, row.claim_token) == ("checking", 3, claimed.claim_token)


@pytest.mark.django_db
def test_a_claim_fails_when_the_row_changed_after_it_was_read(parcels, now):
    row = parcel("paket", now)

    def admit(locked):
        # Someone else moved the row on between the read and the take (a person pressed Batalkan).
        Parcel.objects.filter(pk=locked.pk).update(status="cancelled")
        return sending(locked)

    assert Parcel.objects.claim(row.pk, now, LEASE, admit=admit) is None
    row.refresh_from_db()
    assert (row.status, row.claim_token, row.attempts) == ("cancelled", None, 0)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SKIP LOCKED needs PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_row_locked_by_another_worker_is_skipped_not_waited_for(parcels, now):
    row = parcel("paket", now)
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        from django.db import connection as thread_connection

        try:
            with transaction.atomic():
                Parcel.objects.select_for_update().get(pk=row.pk)
                locked.set()
                release.wait(timeout=30)
        finally:
            thread_connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert locked.wait(timeout=30)
        assert Parcel.objects.claim(row.pk, now, LEASE, admit=sending) is None
    finally:
        release.set()
        thread.join()
    assert Parcel.objects.claim(row.pk, now, LEASE, admit=sending) is not None
    Parcel.objects.all().delete()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_racing_for_one_row_take_it_once(parcels, now):
    row = parcel("paket", now)
    barrier = threading.Barrier(4)
    results = []

    def worker():
        from django.db import connection as thread_connection

        barrier.wait()
        try:
            results.append(Parcel.objects.claim(row.pk, now, LEASE, admit=sending))
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert len(results) == 4
        assert sum(1 for result in results if result is not None) == 1
        row.refresh_from_db()
        assert row.status == "sending" and row.attempts == 1
    finally:
        Parcel.objects.all().delete()


# owned_update() -------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_owned_update_writes_while_the_lease_is_the_workers_own(parcels, now):
    claimed = Parcel.objects.claim(parcel("paket", now).pk, now, LEASE, admit=sending)
    assert Parcel.objects.owned_update(claimed, status="sent", sent_at=now, next_attempt_at=None)
    assert Parcel.objects.values_list("status", "sent_at").get() == ("sent", now)


@pytest.mark.django_db
def test_owned_update_refuses_after_the_lease_moved_on(parcels, now):
    row = parcel("paket", now)
    slow = Parcel.objects.claim(row.pk, now, LEASE, admit=sending)
    fast = Parcel.objects.claim(row.pk, now + LEASE, LEASE, admit=sending)  # slow's lease ran out

    assert Parcel.objects.owned_update(fast, status="sent", sent_at=now + LEASE, next_attempt_at=None)
    assert not Parcel.objects.owned_update(slow, status="failed", error_message="habis waktu", next_attempt_at=None)
    row.refresh_from_db()
    assert (row.status, row.error_message, row.attempts) == ("sent", "", 2)
    assert slow.status == "failed"  # the stale worker's copy says what it tried, the table does not


@pytest.mark.django_db
def test_owned_update_refuses_after_a_person_took_the_row_back(parcels, now):
    claimed = Parcel.objects.claim(parcel("paket", now).pk, now, LEASE, admit=sending)
    Parcel.objects.filter(pk=claimed.pk).update(status="pending", claim_token=None, next_attempt_at=now)  # Coba lagi
    assert not Parcel.objects.owned_update(claimed, status="failed")
    assert Parcel.objects.get().status == "pending"


# Backoff and policy -----------------------------------------------------------------------------

def test_backoff_doubles_up_to_its_cap_with_jitter_and_never_runs_at_once():
    rng = random.Random(7)
    for failures, full in [(1, 30), (2, 60), (3, 120), (8, 3600), (20, 3600)]:
        for _ in range(50):
            delay = outbox.backoff(failures, rng=rng, base=30, cap=3600).total_seconds()
            assert full / 2 <= delay <= full


def test_a_platforms_retry_time_wins_when_longer():
    rng = random.Random(1)
    for _ in range(50):
        delay = outbox.backoff(1, retry_after=900, rng=rng, base=30, cap=3600).total_seconds()
        assert 900 <= delay <= 990
    assert outbox.backoff(8, retry_after=5, rng=rng, base=30, cap=3600).total_seconds() >= 1800


def test_the_policy_reads_its_own_settings(settings):
    policy = OutboxPolicy("WARTA_UJI_OUTBOX")
    assert policy.lease() == timedelta(minutes=10) and policy.max_failures() == 12
    settings.WARTA_UJI_OUTBOX_LEASE_SECONDS = 90
    settings.WARTA_UJI_OUTBOX_MAX_FAILURES = 3
    settings.WARTA_UJI_OUTBOX_BACKOFF_SECONDS = 10
    settings.WARTA_UJI_OUTBOX_BACKOFF_MAX_SECONDS = 15
    assert policy.lease() == timedelta(seconds=90) and policy.max_failures() == 3
    assert 7.5 <= policy.backoff(5, rng=random.Random(2)).total_seconds() <= 15


# Tasks ----------------------------------------------------------------------------------------------

STEPS = []


def step(pk):
    """One step of a test outbox: the first answer is "try again in an hour", the second "sent"."""
    row = Parcel.objects.get(pk=pk)
    STEPS.append(pk)
    if row.attempts == 0:
        Parcel.objects.filter(pk=pk).update(attempts=1, next_attempt_at=timezone.now() + timedelta(hours=1))
        return "pending"
    Parcel.objects.filter(pk=pk).update(status="sent", next_attempt_at=None)
    return "sent"


@task(queue_name="delivery")
def deliver_parcel(pk):
    outbox.run_task(deliver_parcel, Parcel, step, pk)


@pytest.fixture
def dummy_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend",
                                  "QUEUES": ["default", "delivery"]}}
    backend = task_backends["default"]
    backend.clear()
    STEPS.clear()
    return backend


@pytest.mark.django_db
def test_a_step_that_leaves_the_row_due_later_schedules_the_next_one(parcels, now, dummy_tasks):
    row = parcel("paket", now)
    deliver_parcel.call(row.pk)
    row.refresh_from_db()
    [later] = dummy_tasks.results
    assert later.args == [row.pk] and later.task.run_after == row.next_attempt_at

    deliver_parcel.call(row.pk)  # the second step closes the row: nothing more to schedule
    assert STEPS == [row.pk, row.pk] and len(dummy_tasks.results) == 1


@pytest.mark.django_db
def test_a_step_that_found_nothing_to_do_schedules_nothing(parcels, now, dummy_tasks):
    row = parcel("paket", now)
    outbox.run_task(deliver_parcel, Parcel, lambda pk: None, row.pk)
    assert dummy_tasks.results == []


@pytest.mark.django_db
def test_enqueue_hands_each_row_to_the_workers(parcels, now, dummy_tasks):
    rows = [parcel(f"paket {n}", now) for n in range(3)]
    outbox.enqueue(deliver_parcel, [row.pk for row in rows])
    assert [result.args for result in dummy_tasks.results] == [[row.pk] for row in rows]


@pytest.mark.django_db
def test_a_later_enqueue_waits_for_the_minute_job_where_the_backend_cannot_defer(parcels, now, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                                  "QUEUES": ["default", "delivery"]}}
    STEPS.clear()
    row = parcel("paket", now)
    assert outbox.enqueue_one(deliver_parcel, row.pk, run_after=now + timedelta(hours=1)) is None
    assert STEPS == []
    outbox.enqueue_one(deliver_parcel, row.pk)  # runs at once on this backend
    assert STEPS == [row.pk]
