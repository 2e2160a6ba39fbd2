from django_tasks import task
from wagtail.models import Site

from . import runner
from .models import CheckRun, Recheck


@task()
def run_checks(site_id, user_id=None):
    from django.contrib.auth import get_user_model

    site = Site.objects.filter(pk=site_id).first()
    if site is None:
        return
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    runner.run(site, trigger=CheckRun.MANUAL if user else CheckRun.SCHEDULED, user=user)


@task()
def run_recheck(recheck_id):
    record = Recheck.objects.select_related("plan__court").filter(pk=recheck_id, finished_at__isnull=True).first()
    if record is not None:
        runner.recheck(record)


def run_all_courts():
    """The scheduler's job: a run for every court, each its own task."""
    for site_id in Site.objects.values_list("pk", flat=True):
        run_checks.enqueue(site_id)
