"""The daily pruning jobs: old JobRun rows and old finished task results go, everything recent or unfinished stays."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.models import JobRun
from core.scheduling import JOBS, run_job

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "delivery"]}}


def test_both_prunes_are_scheduled_daily():
    assert JOBS["prune_job_runs"].cron == {"hour": "3", "minute": "10"}
    assert JOBS["prune_task_results"].cron == {"hour": "3", "minute": "20"}


def test_job_runs_older_than_the_setting_are_deleted(settings):
    settings.WARTA_JOB_RUNS_KEEP_DAYS = 30
    now = timezone.now().replace(second=0, microsecond=0)
    for days in (45, 31, 29, 1):
        JobRun.objects.create(job="publish_scheduled", slot=now - datetime.timedelta(days=days))
    assert run_job("prune_job_runs", now) is True
    kept = sorted((now - run.slot).days for run in JobRun.objects.filter(job="publish_scheduled"))
    assert kept == [1, 29]
    assert JobRun.objects.filter(job="prune_job_runs").count() == 1  # its own run is recorded

    settings.WARTA_JOB_RUNS_KEEP_DAYS = 7
    run_job("prune_job_runs", now + datetime.timedelta(minutes=1))
    assert [(now - run.slot).days for run in JobRun.objects.filter(job="publish_scheduled")] == [1]


def task_result(status, days_ago, queue="default", backend="default"):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    finished = status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)
    result = DBTaskResult.objects.create(
        status=status, args_kwargs={"args": [], "kwargs": {}}, task_path="cms.tugas.uji", queue_name=queue,
        backend_name=backend, run_after=when, started_at=when if finished else None,
        finished_at=when if finished else None, exception_class_path="", traceback="")
    DBTaskResult.objects.filter(pk=result.pk).update(enqueued_at=when)
    return result.pk


def test_finished_task_results_older_than_the_setting_are_deleted_in_every_queue(settings):
    settings.TASKS = DB_TASKS
    settings.WARTA_TASK_RESULTS_KEEP_DAYS = 30
    old_done = task_result(TaskResultStatus.SUCCESSFUL, 40)
    old_failed = task_result(TaskResultStatus.FAILED, 40, queue="delivery")
    recent = task_result(TaskResultStatus.SUCCESSFUL, 10)
    waiting = task_result(TaskResultStatus.READY, 40)
    running = task_result(TaskResultStatus.RUNNING, 40, queue="delivery")
    assert run_job("prune_task_results") is True
    left = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert left == {recent, waiting, running}
    assert not {old_done, old_failed} & left
    assert JobRun.objects.get(job="prune_task_results").error == ""


def test_without_a_database_task_backend_nothing_is_pruned(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.WARTA_TASK_RESULTS_KEEP_DAYS = 30
    old = task_result(TaskResultStatus.SUCCESSFUL, 40)
    assert run_job("prune_task_results") is True
    assert JobRun.objects.get(job="prune_task_results").error == ""
    assert DBTaskResult.objects.filter(pk=old).exists()
