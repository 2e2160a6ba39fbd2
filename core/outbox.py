"""The delivery outbox that every kind of delivery stands on (social posts, webhooks).

A delivery is a row created in the same transaction as what it announces; a worker sends it after
commit. The row is the truth, a task carries only its id, so a task that runs twice, late or never
does no harm (a minute job hands on whatever is due). This module holds what every outbox does the
same way; each app keeps its own rules (what an unclear answer means, recovery after a crash,
rate-limit headers) and its own states beyond the shared ones.

- ``OutboxDelivery`` (abstract): the fields every delivery has. ``next_attempt_at`` is when the row is
  due; while a worker holds the row it is also the end of that worker's lease, so a row whose worker
  died comes due again by itself.
- ``OutboxQuerySet``: ``due(now)`` the open rows whose time has come, oldest first; ``claim()`` locks
  one row (``SELECT ... FOR UPDATE SKIP LOCKED`` where the database has it, PostgreSQL; SQLite's
  IMMEDIATE transactions serialise writers), lets the app's rules admit or settle it, then takes it
  with a fresh claim token by compare-and-set, for one lease; ``owned_update()`` writes only while the
  claim token is still the worker's own, so a worker whose lease moved on changes nothing.
- ``OutboxPolicy``: lease, backoff with jitter, failures before a person is asked, from settings.
- ``enqueue()``, ``enqueue_one()``, ``run_task()``: the django_tasks side.

Every time comes from ``now`` passed in, so tests advance a clock instead of sleeping. Like the rest of
core, this imports no other Warta app.
"""

import logging
import random
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import connections, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task_backends

logger = logging.getLogger(__name__)

PENDING = "pending"
SENDING = "sending"


class OutboxPolicy:
    """Lease, backoff and failure limit of an outbox, read from settings named ``<prefix>_...``."""

    def __init__(self, prefix, lease_seconds=600, max_failures=12, backoff_seconds=30, backoff_max_seconds=3600):
        self.prefix = prefix
        self.defaults = {"LEASE_SECONDS": lease_seconds, "MAX_FAILURES": max_failures,
                         "BACKOFF_SECONDS": backoff_seconds, "BACKOFF_MAX_SECONDS": backoff_max_seconds}

    def setting(self, name):
        return getattr(settings, f"{self.prefix}_{name}", self.defaults[name])

    def lease(self):
        """How long a claimed row belongs to its worker before it counts as crashed."""
        return timedelta(seconds=self.setting("LEASE_SECONDS"))

    def max_failures(self):
        """Failures in a row, without progress, before a person is asked (with the backoff: about 8 hours)."""
        return self.setting("MAX_FAILURES")

    def backoff(self, failures, retry_after=None, rng=None):
        """Exponential backoff with jitter; a platform's own retry time always wins when longer."""
        return backoff(failures, retry_after, rng, base=self.setting("BACKOFF_SECONDS"),
                       cap=self.setting("BACKOFF_MAX_SECONDS"))


def backoff(failures, retry_after=None, rng=None, base=30, cap=3600):
    """``base * 2**(failures - 1)`` up to ``cap``, with equal jitter (spread, but never immediate).

    ``retry_after`` (seconds, from a Retry-After or rate-limit header) wins when it is longer, plus up
    to 10% so that many rows told the same time do not all come back at once.
    """
    rng = rng or random
    delay = min(cap, base * 2 ** max(0, failures - 1))
    delay = delay / 2 + rng.uniform(0, delay / 2)
    if retry_after:
        delay = max(delay, float(retry_after) * (1 + rng.uniform(0, 0.1)))
    return timedelta(seconds=delay)


class OutboxQuerySet(models.QuerySet):
    """Rows of one outbox model; its ``OPEN_STATUSES`` are the rows the worker still owns."""

    def open(self):
        return self.filter(status__in=self.model.OPEN_STATUSES)

    def due(self, now=None):
        """Open rows whose next attempt time has come (a lease that ran out included), oldest first."""
        now = now or timezone.now()
        return self.open().filter(next_attempt_at__lte=now).order_by("next_attempt_at", "pk")

    def get_locked(self):
        """The first row, locked for this transaction; a row another worker has locked is skipped, not waited for."""
        features = connections[self.db].features
        if features.has_select_for_update_skip_locked:
            return self.select_for_update(skip_locked=True).first()
        return self.select_for_update().first()  # a no-op where the database has no row locks (SQLite)

    def claim(self, pk, now, lease, admit=None):
        """Take the row ``pk`` for one lease if it is due and nobody holds it; the row, or None.

        ``admit(row)`` applies the app's own rules while the row is locked: it returns the further changes
        the claim makes (a working status, ``attempts=F("attempts") + 1``), or None to leave the row, after
        settling it itself (cancelled, postponed). The claim then sets a fresh ``claim_token``,
        ``claimed_at=now`` and ``next_attempt_at=now + lease`` (the lease), only if status and token are
        still what was read: of two workers that read the same row, one takes it.
        """
        with transaction.atomic(using=self.db):
            row = self.due(now).filter(pk=pk).get_locked()
            if row is None:
                return None
            extra = admit(row) if admit is not None else {}
            if extra is None:
                return None
            changes = {"claim_token": uuid.uuid4(), "claimed_at": now, "next_attempt_at": now + lease, **extra}
            taken = self.filter(pk=row.pk, status=row.status, claim_token=row.claim_token).update(**changes)
            if taken != 1:
                return None
            computed = [name for name, value in changes.items() if hasattr(value, "resolve_expression")]
            for name, value in changes.items():
                if name not in computed:
                    setattr(row, name, value)
            if computed:
                row.refresh_from_db(fields=computed)
        return row

    def owned_update(self, row, **changes):
        """Update ``row`` only while it still carries this worker's claim token; True if it did.

        The in-memory row takes the changes either way (as the worker saw it), so the caller can go on
        reading it; a False means the lease moved on to another worker and nothing was written.
        """
        changed = self.filter(pk=row.pk, claim_token=row.claim_token).update(**changes)
        for name, value in changes.items():
            setattr(row, name, value)
        return changed == 1


class OutboxDelivery(models.Model):
    """The fields every delivery has. A concrete model sets ``OPEN_STATUSES`` and its ``status`` choices."""

    OPEN_STATUSES = [PENDING, SENDING]

    status = models.CharField(_("status"), max_length=20, default=PENDING)
    attempts = models.PositiveIntegerField(_("percobaan"), default=0)
    # Failures in a row without progress: the backoff grows with it and a limit hands the row to a person.
    failures_in_row = models.PositiveIntegerField(default=0, editable=False)
    # When the row is due; while a worker holds it, the end of that worker's lease.
    next_attempt_at = models.DateTimeField(_("percobaan berikutnya"), null=True, blank=True)
    # The worker holding the row: each claim sets a new token, every later write names it.
    claim_token = models.UUIDField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("terkirim pada"), null=True, blank=True)
    error_message = models.TextField(_("alasan"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)

    objects = OutboxQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES


# The django_tasks side -------------------------------------------------------------------------------

def enqueue_one(task, pk, run_after=None):
    """Enqueue ``task(pk)``, later when ``run_after`` is given and the backend can defer (else None: the
    minute job finds the row when it is due)."""
    if run_after is not None:
        if not task_backends[task.backend].supports_defer:
            return None
        return task.using(run_after=run_after).enqueue(pk)
    return task.enqueue(pk)


def enqueue(task, ids, run_after=None):
    """Enqueue ``task`` for each id; a lost enqueue is logged and only delays (the minute job picks it up)."""
    for pk in ids:
        try:
            enqueue_one(task, pk, run_after)
        except Exception:
            logger.exception("could not enqueue %s for delivery %s", task.name, pk)


def run_task(task, model, process, pk):
    """The body of a delivery task: one step of ``process(pk)``; then, when the row is still open and
    due later (a retry, a confirmation), the next step is scheduled right away if the backend can defer,
    instead of waiting for the minute job."""
    if process(pk) is None:
        return  # not due, or another worker has it: whoever moved it on schedules what comes next
    row = model._default_manager.open().filter(pk=pk).values("next_attempt_at").first()
    if row and row["next_attempt_at"] and row["next_attempt_at"] > timezone.now():
        enqueue_one(task, pk, row["next_attempt_at"])
