"""Background work for social delivery (django_tasks, queue "delivery") and the periodic jobs.

A task only carries a delivery id: the row in the outbox is the truth, so a
task that runs twice, late or never does no harm (the periodic job enqueues
whatever is due).
"""

import logging

from django.utils import timezone
from django_tasks import task, task_backends

from publishers.social import outbox

logger = logging.getLogger(__name__)

QUEUE = "delivery"


@task(queue_name=QUEUE)
def deliver(delivery_id):
    if outbox.process(delivery_id) is None:
        return  # not due, or another worker has it: whoever moved it on schedules what comes next
    # When the backend can run tasks later, schedule the next step right away
    # instead of waiting for the minute job.
    from publishers.social.models import OPEN_STATUSES, SocialDelivery

    row = SocialDelivery.objects.filter(pk=delivery_id, status__in=OPEN_STATUSES).values("next_attempt_at").first()
    if row and row["next_attempt_at"] and row["next_attempt_at"] > timezone.now():
        enqueue_delivery(delivery_id, row["next_attempt_at"])


def enqueue_delivery(delivery_id, run_after=None):
    if run_after is not None:
        if not task_backends[deliver.backend].supports_defer:
            return None  # the minute job will find it when it is due
        return deliver.using(run_after=run_after).enqueue(delivery_id)
    return deliver.enqueue(delivery_id)


def enqueue_due():
    """Minute job: hand every due delivery (retries, crashed workers, unclear posts) to the workers."""
    ids = outbox.due_ids(timezone.now())
    for pk in ids:
        enqueue_delivery(pk)
    return len(ids)


def daily_upkeep():
    """Daily job: check every account's token (warn 7 days ahead) and refresh post metrics."""
    from publishers.social import health

    health.check_accounts()
    outbox.refresh_metrics()


def register_jobs():
    from core.scheduling import register_job

    register_job("social_delivery_due", enqueue_due, minute="*")
    register_job("social_reconcile", outbox.reconcile_missed, minute="*/10")
    register_job("social_daily_upkeep", daily_upkeep, hour="6", minute="15")
