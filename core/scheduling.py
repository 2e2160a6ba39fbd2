"""Periodic jobs, run by one APScheduler process (`manage.py run_scheduler`).

Apps register jobs here (in their AppConfig.ready). Each run of a job claims
its time slot in the JobRun table first: a second scheduler started by mistake
finds the slot taken and skips, so a double start does no harm. The jobs
themselves are idempotent too (publish_scheduled publishes each revision once).
"""

import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import JobRun

logger = logging.getLogger(__name__)


@dataclass
class Job:
    name: str
    func: object
    cron: dict = field(default_factory=dict)  # APScheduler CronTrigger keyword arguments


JOBS: dict[str, Job] = {}


def register_job(name, func, **cron):
    JOBS[name] = Job(name=name, func=func, cron=cron)


def run_job(name, slot=None):
    """Run a registered job once for its time slot; return False if another scheduler already did."""
    job = JOBS[name]
    slot = (slot or timezone.now()).replace(second=0, microsecond=0)
    try:
        with transaction.atomic():
            run = JobRun.objects.create(job=name, slot=slot)
    except IntegrityError:
        logger.info("job %s for %s already ran elsewhere; skipped", name, slot)
        return False
    try:
        job.func()
    except Exception as exc:  # the scheduler must keep running; the error is recorded
        logger.exception("job %s failed", name)
        JobRun.objects.filter(pk=run.pk).update(finished_at=timezone.now(), error=str(exc)[:2000])
        return True
    JobRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
    return True
