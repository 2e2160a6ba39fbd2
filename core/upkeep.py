"""Pruning what piles up: the scheduler's JobRun rows and the task worker's finished results.

A JobRun row only guards its own minute against a second scheduler; a finished task result only tells
what happened. Both are kept for a while to look back on (settings WARTA_JOB_RUNS_KEEP_DAYS and
WARTA_TASK_RESULTS_KEEP_DAYS), then deleted by two daily jobs of the scheduler.
"""

import datetime

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend

from core.models import JobRun


def prune_job_runs():
    """Delete the JobRun rows of slots older than WARTA_JOB_RUNS_KEEP_DAYS."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.WARTA_JOB_RUNS_KEEP_DAYS)
    JobRun.objects.filter(slot__lt=cutoff).delete()


def prune_task_results():
    """Delete the results of tasks finished more than WARTA_TASK_RESULTS_KEEP_DAYS ago, in every queue of every
    database task backend (django_tasks_db's own prune command; unfinished tasks are never touched)."""
    for backend in task_backends.all():
        if isinstance(backend, DatabaseBackend):
            call_command("prune_db_task_results", f"--backend={backend.alias}", "--queue-name=*",
                         f"--min-age-days={settings.WARTA_TASK_RESULTS_KEEP_DAYS}", verbosity=0)
