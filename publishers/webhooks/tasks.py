"""Webhook delivery tasks (django_tasks, queue "delivery") and the minute job that retries what is due.

A task carries only a delivery id; the row is the truth, so a task that runs twice, late or never does no harm.
"""

from django.utils import timezone
from django_tasks import task, task_backends

from publishers.webhooks import outbox

QUEUE = "delivery"


@task(queue_name=QUEUE)
def deliver(delivery_id):
    outbox.process(delivery_id)


def enqueue_delivery(delivery_id, run_after=None):
    if run_after is not None:
        if not task_backends[deliver.backend].supports_defer:
            return None
        return deliver.using(run_after=run_after).enqueue(delivery_id)
    return deliver.enqueue(delivery_id)


def enqueue_due():
    """Minute job: hand every due delivery (retries, crashed workers) to the workers."""
    ids = outbox.due_ids(timezone.now())
    for pk in ids:
        enqueue_delivery(pk)
    return len(ids)


def register_jobs():
    from core.scheduling import register_job

    register_job("webhook_delivery_due", enqueue_due, minute="*")
