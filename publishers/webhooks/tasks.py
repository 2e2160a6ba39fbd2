"""Webhook delivery tasks (django_tasks, queue "delivery") and the minute job that retries what is due.

A task carries only a delivery id; the row is the truth, so a task that runs twice, late or never does no harm.
"""

from django.utils import timezone
from django_tasks import task

from core import outbox as core_outbox
from publishers.webhooks import outbox
from publishers.webhooks.models import WebhookDelivery

QUEUE = "delivery"


@task(queue_name=QUEUE)
def deliver(delivery_id):
    # One attempt; a retry is scheduled for its time right away when the backend can run tasks later.
    core_outbox.run_task(deliver, WebhookDelivery, outbox.process, delivery_id)


def enqueue_delivery(delivery_id, run_after=None):
    return core_outbox.enqueue_one(deliver, delivery_id, run_after)  # None: the minute job finds it when due


def enqueue_due():
    """Minute job: hand every due delivery (retries, crashed workers) to the workers."""
    ids = outbox.due_ids(timezone.now())
    for pk in ids:
        enqueue_delivery(pk)
    return len(ids)


def register_jobs():
    from core.scheduling import register_job

    register_job("webhook_delivery_due", enqueue_due, minute="*")
