"""Background work for social delivery (django_tasks, queue "delivery") and the periodic jobs.

A task only carries a delivery id: the row in the outbox is the truth, so a
task that runs twice, late or never does no harm (the periodic job enqueues
whatever is due).
"""

from django.utils import timezone
from django_tasks import task

from core import outbox as core_outbox
from publishers.social import outbox
from publishers.social.models import SocialDelivery

QUEUE = "delivery"


@task(queue_name=QUEUE)
def deliver(delivery_id):
    # One step; when the backend can run tasks later, the next step is scheduled right away
    # instead of waiting for the minute job.
    core_outbox.run_task(deliver, SocialDelivery, outbox.process, delivery_id)


def enqueue_delivery(delivery_id, run_after=None):
    return core_outbox.enqueue_one(deliver, delivery_id, run_after)  # None: the minute job finds it when due


def enqueue_due():
    """Minute job: hand every due delivery (retries, crashed workers, unclear posts) to the workers."""
    ids = outbox.due_ids(timezone.now())
    for pk in ids:
        enqueue_delivery(pk)
    return len(ids)


def daily_upkeep():
    """Daily job: check every account's token (warn 7 days ahead). Post metrics are monev's (monev.social_collect)."""
    from publishers.social import health

    health.check_accounts()


def register_jobs():
    from core.scheduling import register_job

    register_job("social_delivery_due", enqueue_due, minute="*")
    register_job("social_reconcile", outbox.reconcile_missed, minute="*/10")
    register_job("social_fill_links", outbox.fill_missing_links, minute="5-59/10")
    register_job("social_daily_upkeep", daily_upkeep, hour="6", minute="15")
